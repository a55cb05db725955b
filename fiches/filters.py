import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from ressources.filters import RessourceFilterSet
from ressources.territoires import DEPARTEMENT_CHOICES
from structures.models import TypeStructure


class FicheFilterSet(RessourceFilterSet):
    """The ressources' filters, less the type (all are fiches), plus who wrote them."""

    type_structure = django_filters.MultipleChoiceFilter(
        label=_("Type de structure"),
        field_name="structure__type_structure",
        choices=TypeStructure.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    departement = django_filters.ChoiceFilter(
        label=_("Département"),
        field_name="structure__departement",
        choices=DEPARTEMENT_CHOICES,
        empty_label=_("Tous les départements"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.filters["type"]
