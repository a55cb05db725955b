from django import forms
from django.utils.translation import gettext_lazy as _

from ressources.forms import HoneypotMixin
from structures.models import Structure

from .models.inscriptions import Inscription


class InscriptionForm(HoneypotMixin, forms.ModelForm):
    consentement = forms.BooleanField(
        label=_(
            "J'accepte que mes nom, e-mail, structure et besoins soient gardés pour "
            "l'organisation de cet atelier. Ils sont anonymisés 90 jours après l'atelier, "
            "et supprimés si j'annule mon inscription."
        ),
        error_messages={"required": _("Cochez cette case pour vous inscrire.")},
    )

    class Meta:
        model = Inscription
        fields = ["nom", "email", "structure", "besoins"]
        widgets = {
            "nom": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "structure": forms.TextInput(attrs={"autocomplete": "organization"}),
            "besoins": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"structure": _("Structure (facultatif)"), "besoins": _("Besoins (facultatif)")}

    @classmethod
    def pour(cls, user):
        """The form, pre-filled for a signed-in person: their name, their address and their
        first structure (the person may change them)."""
        if user is None or not user.is_authenticated:
            return cls()
        structure = Structure.objects.of_member(user).order_by("nom").first()
        return cls(
            initial={
                "nom": user.get_full_name(),
                "email": user.email,
                "structure": structure.nom if structure else "",
            }
        )


class RenvoiLienForm(HoneypotMixin, forms.Form):
    """« Renvoyer mon lien »: the personal links of a registration, again, by e-mail. Its own
    prefix keeps its ids apart from the registration form's on the workshop page."""

    prefix = "renvoi"

    email = forms.EmailField(
        label=_("Adresse e-mail de votre inscription"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def adresse(self):
        return self.cleaned_data["email"].strip().lower()


class MessageForm(forms.Form):
    """« Écrire à tous les inscrits » (e.g. a room change)."""

    sujet = forms.CharField(label=_("Objet"), max_length=150)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}))
    liste_attente = forms.BooleanField(
        label=_("Écrire aussi aux personnes en liste d'attente"), required=False, initial=True
    )
