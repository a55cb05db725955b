"""The public forms of structures: registering one, asking to join it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ressources.forms import BoundedLengthsMixin, HoneypotMixin, LongText

from .identifiers import clean_rna, clean_siren_or_siret
from .models import Adhesion, Structure


class StructureForm(BoundedLengthsMixin, HoneypotMixin, forms.ModelForm):
    class Meta:
        model = Structure
        fields = ["nom", "type_structure", "siret", "rna", "departement", "site_web", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"description": LongText}

    siret = forms.CharField(
        label=Structure._meta.get_field("siret").verbose_name,
        help_text=Structure._meta.get_field("siret").help_text,
        max_length=30,
        required=False,
    )
    rna = forms.CharField(
        label=Structure._meta.get_field("rna").verbose_name,
        help_text=Structure._meta.get_field("rna").help_text,
        max_length=30,
        required=False,
    )

    def clean_siret(self):
        value = self.cleaned_data["siret"]
        return self._not_taken("siret", clean_siren_or_siret(value)) if value else ""

    def clean_rna(self):
        value = self.cleaned_data["rna"]
        return self._not_taken("rna", clean_rna(value)) if value else ""

    def _not_taken(self, field, value):
        """Say which structure already has the number, so the person can ask to join it."""
        existing = Structure.objects.filter(**{field: value}).exclude(pk=self.instance.pk).first()
        if existing is not None:
            raise forms.ValidationError(
                _(
                    "Ce numéro est déjà celui de « %(nom)s » sur Entraide : "
                    "demandez plutôt à rejoindre cette structure."
                ),
                code="duplicate",
                params={"nom": existing.nom},
            )
        return value


class AdhesionForm(BoundedLengthsMixin, forms.ModelForm):
    """Asking to join a structure, with a word for its members."""

    class Meta:
        model = Adhesion
        fields = ["message"]
        labels = {"message": _("Un mot pour les membres (facultatif)")}
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"message": LongText}


class StructureEditForm(StructureForm):
    """A member changing their structure's public details. A new name or identifier takes the
    « vérifiée » badge away until staff check again: the badge vouches for who the structure
    is, and a member could otherwise give a verified structure another identity."""

    IDENTITE = ("nom", "siret", "rna")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # As saved (identifiers compact): a number typed again with spaces is no change.
        self.identite_avant = [getattr(self.instance, name) for name in self.IDENTITE]

    def save(self, commit=True):
        identite = [getattr(self.instance, name) for name in self.IDENTITE]
        if identite != self.identite_avant:
            self.instance.verifiee = False
        return super().save(commit=commit)


class InvitationForm(BoundedLengthsMixin, forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail de la personne à inviter"),
        max_length=254,
        help_text=_("Elle recevra un lien pour rejoindre la structure, valable 14 jours."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
