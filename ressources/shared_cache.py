"""How the site keeps things in a shared cache (the search results, the anonymous pages).

- ``Unfailing``: a cache whose server being down only costs the work done afresh: a read
  finds nothing, a write is dropped, the error goes to the log.
- Generations: every kept thing's key carries the current value of one or more generation
  keys; replacing a generation makes everything kept under the old one unreachable at once,
  in every process. A new value, never an increment: an evicted or cleared generation cannot
  meet its old keys again.
"""

import logging
import time

from django.db import transaction

logger = logging.getLogger(__name__)


class Unfailing:
    def __init__(self, cache):
        self.cache = cache

    def __getattr__(self, name):
        method = getattr(self.cache, name)

        def unfailing(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except Exception:
                logger.warning("Cache unavailable (%s)", name, exc_info=True)
                return None

        return unfailing


def generations(cache, keys):
    """``{key: value}`` of the generation ``keys``, those missing given a first value."""
    found = cache.get_many(keys) or {}
    if len(found) < len(keys):  # first use, or the cache was emptied
        for key in keys:
            cache.add(key, time.time_ns(), None)
        found = cache.get_many(keys) or {}
    return found


def replace(cache, keys):
    """New generations now, and again when the transaction that changes the content commits:
    something computed in between still read the content from before."""

    def new_values():
        cache.set_many(dict.fromkeys(keys, time.time_ns()), None)

    new_values()
    transaction.on_commit(new_values)
