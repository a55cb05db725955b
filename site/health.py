"""``/sante/``: whether the site can do its work, for a monitor; ``/sante/serveur/``: whether
this server process can, for a load balancer.

Each part is tried for real: every database (a query), every cache (a value written, read
back and removed), the public and the private file storage (a small file written and
deleted: on the local disk, or in the two S3 buckets; documents are in one of the two, see
STORAGES); ``/sante/`` adds the background work: no task waiting for the worker for long, no
e-mail waiting for the mail server for long or given up lately. All answer: 200 and
``{"status": "ok", …}``; one fails: 503. A stopped worker or mail server fails ``/sante/``
only, so that the load balancer keeps the web processes that still serve pages. The answer
names the parts and whether each works, never an error message (the error goes to the log),
and is never cached.
"""

import logging
import time
import uuid
from datetime import timedelta

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connections
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from outbox.models import Email

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


#: How long work may wait for the worker, and an e-mail for the mail server, before a monitor
#: should call someone.
TASKS_BACKLOG = timedelta(minutes=10)
EMAILS_BACKLOG = timedelta(minutes=30)


def check_tasks(alias):
    backend = task_backends[alias]
    if not isinstance(backend, DatabaseBackend):
        return  # run at once, in the request: nothing waits
    waiting = DBTaskResult.objects.ready().filter(
        backend_name=backend.alias, enqueued_at__lt=timezone.now() - TASKS_BACKLOG
    )
    if waiting.exists():
        raise RuntimeError("tasks wait for a worker")


def check_emails(_):
    now = timezone.now()
    stuck = Email.objects.filter(
        state=Email.State.PENDING, attempts__gt=0, created_at__lt=now - EMAILS_BACKLOG
    )
    given_up = Email.objects.filter(state=Email.State.FAILED, created_at__gte=now - timedelta(1))
    if stuck.exists() or given_up.exists():
        raise RuntimeError("e-mails are not going out")


def server_checks():
    """``{name: (function, target)}`` of what this process needs."""
    found = {f"database:{alias}": (check_database, alias) for alias in connections}
    found.update({f"cache:{alias}": (check_cache, alias) for alias in caches})
    found["storage:public"] = (check_storage, storages["default"])
    found["storage:private"] = (check_storage, storages["private"])
    return found


def site_checks():
    """What this process needs, and the background work."""
    return {
        **server_checks(),
        "tasks": (check_tasks, DEFAULT_TASK_BACKEND_ALIAS),
        "emails": (check_emails, None),
    }


@never_cache
def sante(request):
    return answer(site_checks())


@never_cache
def sante_serveur(request):
    return answer(server_checks())


def answer(checks):
    results, healthy = {}, True
    for name, (check, target) in checks.items():
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
