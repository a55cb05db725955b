"""The structures a search names, for the shortcuts above its results (the
``search_shortcuts`` hook in ``wagtail_hooks``).

A search names a structure when it is its SIREN, SIRET or RNA number, or when it reads like
its name: the name folded is the query folded, or else every word of the query begins a word
of the name, the name has at most ``OTHER_WORDS`` words more (« jardin partagé » names « Les
Amis du Jardin Partagé »), and at most ``DISTINCTIVE`` structures hold all the query's words.
That last rule keeps a common word (« association », « solidarité ») from naming a few
structures picked by chance: such a query is a topic, and the directory is there to browse
them. One query to the database, whatever the number of structures."""

from django.db.models import Case, Value, When

from . import annuaire
from .models import Structure

LIMIT = 2
#: More structures than this holding the query's words: the words are common, not a name.
DISTINCTIVE = 2
#: Words of a name that a query naming it may leave out (articles, a town, a first word).
OTHER_WORDS = 3


def nommees(query):
    """The structures ``query`` names (at most ``LIMIT``), an exact name first."""
    query = (query or "").replace("\x00", "")
    folded = annuaire.fold(query)
    if not folded:
        return []
    found = annuaire.matching(Structure.objects.only("nom", "slug", "search_key"), query)
    if annuaire.by_identifier(query) is not None:
        return list(found[:LIMIT])
    exact_first = Case(When(search_key=folded, then=Value(0)), default=Value(1))
    candidates = list(found.order_by(exact_first, "nom")[: DISTINCTIVE + 1])
    exact = [structure for structure in candidates if structure.search_key == folded]
    if exact:
        return exact[:LIMIT]
    if len(candidates) > DISTINCTIVE:
        return []
    query_words = folded.split()
    return [
        structure
        for structure in candidates
        if _reads_like(structure.search_key.split(), query_words)
    ][:LIMIT]


def _reads_like(name_words, query_words):
    """Every query word begins a word of the name, and few words of the name are left."""
    if not all(any(name.startswith(word) for name in name_words) for word in query_words):
        return False
    left = [name for name in name_words if not any(name.startswith(w) for w in query_words)]
    return len(left) <= OTHER_WORDS
