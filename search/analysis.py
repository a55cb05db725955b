"""French text as people type it: accents, elisions, small words, word forms.

The engines do the real analysis (FTS5's ``unicode61`` folds accents, PostgreSQL's French
configuration and Elasticsearch's French analyser stem). What lives here is what the query
needs before it reaches any engine — taking out elisions and operators, finding the words to
highlight — and the French stemmer (Snowball's, the one PostgreSQL uses) for SQLite, which has
none of its own.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ]", re.IGNORECASE)
WORD = re.compile(r"\w+")

# Words that carry no meaning in a query. Short on purpose: « fin », « part » or « plus »
# can matter in a question about money or membership.
STOPWORDS = frozenset(
    """
    a au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me
    mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes
    toi ton tu un une vos votre vous c d j l m n s t y est sont comment quoi quel quelle
    quels quelles faire faut sans
    the of and or to in for on with how what is are an
    """.split()  # noqa: SIM905 (easier to read and edit as a paragraph)
)
OPERATORS = frozenset({"OR", "AND", "NOT", "OU", "ET", "SAUF"})

_STEMMERS = {"fr": "french", "en": "english"}


def fold(text):
    """Lower case without accents: « Bénévolat » → « benevolat »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    """The words of ``text`` as typed, elisions and operators taken out: « l'AG OR statuts »
    → ["AG", "statuts"]."""
    return [
        word
        for word in WORD.findall(ELISION.sub(" ", text))
        if word not in OPERATORS and word != "_"
    ]


def meaningful(word):
    return fold(word) not in STOPWORDS


@lru_cache(maxsize=4096)
def stem(word, language="fr"):
    """The Snowball stem of a folded word: « recrutement », « recruter » → « recrut »."""
    stemmer = snowballstemmer.stemmer(_STEMMERS.get(language, "french"))
    return fold(stemmer.stemWord(fold(word)))
