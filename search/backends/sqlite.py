"""SQLite FTS5 with French word forms: each typed word is searched as the prefix of its
Snowball stem, so « recruter » searches ``recrut*`` and finds « recrutement » and « recrutés ».
Stems shorter than four letters are searched as typed, so « RH » does not match every word
that starts with « rh ». Accents are folded by FTS5's ``unicode61`` tokenizer on both sides."""

from functools import reduce

from django.utils import translation
from modelsearch.backends.database.sqlite.query import BM25, Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText

from search.textes import fold, stem, words

MIN_PREFIX = 4
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


class FrenchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        language = (translation.get_language() or "fr")[:2]
        # One expression per word: combining expressions adds the parentheses that combining
        # lexemes does not, so « (a OR b) AND c » keeps its meaning.
        expressions = [word_query(word, language) for word in words(query.query_string)]
        if not expressions:
            return None
        connect = (lambda a, b: a | b) if query.operator == "or" else (lambda a, b: a & b)
        return reduce(connect, expressions)

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
