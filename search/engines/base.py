"""What every engine of the public search does, and what the database engines share."""

from dataclasses import dataclass, field

from .tally import tally_queryset

# Matches are counted exactly up to this many; beyond, « plus de 1 000 résultats », as
# Elasticsearch's ``track_total_hits`` does. A word found everywhere costs no more to count.
CAP = 1000


@dataclass
class Tally:
    """How many entries match (at most ``Engine.cap + 1`` on the database) and how many per facet
    value; ``approximate`` when there were too many matches to count them all by facet."""

    count: int = 0
    facets: dict = field(default_factory=dict)
    approximate: bool = False


class Engine:
    """Searches ``entries`` (a queryset of ``Entree`` already filtered) for a ``Requete`` with
    every concept (``operator="and"``) or any of them (``"or"``), in the active language."""

    cap = CAP

    def tally(self, entries, requete, operator, facets):
        raise NotImplementedError

    def count(self, entries, requete, operator):
        raise NotImplementedError

    def page(self, entries, requete, operator, start, stop, by_date=False, count=0):
        """The entries ``start`` to ``stop`` of the results, by relevance or by date (the
        latest first); ``count`` is what ``tally`` counted."""
        raise NotImplementedError

    def autocomplete(self, entries, text, limit):
        """Entries whose title starts like ``text``, the latest first."""
        raise NotImplementedError

    def index(self, entry_ids=None):
        """Make these entries (all when ``None``) searchable as they are now."""
        raise NotImplementedError

    def remove(self, entry_ids):
        """Forget these entries (already deleted, or about to be)."""
        raise NotImplementedError


class DatabaseEngine(Engine):
    """An engine whose matches are a queryset: counted with a limit, faceted over the same."""

    def matches(self, entries, requete, operator):
        raise NotImplementedError

    def count(self, entries, requete, operator):
        matches = self.matches(entries, requete, operator)
        return matches.order_by().values("pk")[: self.cap + 1].count()

    def tally(self, entries, requete, operator, facets):
        matches = self.matches(entries, requete, operator)
        counted = tally_queryset(matches, facets, self.cap + 1)
        return Tally(counted.count, counted.facets, approximate=counted.count > self.cap)

    def page(self, entries, requete, operator, start, stop, by_date=False, count=0):
        if by_date:
            matches = self.matches(entries, requete, operator)
            return list(matches.order_by("-date", "-pk")[start:stop])
        return self.ranked(entries, requete, operator, start, stop, count)

    def ranked(self, entries, requete, operator, start, stop, count):
        raise NotImplementedError


def read_back(entries, ids):
    """The entries of ``ids`` (ranked elsewhere), in that order, as ``entries`` reads them."""
    ids = list(ids)
    found = entries.order_by().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def balanced(items, join):
    """``items`` joined two by two with ``join`` as a balanced tree, so a hundred words make
    seven levels of parentheses, not a hundred."""
    if len(items) == 1:
        return items[0]
    middle = len(items) // 2
    return join(balanced(items[:middle], join), balanced(items[middle:], join))
