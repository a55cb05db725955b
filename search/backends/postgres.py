"""PostgreSQL full text search that uses its GIN indexes, even for a word found everywhere.

Wagtail's compiler matches on ``title || body``, a concatenation no index can answer, so every
search reads every row of the index table and its body vector, which PostgreSQL reads back
from TOAST storage row by row; and it ranks every match on that body. Here:

- an entry matches when its index entry's title *or* body matches: two conditions the GIN
  indexes on those columns answer (a bitmap OR);
- the matches are first ordered on their title alone (a short vector kept in the row) and
  only the best ``CANDIDATES`` of them are ranked on title and body with Wagtail's weights.
  A query found in fewer documents than that is ranked exactly as Wagtail would; past it, a
  document that has the words only in its body can be left out of the ranking (it is still
  counted, faceted and listed when sorting by date).

A query is asked another way when the planner would test the vectors one by one, because
PostgreSQL's cost model does not count the reading of the vectors (from TOAST storage): seeing
« association », in nine entries out of ten, it prefers to read the whole table and test every
vector, many times slower than through the indexes; with filters that leave a few thousand
entries, it tests those vectors rather than read the matches from the indexes. So when the
planner expects the query in more than ``MANY`` entries, or would test the candidates' vectors
one by one where reading the matches from the indexes costs less (``TEST_COST``), the query is
given as ``(SELECT tsquery)``, a value the planner cannot look into: it then takes the indexes, and
joins the entries by hashing. For a *broad* query, in most of the entries searched, it would
also look up each match's domaines and publics one at a time: ``backends.tally`` joins
those by hashing too (``broad``). Other queries are left to the planner, whose plan then uses
the indexes, or tests a few candidates. What the planner would do is asked with ``EXPLAIN``
(a millisecond, nothing read) and kept a few minutes (``search.results_cache``).

Each entry is indexed with the text search configuration of its language (``SEARCH_CONFIGS``:
``entraide_fr``, ``entraide_en``, made by migrations ``search/0002`` and ``0007``), and a
search is made with the active language's: English words are stemmed as English. Only models
searched one language at a time (``search_by_language``: ``Entree``) are: the pages and
documents the admin searches across languages keep the default configuration, so that a
search finds them whatever their language.

The index table keeps its vectors out of its rows but the title's (migration ``search/0005``),
so that reading the matching rows after the indexes is cheap. The figures behind these choices
are in bench/DECISIONS.md.
"""

from copy import copy
from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.search import SearchRank
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BooleanField, Func, Q
from django.db.models.expressions import F
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import And, Or, Phrase, PlainText
from wagtail.models import Locale

from .. import results_cache
from .tally import TallyMixin

MATCHABLE = (PlainText, Phrase, And, Or)
# Ranked on title and body: 30 pages of results; each candidate's body is read back from
# TOAST storage, so ranking more of them shows in every page's time (bench/DECISIONS.md).
CANDIDATES = 300
# Past this many entries expected, a query is matched through the GIN indexes; past this
# share of the entries searched, it is *broad*: its facets are also joined by hashing.
# Both thresholds were measured at 100,000 entries (bench/DECISIONS.md).
MANY = 5000
BROAD_SHARE = 0.5
# Testing one candidate's vectors (read from TOAST) costs as much as reading and hashing this
# many matches from the indexes (bench/DECISIONS.md).
TEST_COST = 7.5


