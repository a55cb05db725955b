"""One search, whatever the engine: a query, filters, facets, a sort, a page.

Everything goes through Wagtail's search API on ``Entree`` (``.search()``, and ``.facet()``
where the backend has no ``tally``), so SQLite, PostgreSQL and Elasticsearch run the same
code. A results page costs a fixed number of SQL queries whatever its size: the count and
the facets (one statement, ``backends.tally``), the page of entries (their page joined for
the URL), the taxonomy names, the editors' picks. What a search found is kept a few minutes
(``results_cache``): made again, it reads back the page's entries by id.
"""

import re
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from ressources.models import Domaine, Public
from ressources.registry import registered_types, search_labels
from ressources.territoires import DEPARTEMENTS

from . import results_cache
from .backends.tally import tally
from .models import Entree

PER_PAGE = 10
FACETS = ("type", "departement", "domaines", "publics")
SORTS = ("pertinence", "date")
DEPARTEMENT_NAMES = dict(DEPARTEMENTS)
# A taxonomy term's slug (``SlugField``): anything else names no term, and a NUL byte in a
# query fails on PostgreSQL.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@dataclass
class Filters:
    """The facet values chosen, as they appear in the URL. Unknown values are dropped:
    ``?type=podcast`` searches every type, it does not fail."""

    type: str = ""
    domaine: str = ""
    public: str = ""
    departement: str = ""

    @classmethod
    def from_request(cls, data):
        def value(name, allowed=None):
            raw = str(data.get(name, ""))[:80]
            return raw if raw and (allowed is None or raw in allowed) else ""

        def slug(name):
            raw = value(name)
            return raw if SLUG.fullmatch(raw) else ""

        return cls(
            type=value("type", registered_types()),
            domaine=slug("domaine"),
            public=slug("public"),
            departement=value("departement", DEPARTEMENT_NAMES),
        )

    def as_dict(self):
        return {name: value for name, value in self.__dict__.items() if value}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""  # set by the view, from the request's parameters
    count_word: str = ""


@dataclass
class Results:
    requete: object
    filters: Filters
    sort: str
    page: object = None
    count: int = 0
    partial: bool = False
    facets: dict = field(default_factory=dict)
    picks: list = field(default_factory=list)


def candidates(locale, filters, now=None):
    """Every entry that may come out: the language's, workshops not over yet, the filters."""
    now = now or timezone.now()
    entries = Entree.objects.filter(locale=locale).filter(Q(fin__isnull=True) | Q(fin__gt=now))
    if filters.type:
        entries = entries.filter(type=filters.type)
    if filters.departement:
        entries = entries.filter(departement=filters.departement)
    if filters.domaine:
        entries = entries.filter(page__in=_tagged(Entree.domaines, filters.domaine))
    if filters.public:
        entries = entries.filter(page__in=_tagged(Entree.publics, filters.public))
    return entries


def _tagged(relation, slug):
    """The entries tagged with a term, in any language: translated pages keep the
    source-language terms. A subquery, so a database engine never sees a list of ids."""
    through = relation.through
    target = relation.field.m2m_reverse_field_name()
    return through.objects.filter(**{f"{target}__slug": slug}).values("entree_id")


def search(requete, locale, filters, sort="pertinence", page_number=1, per_page=PER_PAGE):
    results = Results(requete=requete, filters=filters, sort=sort)
    picks = editors_picks(requete.text, locale)
    results.picks = picks
    entries = candidates(locale, filters)
    if picks:
        entries = entries.exclude(page__in=[pick.page_id for pick in picks])
    by_date = sort == "date"
    if by_date:
        entries = entries.order_by("-date")
    entries = entries.select_related("page").prefetch_related("domaines")
    kept = results_cache.key(
        "search", locale.pk, requete.text, filters.as_dict(), [p.page_id for p in picks]
    )

    def count_matches():
        """With every word; else with some of them ("or"), when that finds something."""
        counted = tally(entries.search(requete.query("and"), order_by_relevance=False), FACETS)
        if counted.count == 0 and requete.several:
            some = tally(entries.search(requete.query("or"), order_by_relevance=False), FACETS)
            if some.count:
                return "or", some
        return "and", counted

    operator, counted = results_cache.get_or_compute(f"{kept}:tally", count_matches)
    results.partial = operator == "or"
    results.count = count = counted.count
    found = entries.search(requete.query(operator), order_by_relevance=not by_date)
    paginator = Paginator(_KeptPages(found, count, entries, f"{kept}:{sort}"), per_page)
    try:
        results.page = paginator.page(page_number)
    except PageNotAnInteger:
        results.page = paginator.page(1)
    except EmptyPage:
        results.page = paginator.page(paginator.num_pages)
    if count:
        results.facets = facets(counted.facets, filters)
    return results


