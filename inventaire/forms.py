"""The public forms of reader feedback (``inventaire.retours``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ressources.forms import BoundedLengthsMixin, HoneypotMixin, LongText

OUI, NON = "oui", "non"
DONNEES_PERSONNELLES = _(
    "N'y écrivez ni votre nom, ni votre adresse e-mail, ni votre numéro de téléphone : "
    "ce commentaire est lu par l'équipe éditoriale et gardé sans rien qui vous identifie."
)


class RetourForm(BoundedLengthsMixin, forms.Form):
    utile = forms.ChoiceField(
        label=_("Cette page vous a-t-elle été utile ?"),
        choices=[(OUI, _("Oui")), (NON, _("Non"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Répondez « oui » ou « non ».")},
    )
    commentaire = LongText(
        label=_("Un commentaire ? (facultatif)"),
        required=False,
        max_length=1000,
        help_text=DONNEES_PERSONNELLES,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def est_utile(self):
        return self.cleaned_data["utile"] == OUI


class SignalementForm(BoundedLengthsMixin, HoneypotMixin, forms.Form):
    description = LongText(
        label=_("Qu'est-ce qui ne va pas ?"),
        max_length=2000,
        help_text=_(
            "Une information fausse ou périmée, un lien cassé, une faute : dites où, et ce "
            "qui serait juste."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Décrivez l'erreur en quelques mots.")},
    )
    email = forms.EmailField(
        label=_("Votre adresse e-mail, pour vous répondre (facultatif)"),
        required=False,
        max_length=254,
        help_text=_(
            "Elle ne sert qu'à vous répondre : elle est effacée dès que l'erreur est traitée, "
            "et au plus tard 30 jours après votre message."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
