"""Finding a structure in /structures/: by the words of its name, whatever their accents,
case and order, each possibly cut short (« jardin partage » finds « Les Amis du Jardin
Partagé »), or by its SIREN, SIRET or RNA typed with or without spaces.

Each structure keeps a search key (``Structure.search_key``): its name folded (lower case,
no accents, words only), written when it is saved. A search folds its words the same way and
wants each of them in the key, so SQLite and PostgreSQL answer the same; on PostgreSQL a
trigram index serves these ``LIKE '%…%'`` (created by ``fiches`` migration 0006, when the
structures lived there). Identifiers are compared with the stored ones, which are compact
(``identifiers.compact``)."""

import re
import unicodedata

from django.db.models import Q

from .identifiers import RNA_PATTERN, compact

#: Letters that Unicode does not decompose into a base letter and an accent.
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d"})
WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 10


def fold(text):
    """« Les Amis du Jardin-Partagé » → « les amis du jardin partage »."""
    text = unicodedata.normalize("NFKD", (text or "").casefold()).translate(LIGATURES)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(WORD.findall(text))


def by_identifier(query):
    """The condition for a query that is a SIREN, a SIRET or an RNA number, else None. A
    SIREN finds the structures registered with it or with one of its SIRET; a SIRET, the
    structure registered with it or with its SIREN."""
    number = compact(query)
    if number.isdigit() and len(number) == 9:
        return Q(siret__startswith=number)
    if number.isdigit() and len(number) == 14:
        return Q(siret=number) | Q(siret=number[:9])
    if RNA_PATTERN.match(number):
        return Q(rna=number)
    return None


def matching(structures, query):
    """The ``structures`` that ``query`` finds (all of them for an empty query)."""
    condition = by_identifier(query)
    if condition is not None:
        return structures.filter(condition)
    for word in fold(query).split()[:MAX_WORDS]:
        structures = structures.filter(search_key__contains=word)
    return structures
