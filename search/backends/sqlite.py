"""SQLite FTS5 with French word forms: each typed word is searched as the prefix of its
Snowball stem, so « recruter » searches ``recrut*`` and finds « recrutement » and « recrutés ».
Stems shorter than four letters are searched as typed, so « RH » does not match every word
that starts with « rh ». Accents are folded by FTS5's ``unicode61`` tokenizer on both sides.

FTS5 reads its query in a language of its own: only the words of what was typed reach it
(``analysis.words``: never a quote, a parenthesis or an operator), and the words are combined as
a balanced tree, whose depth FTS5's parser can hold (a chain of a hundred words overflows it)."""

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import translation
from modelsearch.backends.database.sqlite.query import (
    BM25,
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.analysis import fold, stem, words

from .tally import TallyMixin

MIN_PREFIX = 4
RANKABLE = (PlainText, Phrase, And, Or)
# bm25() weights of the FTS5 columns (autocomplete, body, title): a word in the title counts
# as much as ten in the body. Wagtail's default weighs them the same.
COLUMN_WEIGHTS = (0.0, 1.0, 10.0)


class WeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection)
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"{sql[:-1]}, {weights})", params


def word_query(word, language):
    """``word`` as FTS5 should look for it: the prefix of its stem, or of the word itself
    without its plural mark when the stem is not a prefix of it (« indicateurs » stems to
    « indiqu », which would miss « indicateurs »); short words exactly."""
    folded, root = fold(word), stem(word, language)
    if len(root) < MIN_PREFIX:
        return SearchQueryExpression(Lexeme(folded))
    lexemes = Lexeme(root, prefix=True)
    singular = folded[:-1] if folded[-1:] in ("s", "x") else folded
    if not singular.startswith(root):
        lexemes |= Lexeme(singular, prefix=True)
    return SearchQueryExpression(lexemes)


def balanced(items, operator="and"):
    """``items`` (expressions or lexemes) joined with AND, or OR, as a balanced tree. Each
    join of expressions adds a level of parentheses, and FTS5's parser holds about a hundred
    levels: a hundred words in a row, ``(((a AND b) AND c) …)``, overflow it. Nothing to
    search matches nothing (an empty phrase)."""
    if not items:
        return SearchQueryExpression(Lexeme(""))
    if len(items) == 1:
        return items[0]
    middle = len(items) // 2
    left, right = balanced(items[:middle], operator), balanced(items[middle:], operator)
    return left | right if operator.lower() == "or" else left & right


class FrenchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, And | Or):
            parts = [self.build_search_query_content(sub, config) for sub in query.subqueries]
            return balanced(parts, "or" if isinstance(query, Or) else "and")
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        language = (translation.get_language() or "fr")[:2]
        # One expression per word: combining expressions adds the parentheses that combining
        # lexemes does not, so « (a OR b) AND c » keeps its meaning.
        expressions = [word_query(word, language) for word in words(query.query_string)]
        return balanced(expressions, query.operator)

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()

    def index_matches(self, query):
        """The full text index rows matching ``query`` for this model, with their bm25 score."""
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query)
        )
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .annotate(score=WeightedBM25())
        )


class FrenchSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    """The titles that start like what is being typed: its words, the last one as a prefix.
    Wagtail's compiler puts the typed text between FTS5's quotes as it is: a ``"`` in it
    failed the query."""

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        typed = words(query.query_string)
        if not typed:
            return balanced([])
        lexemes = [Lexeme(word) for word in typed[:-1]] + [Lexeme(typed[-1], prefix=True)]
        return SearchQueryExpression(balanced(lexemes, query.operator))


class RankedSQLiteSearchResults(TallyMixin, SQLiteSearchResults):
    """Results ranked by relevance in one pass of the full text index.

    Wagtail's SQLite compiler attaches each result's score with a subquery correlated to the
    result row, and SQLite runs the full text match again for every row: a word found in 9,000
    entries took more than 30 seconds. Here the match runs once, scored with bm25 and limited to
    the entries the filtered queryset allows, and only the page of results is read back."""

    def _do_search(self):
        compiler = self.query_compiler
        query = normalize(compiler.query)
        ranks_here = isinstance(compiler, FrenchSQLiteSearchQueryCompiler)  # not autocomplete
        if not (ranks_here and compiler.order_by_relevance and isinstance(query, RANKABLE)):
            return super()._do_search()
        matches = compiler.index_matches(query)
        allowed = compiler.queryset.values(pk_text=Cast("pk", TextField()))
        ranked = list(
            matches.filter(index_entry__object_id__in=allowed)
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", "score")[self.start : self.stop]
        )
        ids = [object_id for object_id, _score in ranked]
        objects = {str(obj.pk): obj for obj in compiler.queryset.filter(pk__in=ids).order_by()}
        results = []
        for object_id, score in ranked:
            obj = objects.get(object_id)
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, score)
                results.append(obj)
        return results


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults
