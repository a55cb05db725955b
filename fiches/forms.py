from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from ressources.forms import BoundedLengthsMixin, HoneypotMixin, LongText
from ressources.models import Domaine, Public
from structures.models import Structure

from . import uploads
from .models.fiches import FichePage, PieceJointe


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class FicheForm(BoundedLengthsMixin, HoneypotMixin, forms.ModelForm):
    """A fiche as its contributors write it. Files are kept as soon as they pass the checks,
    even when another field has an error, so the form comes back with them attached. Every
    text is bounded (the fiche's own fields in the model), so that no fiche is long to
    render."""

    title = forms.CharField(
        label=_("Titre"),
        max_length=150,
        help_text=_("Ce que vous avez réussi, en quelques mots : « Notre première paie »."),
    )
    chapo = LongText(
        label=_("Résumé"),
        max_length=600,
        help_text=_("Deux ou trois phrases : le problème et ce que votre fiche apporte."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    nouveaux_fichiers = MultipleFileField(
        label=_("Joindre des fichiers"),
        required=False,
        help_text=_("PDF, DOCX, ODT, XLSX, ODS, PNG ou JPEG ; 10 Mo au plus chacun, 5 par fiche."),
    )
    pieces_en_attente = forms.ModelMultipleChoiceField(
        queryset=PieceJointe.objects.none(), required=False, widget=forms.MultipleHiddenInput
    )
    retirer = forms.ModelMultipleChoiceField(
        label=_("Retirer ces fichiers"),
        queryset=PieceJointe.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = FichePage
        fields = [
            "structure",
            "title",
            "chapo",
            "domaines",
            "publics",
            "niveau",
            "situation",
            "etapes",
            "reussites",
            "pieges",
            "liens",
        ]
        help_texts = {
            "liens": _(
                "Une adresse par ligne, commençant par https://, avec quelques mots pour dire "
                "ce qu'on y trouve."
            ),
        }
        widgets = {
            "domaines": forms.CheckboxSelectMultiple,
            "publics": forms.CheckboxSelectMultiple,
        }
        field_classes = dict.fromkeys(FichePage.TEXTS, LongText)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["structure"].queryset = Structure.objects.of_member(user)
        self.fields["structure"].empty_label = None
        self.fields["domaines"].queryset = Domaine.objects.in_active_locale()
        self.fields["publics"].queryset = Public.objects.in_active_locale()
        self.fields["pieces_en_attente"].queryset = PieceJointe.objects.filter(
            deposee_par=user, fiche__isnull=True
        )
        if self.instance.pk:
            self.fields["retirer"].queryset = self.instance.pieces_jointes.filter(a_retirer=False)
        else:
            del self.fields["retirer"]
        self.deposees = []

    FIELDSETS = {
        "fiche": ["structure", "title", "chapo"],
        "classement": ["domaines", "publics", "niveau"],
        "experience": ["situation", "etapes", "reussites", "pieges", "liens"],
    }

    def fieldsets(self):
        """{name: its bound fields}, for the template to group them under legends."""
        return {name: [self[field] for field in fields] for name, fields in self.FIELDSETS.items()}

    def clean_nouveaux_fichiers(self):
        """Keep each acceptable file at once; name the refused ones. Nothing is kept for a
        robot (honeypot filled) nor beyond the number of files a fiche may have."""
        uploaded_files = self.cleaned_data["nouveaux_fichiers"]
        if not uploaded_files or self.data.get(self.HONEYPOT):
            return []
        room = uploads.MAX_PER_FICHE - self._attached_count()
        if len(uploaded_files) > room:
            raise forms.ValidationError(
                _(
                    "Une fiche a au plus %(max)d fichiers joints ; "
                    "vous pouvez encore en joindre %(room)d."
                )
                % {"max": uploads.MAX_PER_FICHE, "room": max(room, 0)},
                code="too_many",
            )
        errors = []
        for uploaded in uploaded_files:
            try:
                nom, type_mime = uploads.inspect(uploaded)
            except forms.ValidationError as error:
                errors.append(error)
                continue
            self.deposees.append(
                PieceJointe.objects.create(
                    deposee_par=self.user,
                    fichier=uploaded,
                    nom=nom,
                    type_mime=type_mime,
                    taille=uploaded.size,
                )
            )
        if errors:
            raise forms.ValidationError(errors)
        return self.deposees

    def pieces_jointes(self):
        """The files waiting to be attached: kept from an earlier try, and just uploaded."""
        kept = list(self.cleaned_data.get("pieces_en_attente") or []) if self.is_bound else []
        return kept + [piece for piece in self.deposees if piece not in kept]

    def _attached_count(self):
        """Files the fiche will keep: its own, less those ticked for removal, plus the ones
        kept from an earlier try. Runs during cleaning, field by field: reads the raw data."""
        kept = self.fields["pieces_en_attente"].queryset.filter(
            pk__in=[pk for pk in self.data.getlist("pieces_en_attente") if pk.isdigit()]
        )
        count = kept.count()
        if self.instance.pk:
            removed = [pk for pk in self.data.getlist("retirer") if pk.isdigit()]
            own = self.instance.pieces_jointes.filter(a_retirer=False).exclude(pk__in=removed)
            count += own.count()
        return count

    def apply(self):
        """The fiche with the form's values, not saved (the moderation module saves it)."""
        fiche = self.save(commit=False)
        fiche.domaines = self.cleaned_data["domaines"]
        fiche.publics = self.cleaned_data["publics"]
        return fiche


class SignupForm(HoneypotMixin, AllauthSignupForm):
    """allauth's sign-up (ACCOUNT_FORMS) with the site's honeypot: labelled, out of sight and of
    the keyboard, rendered by templates/includes/form.html like every other public form."""
