"""``/sante/``: whether this server process can do its work, for a load balancer or a monitor.

Each part the site needs is tried for real: every database (a query), every cache (a value
written, read back and removed), the public and the private file storage (a small file
written and deleted: on the local disk, or in the two S3 buckets; documents are in one of
the two, see STORAGES). All answer: 200 and ``{"status": "ok", …}``; one fails: 503, so the
load balancer sends no one to this process. The answer names the parts and whether each
works, never an error message (the error goes to the log), and is never cached.
"""

import logging
import time
import uuid

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def check_database(alias):
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache(alias):
    cache, key = caches[alias], f"sante:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError(f"cache '{alias}' did not keep a value")
    cache.delete(key)


def check_storage(storage):
    name = storage.save(f"sante/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    storage.delete(name)


def checks():
    """``{name: function}`` of what this process needs."""
    found = {f"database:{alias}": (check_database, alias) for alias in connections}
    found.update({f"cache:{alias}": (check_cache, alias) for alias in caches})
    found["storage:public"] = (check_storage, storages["default"])
    found["storage:private"] = (check_storage, storages["private"])
    return found


@never_cache
def sante(request):
    results, healthy = {}, True
    for name, (check, target) in checks().items():
        started = time.perf_counter()
        try:
            check(target)
        except Exception:
            logger.exception("Health check %s failed", name)
            results[name] = {"ok": False}
            healthy = False
        else:
            results[name] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
    status = "ok" if healthy else "erreur"
    return JsonResponse({"status": status, "checks": results}, status=200 if healthy else 503)
