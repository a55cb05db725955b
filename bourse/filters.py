"""The filters of the bourse's listing (``/bourse/``). Unlike the ressource listings, a value
the form does not know is refused with a 400 that says which (issue 19: allow-listed
parameters), and so is a parameter the listing does not read (``PARAMETRES``)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from ressources.models import Domaine
from ressources.territoires import DEPARTEMENT_CHOICES

from .models import AnnonceDepartement, Nature, Sens


class AnnonceFilterSet(django_filters.FilterSet):
    sens = django_filters.ChoiceFilter(
        label=_("Offres ou demandes"), choices=Sens.choices, empty_label=_("Les deux")
    )
    nature = django_filters.MultipleChoiceFilter(
        label=_("Nature"), choices=Nature.choices, widget=forms.CheckboxSelectMultiple
    )
    domaine = django_filters.ModelMultipleChoiceFilter(
        label=_("Domaine"),
        field_name="domaines__slug",
        to_field_name="slug",
        queryset=lambda request: Domaine.objects.in_active_locale(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    departement = django_filters.ChoiceFilter(
        label=_("Département"),
        choices=DEPARTEMENT_CHOICES,
        empty_label=_("Tous les départements"),
        method="filtrer_lieu",
    )
    a_distance = django_filters.BooleanFilter(
        label=_("À distance"),
        widget=forms.CheckboxInput,
        method="filtrer_lieu",
    )

    def filtrer_lieu(self, queryset, name, value):
        """A département and « à distance » together: the annonces of that département OR
        those at a distance (what someone of that département can take up)."""
        data = self.form.cleaned_data
        departement, a_distance = data.get("departement"), data.get("a_distance")
        if name == "a_distance" and departement:
            return queryset  # done with the département, below
        condition = Q()
        if departement:
            # A subquery, not a join: an annonce of several départements comes once.
            ici = AnnonceDepartement.objects.filter(annonce=OuterRef("pk"), departement=departement)
            condition |= Q(Exists(ici))
        if a_distance:
            condition |= Q(a_distance=True)
        return queryset.filter(condition) if condition else queryset

    @property
    def active_count(self):
        if not self.form.is_valid():
            return 0
        return sum(1 for value in self.form.cleaned_data.values() if value)


#: Every query parameter the listing reads.
PARAMETRES = {*AnnonceFilterSet.base_filters, "page"}
