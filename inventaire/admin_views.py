"""The inventory in the Wagtail admin: four reports for network staff, each filtered, sorted
and exported (XLSX, or CSV in the site's one format) by Wagtail's own report view. The
queries live in ``inventaire.comptes``; these views only read the filters and describe the
columns. The kinds of ressource and of downloads are the page types' declarations
(``ressources.registry``)."""

import django_filters
from django import forms
from django.conf import settings
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from ressources import exports
from ressources.models import Domaine, RessourcePage
from ressources.registry import registered_types

from . import comptes
from .models import RechercheDuJour

#: Whoever may see what people search (``inventaire.view_recherchedujour``, superusers) sees
#: the whole inventory.
permission_policy = ModelPermissionPolicy(RechercheDuJour)


def peut_voir_inventaire(user):
    return permission_policy.user_has_permission(user, "view")


def nom_de_langue(code):
    return dict(settings.LANGUAGES).get(code, code)


def noms_de_types():
    """``{model name: verbose name}`` of the registered page types: « modèle », « fiche
    pratique »."""
    return {
        model._meta.model_name: model._meta.verbose_name for model in registered_types().values()
    }


def types_de_ressource():
    """``{type key: plural name}`` of the kinds of ressource: « Guides pratiques »…"""
    return {
        key: capfirst(model._meta.verbose_name_plural)
        for key, model in registered_types(base=RessourcePage).items()
    }


def url_de_recherche(row):
    """The public results page for a query, as the people who typed it saw it (today)."""
    with override(row["langue"]):
        return f"{reverse('recherche')}?{urlencode({'q': row['requete']})}"


def sans_filtrer(queryset, name, value):
    """The reports read the filters' values themselves (see ``InventaireView``)."""
    return queryset


class InventaireFilterSet(WagtailFilterSet):
    langue = django_filters.ChoiceFilter(
        label=_("Langue"),
        choices=settings.LANGUAGES,
        empty_label=_("Toutes"),
        widget=forms.RadioSelect,
        method=sans_filtrer,
    )

    def _add_locale_filter(self):
        """Every report filters on « langue », pages and domaines as well as searches."""


class PeriodeFilterSet(InventaireFilterSet):
    periode = django_filters.DateFromToRangeFilter(
        label=_("Période"),
        widget=DateRangePickerWidget,
        method=sans_filtrer,
        initial=lambda: slice(*comptes.periode_par_defaut()),
    )

    class Meta:
        model = RechercheDuJour
        fields = ["periode", "langue"]


class InventaireView(exports.CsvExportMixin, ReportView):
    permission_policy = permission_policy
    permission_required = "view"
    header_icon = "table"
    breadcrumbs_items = ReportView.breadcrumbs_items + [{"url": "", "label": _("Inventaire")}]
    url_name = None
    #: Columns after which rows with equal values keep a stable order.
    tiebreak = ()

    @property
    def index_url_name(self):
        return f"inventaire:{self.url_name}"

    @property
    def index_results_url_name(self):
        return f"inventaire:{self.url_name}_results"

    def filtre(self, name):
        """A filter's value, None when empty or invalid (the other filters still apply)."""
        if not self.filters:
            return None
        self.filters.is_valid()  # cleans the form, leaving invalid values out
        return self.filters.form.cleaned_data.get(name) or None

    @cached_property
    def langue(self):
        return self.filtre("langue")

    def trier(self, queryset):
        if self.is_explicitly_ordered and self.ordering:
            return queryset.order_by(self.ordering, *self.tiebreak)
        return queryset

    def get_filename(self):
        return f"inventaire-{self.url_name.replace('_', '-')}"

    def get_paginator(self, *args, **kwargs):
        """« 4 recherches » rather than the name of the model the rows are computed from."""
        paginator = super().get_paginator(*args, **kwargs)
        if self.verbose_name_plural:
            paginator.verbose_name = self.verbose_name
            paginator.verbose_name_plural = self.verbose_name_plural
        return paginator


class PeriodeView(InventaireView):
    """A report on the searches of a period, the last 30 days unless staff choose another."""

    filterset_class = PeriodeFilterSet
    verbose_name = _("recherche")
    verbose_name_plural = _("recherches")
    tiebreak = ("requete", "langue")
    export_headings = {
        "requete": _("Recherche"),
        "langue": _("Langue"),
        "total": _("Recherches"),
        "total_sans_resultat": _("Sans résultat"),
        "derniere": _("Dernière recherche"),
        "resultats_aujourdhui": _("Résultats (dernière recherche)"),
    }

    def get_filterset_kwargs(self):
        """Show the default period in the filter form when none is asked for."""
        kwargs = super().get_filterset_kwargs()
        data = kwargs["data"].copy()
        if not data.get("periode_from") and not data.get("periode_to"):
            debut, fin = comptes.periode_par_defaut()
            data["periode_from"], data["periode_to"] = debut.isoformat(), fin.isoformat()
        kwargs["data"] = data
        return kwargs

    @cached_property
    def periode(self):
        value = self.filtre("periode")  # a slice of aware datetimes, or None
        if not value:
            return comptes.periode()
        debut, fin = (
            timezone.localdate(when) if when else None for when in (value.start, value.stop)
        )
        return comptes.periode(debut, fin)

    def get_page_subtitle(self):
        debut, fin = self.periode
        return _("du %(debut)s au %(fin)s") % {
            "debut": date_format(debut, "SHORT_DATE_FORMAT"),
            "fin": date_format(fin, "SHORT_DATE_FORMAT"),
        }

    def get_filename(self):
        debut, fin = self.periode
        return f"{super().get_filename()}-{debut.isoformat()}-{fin.isoformat()}"

    @cached_property
    def columns(self):
        """The columns of ``list_export``, in its order: the page shows what the file holds."""
        colonnes = {
            "requete": TitleColumn(
                "requete", label=_("Recherche"), get_url=url_de_recherche, sort_key="requete"
            ),
            "langue": Column(
                "langue", label=_("Langue"), accessor=lambda row: nom_de_langue(row["langue"])
            ),
            "total": NumberColumn("total", label=_("Recherches"), sort_key="total"),
            "total_sans_resultat": NumberColumn(
                "total_sans_resultat", label=_("Sans résultat"), sort_key="total_sans_resultat"
            ),
            "derniere": Column("derniere", label=_("Dernière recherche"), sort_key="derniere"),
            "resultats_aujourdhui": NumberColumn(
                "resultats_aujourdhui", label=_("Résultats (dernière recherche)")
            ),
        }
        return [colonnes[name] for name in self.list_export]