class Matches(Func):
    """``vector @@ query``; with ``hidden=True``, ``vector @@ (SELECT query)``."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, vector, query, hidden=False):
        super().__init__(vector, query)
        self.hidden = hidden

    def as_sql(self, compiler, connection, **extra_context):
        vector, vector_params = compiler.compile(self.source_expressions[0])
        query, query_params = compiler.compile(self.source_expressions[1])
        if self.hidden:
            query = f"(SELECT {query})"
        return f"{vector} @@ {query}", [*vector_params, *query_params]


class IndexedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    broad = False  # set by ``search``, read by ``backends.tally``: join by hashing

    def get_config(self, backend):
        if getattr(self.queryset.model, "search_by_language", False):
            return backend.config_for(translation.get_language())
        return backend.config

    def search(self, config, start, stop, score_field=None, backend=None):
        if not isinstance(self.query, MATCHABLE) or self.fields is not None:
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        matches = self.queryset.filter(
            Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
        )
        sorted_otherwise = not self.order_by_relevance and stop is not None
        expected, hidden = Plan(), False
        if not sorted_otherwise:
            expected = planned(matches)
            hidden = expected.rows > MANY or (
                expected.one_by_one and self._one_by_one_costs_more(search_query)
            )
        # Only the count and facets (no page: ``stop`` is None) join by hashing.
        self.broad = (
            hidden and stop is None and expected.rows > BROAD_SHARE * planned(self.queryset).rows
        )
        if hidden:
            matches = self.queryset.filter(
                Matches(F("index_entries__title"), search_query, hidden=True)
                | Matches(F("index_entries__body"), search_query, hidden=True)
            )
        title_rank = SearchRank(F("index_entries__title"), search_query, weights=self.sql_weights)
        if sorted_otherwise or stop is None:
            # Sorted otherwise (by date: read in that order, each entry checked, until the
            # page is full), or counted and faceted: nothing ranked.
            return self._apply_ordering_and_scoring(matches, F("pk"), start, stop, score_field)
        if stop > CANDIDATES:  # deep pages: the title's rank only
            return self._apply_ordering_and_scoring(matches, title_rank, start, stop, score_field)
        candidates = (
            matches.order_by()
            .annotate(_title_rank=title_rank)
            .order_by("-_title_rank", "-pk")
            .values("pk")[:CANDIDATES]
        )
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        ranked = self.queryset.filter(pk__in=candidates)
        return self._apply_ordering_and_scoring(ranked, rank_expression, start, stop, score_field)

    def _one_by_one_costs_more(self, search_query):
        """Whether testing each candidate's vectors costs more than reading every match from
        the indexes and hashing them (``TEST_COST`` times the candidates against the matches
        of the query in the whole table)."""
        everywhere = self.queryset.model._default_manager.filter(
            Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
        )
        return planned(self.queryset).rows * TEST_COST > planned(everywhere).rows


@dataclass(frozen=True)
class Plan:
    rows: float = 0  # rows expected
    one_by_one: bool = False  # a full text match tested row by row, not through an index


def planned(queryset):
    """What the planner would do with a queryset (``EXPLAIN``: nothing is read), kept a few
    minutes per query and filters."""
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # e.g. ``pk__in=[]``: nothing to ask
        return Plan()

    def explain():
        with connections[queryset.db].cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0][0]["Plan"]
        nodes, tested, indexed = [plan], False, False
        while nodes:
            node = nodes.pop()
            nodes.extend(node.get("Plans", ()))
            tested = tested or "@@" in node.get("Filter", "")
            indexed = indexed or "@@" in node.get("Index Cond", "")
        return Plan(plan["Plan Rows"], tested and not indexed)

    # The time of "workshops not over yet" changes with every request: not part of the key.
    stable = [str(value) for value in params if not isinstance(value, datetime)]
    return results_cache.get_or_compute(
        results_cache.key("plan", sql, stable, shows_workshops=False), explain
    )


class LanguagePostgresIndex(PostgresIndex):
    """Each object of a model searched by language indexed with the configuration of its
    language (its ``locale``)."""

    def add_items(self, model, objs):
        if not getattr(model, "search_by_language", False):
            return super().add_items(model, objs)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_config = {}
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            by_config.setdefault(self.backend.config_for(language), []).append(obj)
        for config, group in by_config.items():
            # Wagtail's indexer reads the configuration from the backend: a copy of both.
            index = copy(self)
            index.backend = copy(self.backend)
            index.backend.config = config
            super(LanguagePostgresIndex, index).add_items(model, group)


class TallyingPostgresSearchResults(TallyMixin, PostgresSearchResults):
    pass


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedPostgresSearchQueryCompiler
    results_class = TallyingPostgresSearchResults
    index_class = LanguagePostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.configs = params.get("SEARCH_CONFIGS", {})

    def config_for(self, language):
        """The text search configuration of a language (``fr``, ``en-gb``…), else the
        default one (``SEARCH_CONFIG``)."""
        return self.configs.get((language or "")[:2], self.config)
