"""The public search through Wagtail's search API, for Elasticsearch: ``.search()``,
``.facet()`` and ``.autocomplete()`` on the entries, and the backend's bulk indexing. What
the backend adds (French analysis, synonyms) is configured in ``search.backends.elasticsearch``.
"""

import logging

from wagtail.search.backends import get_search_backends_with_name

from ..models import Entree
from .base import Engine, Tally

logger = logging.getLogger(__name__)
CHUNK = 500


class WagtailEngine(Engine):
    def _search(self, entries, requete, operator, by_date=False):
        return entries.search(requete.query(operator), order_by_relevance=not by_date)

    def tally(self, entries, requete, operator, facets):
        results = self._search(entries, requete, operator, by_date=True)
        count = results.count()
        counts = {name: results.facet(name) for name in facets} if count else {}
        return Tally(count, counts, approximate=False)

    def count(self, entries, requete, operator):
        return min(self._search(entries, requete, operator, by_date=True).count(), self.cap + 1)

    def page(self, entries, requete, operator, start, stop, by_date=False, count=0):
        if by_date:
            entries = entries.order_by("-date", "-pk")
        return list(self._search(entries, requete, operator, by_date)[start:stop])

    def autocomplete(self, entries, text, limit):
        return list(entries.order_by("-date").autocomplete(text, order_by_relevance=False)[:limit])

    def index(self, entry_ids=None):
        """One bulk call per backend and chunk. As Wagtail does for one object, an engine that
        may be unreachable logs its error instead of failing the change."""
        entries = Entree.objects.order_by("pk").prefetch_related("domaines", "publics")
        if entry_ids is not None:
            entries = entries.filter(pk__in=entry_ids)
        objects = list(entries)
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            try:
                for start in range(0, len(objects), CHUNK):
                    backend.add_bulk(Entree, objects[start : start + CHUNK])
            except Exception:
                logger.exception("Indexing %d entries in '%s' failed", len(objects), name)
                if not backend.catch_indexing_errors:
                    raise

    def remove(self, entry_ids):
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            for pk in entry_ids:
                try:
                    backend.delete(Entree(pk=pk))
                except Exception:
                    logger.exception("Removing entry %s from '%s' failed", pk, name)
                    if not backend.catch_indexing_errors:
                        raise
