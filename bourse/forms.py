"""The annonce form of « Mon espace » and the « Signaler » form. Every rule of issue 19 says
what is wrong in French: dates in the past or beyond six months, an unknown département, no
nature, neither a département nor « à distance »."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ressources.forms import BoundedLengthsMixin, HoneypotMixin, LongText
from ressources.models import Domaine
from ressources.territoires import DEPARTEMENT_CHOICES
from structures.models import Structure

from . import coordonnees, dates
from .models import Annonce, Motif

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class Choix(forms.RadioSelect):
    """Radio buttons without ``required`` on each: the group's legend, not each button's
    label, says it is required (templates/django/forms/field.html)."""

    def use_required_attribute(self, initial):
        return False


class AnnonceForm(BoundedLengthsMixin, forms.ModelForm):
    structure = forms.ModelChoiceField(
        queryset=Structure.objects.none(),
        label=_("Au nom de la structure"),
        empty_label=None,
    )
    description = LongText(
        label=_("Description"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Ce que vous proposez ou cherchez, pour qui, dans quelles conditions. Texte simple : "
            "une ligne vide entre deux paragraphes, « - » en début de ligne pour une liste. "
            "N'écrivez ni adresse e-mail ni numéro de téléphone : le contact passera par le site."
        ),
    )
    domaines = forms.ModelMultipleChoiceField(
        queryset=Domaine.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Domaines"),
        widget=forms.CheckboxSelectMultiple,
    )
    departements = forms.MultipleChoiceField(
        choices=DEPARTEMENT_CHOICES,
        required=False,
        label=_("Départements"),
        help_text=_("Un ou plusieurs (Ctrl ou Cmd pour en choisir plusieurs)."),
        error_messages={
            "invalid_choice": _("« %(value)s » n'est pas un département connu."),
        },
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    fin = forms.DateField(
        label=_("Date de fin"),
        required=False,
        widget=DATE,
        help_text=_(
            "Au plus six mois. Laissée vide : dans 60 jours pour une demande, 120 pour une "
            "offre. Vous pourrez la prolonger."
        ),
    )

    class Meta:
        model = Annonce
        fields = [
            "structure",
            "sens",
            "nature",
            "titre",
            "description",
            "domaines",
            "departements",
            "a_distance",
            "format",
            "disponibilites",
            "debut",
            "contrepartie",
            "fin",
        ]
        widgets = {
            "sens": Choix,
            "nature": Choix,
            "contrepartie": Choix,
            "debut": DATE,
        }
        error_messages = {
            "sens": {"required": _("Dites s'il s'agit d'une offre ou d'une demande.")},
            "nature": {"required": _("Choisissez la nature de l'annonce.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domaines"].queryset = Domaine.objects.in_active_locale()
        if self.instance.pk:
            del self.fields["structure"]  # an annonce stays with its structure
            self.initial["departements"] = self.instance.codes_departements()
            self.initial["domaines"] = [d.slug for d in self.instance.domaines.all()]
        else:
            self.fields["structure"].queryset = Structure.objects.of_member(user)
        for name in ("sens", "nature", "contrepartie"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]

    def clean_fin(self):
        fin = self.cleaned_data.get("fin")
        if fin is None:
            return None  # the default of its sens, in clean()
        aujourdhui = dates.aujourdhui()
        if fin < aujourdhui:
            raise forms.ValidationError(_("La date de fin ne peut pas être passée."))
        maximum = dates.fin_maximum(aujourdhui)
        if fin > maximum:
            raise forms.ValidationError(
                _("La date de fin est au plus dans six mois : le %(date)s.")
                % {"date": date_format(maximum)}
            )
        return fin

    def clean(self):
        data = super().clean()
        for name in ("titre", "description", "disponibilites"):
            if coordonnees.contient(data.get(name)):
                self.add_error(name, coordonnees.MESSAGE)
        if not data.get("departements") and not data.get("a_distance"):
            self.add_error(
                "departements",
                _("Choisissez au moins un département, ou cochez « à distance »."),
            )
        if "fin" not in self.errors and data.get("fin") is None and data.get("sens"):
            data["fin"] = dates.fin_par_defaut(data["sens"])
        debut, fin = data.get("debut"), data.get("fin")
        if debut and fin and debut > fin:
            self.add_error("debut", _("La date de début est après la date de fin."))
        return data


class SignalerForm(HoneypotMixin, BoundedLengthsMixin, forms.Form):
    motif = forms.ChoiceField(
        label=_("Pourquoi signalez-vous cette annonce ?"),
        choices=Motif.choices,
        widget=Choix,
        error_messages={"required": _("Choisissez une raison.")},
    )
    commentaire = LongText(
        label=_("Précisions (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ne laissez pas vos coordonnées : rien ne vous est demandé."),
    )
