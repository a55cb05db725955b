"""PostgreSQL full text search that uses its GIN indexes and ranks a bounded set.

Wagtail's compiler matches on ``title || body``, a concatenation no index can answer, so every
search reads every row of the table; and it ranks every match on its whole body vector, which
PostgreSQL must read back from TOAST storage row by row. Here:

- a document matches when its title *or* its body matches: two conditions the GIN indexes on
  those columns answer (a bitmap OR);
- the matches are first ordered on their title alone (a short vector stored in the row) and
  only the best ``CANDIDATES`` of them are ranked on title and body with Wagtail's weights.
  A query found in fewer documents than that is ranked exactly as Wagtail would; past it, a
  document that has the words only in its body can be left out of the ranking (it is still
  counted, faceted and listed when sorting by date).
"""

from django.contrib.postgres.search import SearchRank
from django.db.models import Q
from django.db.models.expressions import F
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import And, Or, Phrase, PlainText

from .decompte import TallyMixin

MATCHABLE = (PlainText, Phrase, And, Or)
CANDIDATES = 1000


class IndexedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        if not isinstance(self.query, MATCHABLE) or self.fields is not None:
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        matches = self.queryset.filter(
            Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
        )
        title_rank = SearchRank(F("index_entries__title"), search_query, weights=self.sql_weights)
        if not self.order_by_relevance or stop is None:
            # Sorted otherwise, or counted and faceted: every match, nothing ranked.
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


class TallyingPostgresSearchResults(TallyMixin, PostgresSearchResults):
    pass


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedPostgresSearchQueryCompiler
    results_class = TallyingPostgresSearchResults