def count(requete, locale, filters):
    """How many entries a query finds, with every word or else with some (no facets, no page):
    what a proposed correction is checked with."""

    def count_matches():
        entries = candidates(locale, filters)
        found = entries.search(requete.query("and"), order_by_relevance=False).count()
        if found == 0 and requete.several:
            found = entries.search(requete.query("or"), order_by_relevance=False).count()
        return found

    return results_cache.get_or_compute(
        results_cache.key("count", locale.pk, requete.text, filters.as_dict()), count_matches
    )


class _KeptPages:
    """Search results whose count is already known, so the paginator does not count again,
    and whose pages are read through ``results_cache``: a page already seen is its entry ids, read
    back in one query in the order they were ranked."""

    def __init__(self, results, count, entries, kept):
        self.results, self._count, self.entries, self.kept = results, count, entries, kept

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        cache_key = f"{self.kept}:{key.start}:{key.stop}"
        return results_cache.objects(cache_key, self.entries, lambda: self.results[key])


def facets(counts, filters):
    """The facet values to show, from the counts per type, domaine, public and département
    among the matches (``counts`` of a ``Tally``)."""
    language = get_language()
    type_labels = search_labels()
    types = counts["type"]
    domaines = _taxon_facet(counts["domaines"], Domaine, language, filters.domaine)
    publics = _taxon_facet(counts["publics"], Public, language, filters.public)
    departements = counts["departement"]
    return {
        "type": [
            FacetValue(value, type_labels[value], count, value == filters.type)
            for value, count in types.items()
            if value in type_labels and count
        ],
        "domaine": domaines,
        "public": publics,
        "departement": sorted(
            (
                FacetValue(
                    value,
                    f"{DEPARTEMENT_NAMES[value]} ({value})",
                    count,
                    value == filters.departement,
                )
                for value, count in departements.items()
                if value in DEPARTEMENT_NAMES and count
            ),
            key=lambda facet: (-facet.count, facet.value),
        ),
    }


def _taxon_facet(counts, model, language, selected):
    """Counts keyed by term id, merged by slug and named in the active language (one query,
    whether or not anything was counted)."""
    counts = {pk: count for pk, count in counts.items() if pk and count}
    rows = model.objects.filter(Q(pk__in=list(counts)) | Q(locale__language_code=language))
    by_slug, names = {}, {}
    for pk, slug, nom, term_language in rows.values_list(
        "pk", "slug", "nom", "locale__language_code"
    ):
        if pk in counts:
            by_slug[slug] = by_slug.get(slug, 0) + counts[pk]
        if term_language == language:
            names[slug] = nom
    return sorted(
        (
            FacetValue(slug, names.get(slug, slug), count, slug == selected)
            for slug, count in by_slug.items()
        ),
        key=lambda facet: (-facet.count, facet.label),
    )


def taxon_names(model=Domaine):
    """``{slug: name}`` of a taxonomy in the active language."""
    return dict(
        model.objects.filter(locale__language_code=get_language()).values_list("slug", "nom")
    )


def editors_picks(text, locale):
    """The pages editors pinned for this query (Wagtail's search promotions), live and in
    the language searched."""
    if not text:
        return []
    promotions = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(text),
        page__live=True,
        page__locale=locale,
    ).select_related("page")
    return list(promotions.order_by("sort_order"))
