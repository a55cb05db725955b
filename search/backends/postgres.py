"""PostgreSQL full text search that uses its GIN indexes.

Wagtail's compiler matches on ``title || body``, a concatenation no index can answer, so every
search reads every row of the table. Here a document matches when its title *or* its body
matches, two conditions PostgreSQL answers from the GIN indexes on those columns (a bitmap
OR), and the ranking stays Wagtail's."""

from django.db.models import Q
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Or, Phrase, PlainText

MATCHABLE = (PlainText, Phrase, And, Or)


class IndexedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        if not isinstance(self.query, MATCHABLE) or self.fields is not None:
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        queryset = self.queryset.filter(
            Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
        )
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedPostgresSearchQueryCompiler
