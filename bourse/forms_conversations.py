"""The forms of the conversations: the first message (and the structure it speaks for) and a
reply. Addresses and phone numbers are refused until both structures agree to share them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ressources.forms import BoundedLengthsMixin, LongText

from . import coordonnees

TEXTE_AIDE = _(
    "Texte simple : vos retours à la ligne sont gardés. Les messages sont envoyés par e-mail "
    "aux membres de l'autre structure, sans votre adresse."
)


class MessageForm(BoundedLengthsMixin, forms.Form):
    texte = LongText(
        label=_("Votre message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=TEXTE_AIDE,
        error_messages={"required": _("Écrivez votre message.")},
    )

    def __init__(self, *args, coordonnees_permises=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.coordonnees_permises = coordonnees_permises

    def clean_texte(self):
        texte = self.cleaned_data["texte"].strip()
        if not texte:
            raise forms.ValidationError(_("Écrivez votre message."))
        if not self.coordonnees_permises and coordonnees.contient(texte):
            raise forms.ValidationError(
                _(
                    "N'écrivez ni adresse e-mail ni numéro de téléphone tant que les deux "
                    "structures n'ont pas accepté de partager leurs coordonnées (bouton "
                    "« Partager nos coordonnées »)."
                )
            )
        return texte


class PremierMessageForm(MessageForm):
    """The first message; the structure to speak for when the person belongs to several
    (those of the annonce excepted)."""

    structure = forms.ModelChoiceField(
        queryset=None,
        label=_("Au nom de la structure"),
        empty_label=None,
        error_messages={"invalid_choice": _("Choisissez l'une de vos structures.")},
    )
    field_order = ["structure", "texte"]

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = structures
        self.seule = structures[0] if len(structures) == 1 else None
        if self.seule is not None:  # nothing to choose: it speaks for that one
            self.fields["structure"].widget = forms.HiddenInput()
            self.fields["structure"].required = False
            self.initial.setdefault("structure", self.seule.pk)

    def clean_structure(self):
        return self.cleaned_data.get("structure") or self.seule
