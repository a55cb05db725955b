"""The public search on SQLite, with an FTS5 table of its own (``search.models.EntreeFullText``).

FTS5 folds accents (``unicode61``) but has no stemmer: each typed word is searched as the prefix
of its Snowball stem, so « recruter » searches ``recrut*`` and finds « recrutement » and
« recrutés ». Stems shorter than four letters are searched as typed, so « RH » does not match
every word that starts with « rh ». Matches are ranked with ``bm25()``, a word in the title
weighing most.

FTS5 reads its query in a language of its own: only the words of what was typed reach it
(``analysis.words``: letters and digits, never a quote or an operator), each between double
quotes, and the query is given as a parameter.
"""

from django.db import connection
from django.db.models import Exists, F, FloatField, Func, OuterRef, Value
from django.utils.translation import get_language

from ..analysis import fold, stem, words
from ..models import EntreeFullText
from .base import DatabaseEngine, balanced, read_back

MIN_PREFIX = 4
# bm25() weights of the columns (title, chapô, taxonomy and structure, text).
WEIGHTS = (10.0, 4.0, 2.0, 1.0)
CHUNK = 500


class BM25(Func):
    function = "bm25"
    output_field = FloatField()

    def __init__(self):
        super().__init__(F("table"), *(Value(weight) for weight in WEIGHTS))


def word_query(word, language):
    """``word`` as FTS5 should look for it: the prefix of its stem, or of the word itself
    without its plural mark when the stem is not a prefix of it (« indicateurs » stems to
    « indiqu », which would miss « indicateurs »); short words exactly."""
    folded, root = fold(word), stem(word, language)
    if len(root) < MIN_PREFIX:
        return f'"{folded}"'
    singular = folded[:-1] if folded[-1:] in ("s", "x") else folded
    if singular.startswith(root):
        return f'"{root}"*'
    return f'("{root}"* OR "{singular}"*)'


def expression_query(expression, phrase, language):
    typed = words(expression)
    if not typed:
        return '""'  # matches nothing
    if phrase:
        return '"' + " ".join(fold(word) for word in typed) + '"'
    return balanced([word_query(word, language) for word in typed], _and)


def _and(left, right):
    return f"({left} AND {right})"


def _or(left, right):
    return f"({left} OR {right})"


def full_text_query(requete, operator):
    language = (get_language() or "fr")[:2]
    concepts = [
        balanced([expression_query(e, concept.phrase, language) for e in concept.expressions], _or)
        for concept in requete.concepts
    ]
    return balanced(concepts, _and if operator == "and" else _or)


class SQLiteEngine(DatabaseEngine):
    def matches(self, entries, requete, operator):
        found = EntreeFullText.objects.filter(table__match=full_text_query(requete, operator))
        return entries.filter(pk__in=found.values("entree_id"))

    def ranked(self, entries, requete, operator, start, stop, count):
        """Ranked in one pass of the full text table, limited to the entries allowed; then
        the page's entries read back."""
        # Each match checked against the entries allowed (``EXISTS``): with ``rowid IN
        # (…)``, SQLite runs the whole match again for every id of the list.
        allowed = Exists(entries.order_by().filter(pk=OuterRef("entree_id")))
        scored = (
            EntreeFullText.objects.filter(allowed, table__match=full_text_query(requete, operator))
            .annotate(score=BM25())
            .order_by("score", "-entree_id")
        )
        return read_back(entries, scored.values_list("entree_id", flat=True)[start:stop])

    def autocomplete(self, entries, text, limit):
        """Titles holding the typed words, the last one as a prefix."""
        typed = [fold(word) for word in words(text)]
        if not typed:
            return []
        tokens = [f'"{word}"' for word in typed[:-1]] + [f'"{typed[-1]}"*']
        query = "title : " + balanced(tokens, _and)
        found = EntreeFullText.objects.filter(table__match=query).values("entree_id")
        return list(entries.filter(pk__in=found).order_by("-date", "-pk")[:limit])

    def index(self, entry_ids=None):
        insert = (
            "INSERT INTO search_entree_fts (rowid, title, chapo, taxons, texte) "
            "SELECT id, title, chapo, taxons || ' ' || structure, texte FROM search_entree"
        )
        with connection.cursor() as cursor:
            if entry_ids is None:
                cursor.execute("DELETE FROM search_entree_fts")
                cursor.execute(insert)
                return
            ids = list(entry_ids)
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM search_entree_fts WHERE rowid IN ({marks})", chunk)
                cursor.execute(f"{insert} WHERE id IN ({marks})", chunk)

    def remove(self, entry_ids):
        EntreeFullText.objects.filter(entree_id__in=list(entry_ids)).delete()
