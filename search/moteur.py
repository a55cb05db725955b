"""One search, whatever the engine: a query, filters, facets, a sort, a page.

The engine (``search.engines``) counts the matches and their facets and gives a page of
results; here is what a results page means whatever the engine. A results page costs a fixed
number of SQL queries whatever its size: the count and the facets (one statement), the page of
entries (their page joined for the URL), the taxonomy names, the editors' picks. What a search
found is kept a few minutes (``results_cache``): made again, it reads back the page's entries
by id.

When fewer than ``HANDFUL`` entries have every word, those with some of the words follow
them, ranked, and the page says where they start (``Results.complete``).
"""

import re
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language

from ressources.models import Domaine, Public
from ressources.registry import search_labels
from ressources.territoires import DEPARTEMENTS

from . import requetes, results_cache, suggestions
from .engines import engine
from .models import Entree
from .promotions import editors_picks

PER_PAGE = 10
HANDFUL = 5
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
            type=value("type", search_labels()),
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
    count: int = 0  # at most the engine's cap (1,000)
    more: bool = False  # more matches than that
    # With fewer than HANDFUL matches having every word, how many have every word (the
    # results with only some of the words follow); None when every result has every word.
    complete: int | None = None
    facets: dict = field(default_factory=dict)
    facets_approximate: bool = False
    picks: list = field(default_factory=list)
    # What was typed, when it found nothing and these are the results of its correction.
    corrected_from: str = ""

    @property
    def partial(self):
        return self.complete is not None


def candidates(locale, filters, now=None):
    """Every entry that may come out: the language's, workshops not over yet, the filters."""
    now = now or timezone.now()
    entries = Entree.objects.filter(locale=locale).filter(Q(fin__isnull=True) | Q(fin__gt=now))
    if filters.type:
        entries = entries.filter(type=filters.type)
    if filters.departement:
        entries = entries.filter(departement=filters.departement)
    if filters.domaine:
        entries = entries.filter(pk__in=_tagged(Entree.domaines, filters.domaine))
    if filters.public:
        entries = entries.filter(pk__in=_tagged(Entree.publics, filters.public))
    return entries


def _tagged(relation, slug):
    """The entries tagged with a term, in any language (translated pages keep the
    source-language terms), as a subquery. The terms' ids are read first: given ids, the
    database's statistics tell how many entries carry them; given a slug through a join, it
    guesses, and a wrong guess had it test the text of every entry of a domaine."""
    through = relation.through
    target = relation.field.m2m_reverse_field_name()
    terms = relation.field.related_model.objects.filter(slug=slug).values_list("pk", flat=True)
    return through.objects.filter(**{f"{target}_id__in": list(terms)}).values("entree_id")


def search(requete, locale, filters, sort="pertinence", page_number=1, per_page=PER_PAGE):
    """The results of ``requete``; when it finds nothing, those of its spelling correction
    (« subvension » → « subvention »), if that finds something."""
    results = search_as_typed(requete, locale, filters, sort, page_number, per_page)
    if results.count or results.picks:
        return results
    corrected = suggestions.correction(requete.text, locale)
    if not corrected:
        return results
    correction = requetes.parse(corrected, locale.language_code)
    found = search_as_typed(correction, locale, filters, sort, page_number, per_page)
    if not found.count:
        return results
    found.corrected_from = requete.text
    return found


def search_as_typed(requete, locale, filters, sort, page_number, per_page):
    results = Results(requete=requete, filters=filters, sort=sort)
    picks = editors_picks(requete, locale)
    results.picks = picks
    entries = candidates(locale, filters)
    if picks:
        entries = entries.exclude(page__in=[pick.page_id for pick in picks])
    entries = entries.select_related("page").prefetch_related("domaines")
    kept = results_cache.key(
        "search", locale.pk, requete.text, filters.as_dict(), [p.page_id for p in picks]
    )
    counted, complete = results_cache.get_or_compute(
        f"{kept}:tally", lambda: count_matches(entries, requete)
    )
    results.complete = complete
    cap = engine().cap
    results.more = counted.count > cap
    results.count = count = min(counted.count, cap)
    listing = Listing(entries, requete, counted.count, complete, sort == "date", f"{kept}:{sort}")
    paginator = Paginator(listing, per_page)
    try:
        results.page = paginator.page(page_number)
    except PageNotAnInteger:
        results.page = paginator.page(1)
    except EmptyPage:
        results.page = paginator.page(paginator.num_pages)
    if count:
        results.facets = facets(counted.facets, filters)
        results.facets_approximate = counted.approximate
    return results


def count_matches(entries, requete):
    """``(tally, complete)``: the matches with every word; or, when they are fewer than a
    handful and some of the words find more, the matches with any of them and how many of
    those have every word."""
    every = engine().tally(entries, requete, "and", FACETS)
    if every.count >= HANDFUL or not requete.several:
        return every, None
    some = engine().tally(entries, requete, "or", FACETS)
    if some.count <= every.count:
        return every, None
    return some, every.count


def count(requete, locale, filters):
    """How many entries a query finds, with every word or else with some (no facets, no page;
    at most the engine's cap + 1): what a correction or the other language is checked with."""

    def count_matches():
        entries = candidates(locale, filters)
        found = engine().count(entries, requete, "and")
        if found == 0 and requete.several:
            found = engine().count(entries, requete, "or")
        return found

    return results_cache.get_or_compute(
        results_cache.key("count", locale.pk, requete.text, filters.as_dict()), count_matches
    )


class Listing:
    """The results as the paginator reads them: their count is already known, and each page
    is read through ``results_cache`` (a page already seen is its entry ids, read back in one
    query in the order they were ranked). With partial results (``complete``), the entries
    with every word come first, then those with only some, without the first ones."""

    def __init__(self, entries, requete, count, complete, by_date, kept):
        self.entries, self.requete, self.total = entries, requete, count
        self.complete, self.by_date, self.kept = complete, by_date, kept

    def count(self):
        return min(self.total, engine().cap)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        cache_key = f"{self.kept}:{key.start}:{key.stop}"
        return results_cache.objects(
            cache_key, self.entries, lambda: self.find(key.start, key.stop)
        )

    def find(self, start, stop):
        search_engine, requete, by_date = engine(), self.requete, self.by_date
        if self.complete is None:
            return search_engine.page(
                self.entries, requete, "and", start, stop, by_date, self.total
            )
        every = search_engine.page(self.entries, requete, "and", 0, self.complete, by_date)
        head = every[start:stop]
        if stop <= self.complete:
            return head
        others = self.entries.exclude(pk__in=[entree.pk for entree in every])
        rest = self.total - self.complete
        start, stop = max(0, start - self.complete), stop - self.complete
        return head + search_engine.page(others, requete, "or", start, stop, by_date, rest)


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
