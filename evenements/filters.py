"""The agenda's filters, which combine, all in the query string."""

from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ressources.filters import taxon_filter
from ressources.models import Domaine
from ressources.territoires import DEPARTEMENT_CHOICES

from .models.choices import Format

# Dates far outside this range are typos (and overflow once made time-zone aware).
SENSIBLE_DATES = [MinValueValidator(date(2000, 1, 1)), MaxValueValidator(date(2100, 12, 31))]


class AtelierFilterSet(django_filters.FilterSet):
    CETTE_SEMAINE = "semaine"
    CE_MOIS = "mois"

    domaine = taxon_filter(Domaine, "domaines", _("Domaine"))
    format = django_filters.MultipleChoiceFilter(
        label=_("Format"), choices=Format.choices, widget=forms.CheckboxSelectMultiple
    )
    departement = django_filters.ChoiceFilter(
        label=_("Département"),
        choices=DEPARTEMENT_CHOICES,
        empty_label=_("Tous les départements"),
    )
    periode = django_filters.ChoiceFilter(
        label=_("Quand"),
        choices=[(CETTE_SEMAINE, _("Cette semaine")), (CE_MOIS, _("Ce mois-ci"))],
        empty_label=_("Toutes les dates"),
        method="filter_periode",
    )
    du = django_filters.DateFilter(
        label=_("Du"),
        method="filter_du",
        validators=SENSIBLE_DATES,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    au = django_filters.DateFilter(
        label=_("Au"),
        method="filter_au",
        validators=SENSIBLE_DATES,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    places = django_filters.BooleanFilter(
        label=_("Avec des places libres"),
        method="filter_places",
        widget=forms.CheckboxInput,
    )

    @staticmethod
    def _start_of(day):
        return timezone.make_aware(datetime.combine(day, time.min))

    def filter_periode(self, queryset, name, value):
        today = timezone.localdate()
        if value == self.CETTE_SEMAINE:
            start = today - timedelta(days=today.weekday())
            end = start + timedelta(days=7)
        else:
            start = today.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1)
        return queryset.filter(debut__gte=self._start_of(start), debut__lt=self._start_of(end))

    def filter_du(self, queryset, name, value):
        return queryset.filter(debut__gte=self._start_of(value))

    def filter_au(self, queryset, name, value):
        return queryset.filter(debut__lt=self._start_of(value + timedelta(days=1)))

    def filter_places(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(capacite__gt=F("places_prises_annotees"), annule=False)

    @property
    def active_count(self):
        self.form.is_valid()
        data = getattr(self.form, "cleaned_data", {})
        return sum(1 for value in data.values() if value)
