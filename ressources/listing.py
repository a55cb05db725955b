"""The queries behind every listing of ressources, written once.

Each function returns template context and runs a fixed number of SQL queries, whatever the
number of ressources: cards only use fields of ``RessourcePage`` (never ``.specific``), and
taxonomy names are looked up once per listing.
"""

from django.core.paginator import Paginator
from django.db.models import Count
from django.utils import translation

PER_PAGE = 12
LATEST_ON_HOME = 6
RELATED_COUNT = 3


def ressource_types():
    """The kinds of ressource a listing can be filtered on, by their slug in the URL."""
    from fiches.models import FichePage

    from .models import GuidePage, ModelePage

    return {"guide": GuidePage, "modele": ModelePage, "fiche": FichePage}


def live_ressources(locale):
    from .models import RessourcePage

    return RessourcePage.objects.live().public().filter(locale=locale)


def with_taxonomy_labels(ressources):
    """Attach ``domaine_labels`` (slug, name) in the active language to each ressource.
    A translated page still points at the source-language terms (wagtail-localize keeps
    many-to-many fields in sync), so names are looked up by slug."""
    from .models import Domaine

    ressources = list(ressources)
    if not ressources:
        return ressources
    names = _names(Domaine)
    for ressource in ressources:
        ressource.structure_name = _structure_name(ressource)
        ressource.domaine_labels = [
            (domaine.slug, names.get(domaine.slug, domaine.nom))
            for domaine in ressource.domaines.all()
        ]
    return ressources


def _structure_name(ressource):
    """The name of the structure that wrote a fiche, from data the query already joined."""
    structure = getattr(ressource, "structure", None)
    if structure is None and "fichepage" in ressource._state.fields_cache:
        fiche = ressource._state.fields_cache["fichepage"]
        structure = fiche.structure if fiche is not None else None
    return structure.nom if structure is not None else ""


def _names(model):
    language = translation.get_language()
    return dict(model.objects.filter(locale__language_code=language).values_list("slug", "nom"))


def ressource_listing(request, locale, domaine=None, queryset=None, filterset_class=None):
    """A filtered, sorted page of ressources: every kind by default, or ``queryset``
    (e.g. the fiches only) with its own ``filterset_class``."""
    from .filters import RessourceFilterSet

    if queryset is None:
        queryset = live_ressources(locale).select_related("fichepage__structure")
    if domaine is not None:
        queryset = queryset.filter(domaines__slug=domaine.slug)
    filterset = (filterset_class or RessourceFilterSet)(
        request.GET or None, queryset=queryset, request=request, types=ressource_types()
    )
    if domaine is not None:
        del filterset.filters["domaine"]
    results = filterset.qs.order_by(*filterset.ordering).prefetch_related("domaines")
    page = paginate(request, results)
    return {
        "filterset": filterset,
        "filter_form": filterset.form,
        "ressources": page,
        "paginator": page.paginator,
        "result_count": page.paginator.count,
        "elided_page_range": elided_page_range(page),
    }


def paginate(request, results, per_page=PER_PAGE):
    """The requested page of results; out-of-range or non-numeric numbers give the nearest page."""
    page = Paginator(results, per_page).get_page(request.GET.get("page"))
    page.object_list = with_taxonomy_labels(page.object_list)
    return page


def elided_page_range(page):
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


def home_context(request, home):
    from .models import GuidePage, ModelePage, RessourceIndexPage

    def latest(model):
        ressources = (
            model.objects.live()
            .public()
            .filter(locale=home.locale)
            .defer_streamfields()
            .order_by("-last_published_at")
            .prefetch_related("domaines")[:LATEST_ON_HOME]
        )
        return with_taxonomy_labels(ressources)

    from evenements.agenda import prochains

    index = RessourceIndexPage.objects.child_of(home).live().first()
    return {
        "prochains_ateliers": prochains(home),
        "ressource_index": index,
        "domaines": domaines_with_counts(home.locale),
        "derniers_guides": latest(GuidePage),
        "derniers_modeles": latest(ModelePage),
    }


def domaines_with_counts(locale):
    from .models import Domaine

    counts = dict(
        live_ressources(locale)
        .order_by()
        .values_list("domaines__slug")
        .annotate(n=Count("pk", distinct=True))
        .values_list("domaines__slug", "n")
    )
    domaines = list(Domaine.objects.filter(locale=locale))
    for domaine in domaines:
        domaine.ressource_count = counts.get(domaine.slug, 0)
    return domaines


def related_ressources(page):
    """The guide's chosen related ressources that are live, or else the latest of its domains."""
    chosen_ids = []
    if hasattr(page, "ressources_liees"):
        chosen_ids = [lien.ressource_id for lien in page.ressources_liees.all()]
    candidates = live_ressources(page.locale).exclude(pk=page.pk).prefetch_related("domaines")
    if chosen_ids:
        found = {r.pk: r for r in candidates.filter(pk__in=chosen_ids)}
        related = [found[pk] for pk in chosen_ids if pk in found]
        if related:
            return with_taxonomy_labels(related)
    slugs = [domaine.slug for domaine in page.domaines.all()]
    same_domain = (
        candidates.filter(domaines__slug__in=slugs)
        .distinct()
        .order_by("-last_published_at")[:RELATED_COUNT]
    )
    return with_taxonomy_labels(same_domain)


def ressource_page_context(page):
    from .models import Public

    with_taxonomy_labels([page])
    names = _names(Public)
    return {
        "publics": [names.get(public.slug, public.nom) for public in page.publics.all()],
        "related_ressources": related_ressources(page),
    }
