"""What a search found, kept a few minutes in Django's cache.

People search the same few things (the inventory shows it): a network's popular queries are
answered from the cache instead of counting and ranking thousands of matches again. What is
kept: the count and facet counts of a query with its filters, and the entry ids of each page
of results, never the entries themselves (a result is always read fresh from the database).

Every key carries a *generation*, replaced whenever the searchable content changes (an entry
written or removed, a synonym edited), so a change shows at the next search; and the minute,
so a workshop that has just ended does not stay in a kept result for long.
"""

import hashlib
import json
import time

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

GENERATION_KEY = "recherche:generation"
TIMEOUT = 300  # seconds


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY)
    return value


def invalidate():
    """Forget every kept result. A new value, never an increment: a cleared cache cannot
    meet its old keys again."""
    cache.set(GENERATION_KEY, time.time_ns(), None)


def forget(**kwargs):
    """Forget every kept result now, and again when the transaction that changes the content
    commits: a search made in between still reads the content from before and keeps it under
    the new generation. Also a signal receiver."""
    invalidate()
    transaction.on_commit(invalidate)


def key(*parts):
    minute = timezone.now().replace(second=0, microsecond=0).isoformat()
    text = json.dumps([generation(), minute, *parts], sort_keys=True, default=str)
    return "recherche:" + hashlib.sha256(text.encode()).hexdigest()


def get_or_compute(cache_key, compute):
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, TIMEOUT)
    return value


def objects(cache_key, queryset, find):
    """What ``find()`` returns (model instances, in order), kept as their ids: found again,
    they are read back from ``queryset`` in one query, in the same order."""
    found = []

    def ids():
        found.extend(find())
        return [obj.pk for obj in found]

    kept = get_or_compute(cache_key, ids)
    if found:
        return found
    by_pk = {obj.pk: obj for obj in queryset.filter(pk__in=kept).order_by()}
    return [by_pk[pk] for pk in kept if pk in by_pk]