class RecherchesFrequentesView(PeriodeView):
    page_title = _("Recherches les plus fréquentes")
    url_name = "recherches"
    list_export = ["requete", "langue", "total", "total_sans_resultat", "derniere"]
    default_ordering = "-total"

    def get_queryset(self):
        debut, fin = self.periode
        return self.trier(comptes.recherches(debut, fin, self.langue))


class RecherchesSansResultatView(PeriodeView):
    page_title = _("Recherches sans résultat")
    url_name = "sans_resultat"
    list_export = [
        "requete",
        "langue",
        "total_sans_resultat",
        "total",
        "derniere",
        "resultats_aujourdhui",
    ]
    default_ordering = "-total_sans_resultat"

    def get_queryset(self):
        debut, fin = self.periode
        return self.trier(comptes.recherches_sans_resultat(debut, fin, self.langue))


def types_telecharges():
    return [
        (key, capfirst(model._meta.verbose_name_plural))
        for key, model in comptes.types_telecharges().items()
    ]


class TelechargementsFilterSet(InventaireFilterSet):
    type = django_filters.ChoiceFilter(
        label=_("Type"),
        choices=types_telecharges,
        empty_label=_("Tous"),
        widget=forms.RadioSelect,
        method=sans_filtrer,
    )

    class Meta:
        model = RessourcePage
        fields = ["type", "langue"]


class TelechargementsView(InventaireView):
    page_title = _("Téléchargements par modèle et par fiche")
    page_subtitle = _("depuis la mise en ligne des fichiers")
    url_name = "telechargements"
    filterset_class = TelechargementsFilterSet
    default_ordering = "-telechargements"
    tiebreak = ("title", "pk")
    list_export = ["title", "type", "langue", "telechargements", "url_edition"]
    export_headings = {
        "title": _("Titre"),
        "type": _("Type"),
        "langue": _("Langue"),
        "telechargements": _("Téléchargements"),
        "url_edition": _("Modifier"),
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title", label=_("Titre"), url_name="wagtailadmin_pages:edit", sort_key="title"
            ),
            Column("type", label=_("Type")),
            Column("langue", label=_("Langue"), accessor=lambda page: nom_de_langue(page.langue)),
            NumberColumn("telechargements", label=_("Téléchargements"), sort_key="telechargements"),
        ]

    def get_queryset(self):
        return self.trier(comptes.telechargements(self.langue, self.filtre("type")))

    def decorate_paginated_queryset(self, pages):
        types = noms_de_types()
        for page in pages:
            page.type = types.get(page.modele, page.modele)
            page.url_edition = self.request.build_absolute_uri(
                reverse("wagtailadmin_pages:edit", args=[page.pk])
            )
        return pages


class DomainesFilterSet(InventaireFilterSet):
    class Meta:
        model = Domaine
        fields = ["langue"]


class DomainesView(InventaireView):
    page_title = _("Ressources et fiches par domaine")
    page_subtitle = _("en ligne aujourd'hui")
    url_name = "domaines"
    filterset_class = DomainesFilterSet

    @cached_property
    def list_export(self):
        return ["nom", "langue", *types_de_ressource(), "total"]

    @cached_property
    def export_headings(self):
        return {
            "nom": _("Domaine"),
            "langue": _("Langue"),
            **types_de_ressource(),
            "total": _("Total"),
        }

    @cached_property
    def columns(self):
        return [
            Column("nom", label=_("Domaine")),
            Column("langue", label=_("Langue"), accessor=lambda d: nom_de_langue(d.langue)),
            *(NumberColumn(key, label=label) for key, label in types_de_ressource().items()),
            NumberColumn("total", label=_("Total")),
        ]

    def get_queryset(self):
        return comptes.domaines_a_compter(self.langue)

    def decorate_paginated_queryset(self, domaines):
        return comptes.avec_comptes(list(domaines), self.langue)


RAPPORTS = [RecherchesFrequentesView, RecherchesSansResultatView, TelechargementsView, DomainesView]

urlpatterns = [
    route
    for view in RAPPORTS
    for route in (
        path(f"{view.url_name.replace('_', '-')}/", view.as_view(), name=view.url_name),
        path(
            f"{view.url_name.replace('_', '-')}/resultats/",
            view.as_view(results_only=True),
            name=f"{view.url_name}_results",
        ),
    )
]
