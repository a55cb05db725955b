"""What a search found, kept five minutes in the search cache (``settings.CACHES["recherche"]``).

People search the same few things (the inventory shows it): a network's popular queries are
answered from the cache instead of counting and ranking thousands of matches again. What is
kept: the count and facet counts of a query with its filters, and the entry ids of each page
of results, never the entries themselves (a result is always read fresh from the database).

The search cache is a cache of its own: however many different searches people make, they
only push out other searches, never the counters of the rate limits (``default`` cache).

Every key carries a *generation*, replaced whenever the searchable content changes (an entry
written or removed, a synonym edited), so a change shows at the next search; and the end of
the next workshop to finish, so a kept result is dropped the moment a workshop it may show
ends, and is otherwise kept its five minutes.
"""

import hashlib
import json
import time

from django.core.cache import caches
from django.db.models import Min
from django.utils import timezone

from ressources import shared_cache
from ressources.shared_cache import Unfailing

from .models import Entree

CACHE = "recherche"  # the alias in settings.CACHES
GENERATION_KEY = "recherche:generation"
TIMEOUT = 300  # seconds


def cache():
    """Looked up at each use: a test that changes ``CACHES`` gets the new one. A server down
    only costs a search done afresh (``ressources.shared_cache.Unfailing``)."""
    return Unfailing(caches[CACHE])


def generation():
    return shared_cache.generations(cache(), [GENERATION_KEY]).get(GENERATION_KEY)


def invalidate():
    """Forget every kept result, now."""
    cache().set(GENERATION_KEY, time.time_ns(), None)


def forget(**kwargs):
    """Forget every kept result now and when the transaction commits
    (``ressources.shared_cache.replace``). Also a signal receiver."""
    shared_cache.replace(cache(), [GENERATION_KEY])


def next_end(current_generation):
    """When the first workshop still to finish ends (None if none), read once per generation
    and again only when that moment has passed."""
    key = f"recherche:prochaine-fin:{current_generation}"
    now = timezone.now()
    kept = cache().get(key)
    if kept is not None and (kept[0] is None or kept[0] > now):
        return kept[0]
    fin = Entree.objects.filter(fin__gt=now).aggregate(fin=Min("fin"))["fin"]
    cache().set(key, (fin,), TIMEOUT)
    return fin


def key(*parts, shows_workshops=True):
    """The cache key of what ``parts`` describe; unless told it ``shows_workshops`` not (a
    query plan), it changes when the next workshop ends."""
    current = generation()
    ends = next_end(current) if shows_workshops else None
    text = json.dumps([current, ends, *parts], sort_keys=True, default=str)
    return "recherche:" + hashlib.sha256(text.encode()).hexdigest()


def get_or_compute(cache_key, compute):
    value = cache().get(cache_key)
    if value is None:
        value = compute()
        cache().set(cache_key, value, TIMEOUT)
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
