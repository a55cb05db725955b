"""« Bourse d'entraide » in the Inventaire (issue 19, point 8): what the annonces published
in a period became, in all, per domaine and per département; filtered by period and exported
(CSV in the site's one format, or XLSX) like the other reports. The figures are counted by
``bourse.indicateurs`` in a fixed number of queries; this view lays them out as rows."""

import django_filters
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn

from bourse import indicateurs
from bourse.models import Annonce
from ressources.models import Domaine
from ressources.territoires import DEPARTEMENT_CHOICES

from .admin_views import PeriodeView, sans_filtrer

SECONDES_PAR_JOUR = 86400


class BourseFilterSet(WagtailFilterSet):
    periode = django_filters.DateFromToRangeFilter(
        label=_("Annonces publiées pendant la période"),
        widget=DateRangePickerWidget,
        method=sans_filtrer,
    )

    class Meta:
        model = Annonce
        fields = ["periode"]


#: The columns, in the page's and the file's order.
COLONNES = {
    "rubrique": _("Rubrique"),
    "libelle": _("Périmètre"),
    "offres": _("Offres"),
    "demandes": _("Demandes"),
    "demandes_3j": _("Demandes répondues sous 3 jours"),
    "part_3j": _("Part répondue sous 3 jours (en pourcentage)"),
    "demandes_7j": _("Demandes répondues sous 7 jours"),
    "part_7j": _("Part répondue sous 7 jours (en pourcentage)"),
    "delai_median": _("Délai médian de première réponse (jours)"),
    "non_satisfaites": _("Demandes non satisfaites"),
    "aidees": _("Annonces closes « aide trouvée »"),
    "plus_besoin": _("Annonces closes « plus besoin »"),
    "sans_reponse": _("Annonces closes « sans réponse »"),
    "echanges_aide": _("Échanges « aide apportée »"),
    "echanges_sans_suite": _("Échanges « sans suite »"),
    "echanges_confirmes": _("Échanges confirmés par les deux structures"),
    "heures": _("Heures données (confirmées)"),
    "valeur": _("Valeur prêtée ou donnée, euros (confirmée)"),
}
NOMBRES = set(COLONNES) - {"rubrique", "libelle"}


def en_jours(delai):
    return None if delai is None else round(delai.total_seconds() / SECONDES_PAR_JOUR, 1)


def lignes(figures):
    """The report's rows: all the annonces, then each domaine, then each département."""
    domaines = dict(Domaine.objects.in_active_locale().values_list("slug", "nom"))
    departements = dict(DEPARTEMENT_CHOICES)

    def ligne(rubrique, libelle, comptes_, median=None):
        return {
            "rubrique": rubrique,
            "libelle": libelle,
            **comptes_,
            "part_3j": figures.part(comptes_, 3),
            "part_7j": figures.part(comptes_, 7),
            "delai_median": median,
        }

    rows = [
        ligne(
            _("Ensemble"),
            _("Toutes les annonces"),
            figures.ensemble,
            en_jours(figures.delai_median),
        )
    ]
    rows += [
        ligne(_("Domaine"), domaines.get(slug, slug), valeurs)
        for slug, valeurs in sorted(
            figures.par_domaine.items(), key=lambda item: domaines.get(item[0], item[0])
        )
    ]
    rows += [
        ligne(_("Département"), departements.get(code, code), valeurs)
        for code, valeurs in figures.par_departement.items()
    ]
    return rows


class BourseView(PeriodeView):
    page_title = _("Bourse d'entraide")
    url_name = "bourse"
    filterset_class = BourseFilterSet
    verbose_name = _("ligne")
    verbose_name_plural = _("lignes")
    list_export = list(COLONNES)
    export_headings = COLONNES
    default_ordering = None
    # Every row on one page: a domaine or a département is never left for a next page.
    paginate_by = 500

    @cached_property
    def columns(self):
        return [
            NumberColumn(name, label=label) if name in NOMBRES else Column(name, label=label)
            for name, label in COLONNES.items()
        ]

    def filter_queryset(self, queryset):
        """The rows are computed for the period the view reads (``periode``): a list, which
        django-filter would not filter anyway."""
        return queryset

    def get_queryset(self):
        debut, fin = self.periode
        return lignes(indicateurs.calculer(debut, fin))


urlpatterns = [
    path("bourse/", BourseView.as_view(), name="bourse"),
    path("bourse/resultats/", BourseView.as_view(results_only=True), name="bourse_results"),
]
