"""The agenda's listings: upcoming workshops (soonest first) and the archive (latest first),
with filters that combine, all in the query string."""

from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fiches.territoires import DEPARTEMENT_CHOICES
from ressources.filters import taxon_filter
from ressources.listing import elided_page_range
from ressources.models import Domaine

from .models import AtelierPage, Format, Inscription

PER_PAGE = 12
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


def ateliers(agenda):
    """Live workshops of the agenda with their confirmed seats counted in the same query."""
    return _with_seats(AtelierPage.objects.live().public().child_of(agenda))


def ateliers_of_locale(locale):
    return _with_seats(AtelierPage.objects.live().public().filter(locale=locale))


def _with_seats(queryset):
    return queryset.annotate(
        places_prises_annotees=Count(
            "inscriptions", filter=Q(inscriptions__statut=Inscription.Statut.CONFIRMEE)
        )
    ).prefetch_related("domaines")


def agenda_context(request, agenda, archives=False):
    from ressources.listing import paginate

    now = timezone.now()
    queryset = ateliers(agenda)
    if archives:
        queryset = queryset.filter(fin__lte=now).order_by("-debut")
    else:
        queryset = queryset.filter(fin__gt=now).order_by("debut")
    filterset = AtelierFilterSet(request.GET or None, queryset=queryset, request=request)
    if archives:  # « this week », « free seats » mean nothing for past workshops
        del filterset.filters["periode"]
        del filterset.filters["places"]
    page = paginate(request, filterset.qs, PER_PAGE)
    return {
        "filterset": filterset,
        "filter_form": filterset.form,
        "ateliers": page,
        "ressources": page,
        "result_count": page.paginator.count,
        "elided_page_range": elided_page_range(page),
        "archives": archives,
        "webcal_url": webcal_url(request),
    }


def webcal_url(request):
    """The agenda feed as a webcal:// link, which opens the visitor's calendar program to
    subscribe (it fetches the feed over the site's own scheme, https in production)."""
    feed = request.build_absolute_uri(reverse("agenda_ics"))
    return "webcal://" + feed.split("://", 1)[1]


def prochains(home, count=3):
    """The next workshops of ``home``'s agenda, for the home page."""
    from ressources.listing import with_taxonomy_labels

    upcoming = (
        ateliers_of_locale(home.locale)
        .filter(fin__gt=timezone.now(), annule=False)
        .order_by("debut")[:count]
    )
    return with_taxonomy_labels(upcoming)
