"""The open datasets' regeneration, run by the task worker: after a publication (debounced,
``demander_publication``), on demand (``manage.py publier_donnees``) and, as a safety net, by
``cron`` once a day through the same command."""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

from . import publication

#: Set while a regeneration is planned: the publications of the next minutes join it.
PLANIFIEE = "donnees:publication-planifiee"
#: Set while the first generation is asked for: simultaneous first requests ask once.
PREMIERE = "donnees:premiere-publication"
PREMIERE_SECONDES = 60


@task()
def publier_donnees():
    """Write every dataset and its data package again. Returns the number of rows written."""
    manifeste = publication.publier()
    return sum(
        stats["rows"] for name, stats in manifeste["fichiers"].items() if name.endswith(".csv")
    )


def demander_publication(delai=None):
    """After a change to what the datasets show: one regeneration for all the changes of the
    next ``DONNEES_DELAI_SECONDES``, not one per publication (an editor publishing twenty
    pages in a row, a bulk action, an import).

    The first change plans it (``cache.add`` is atomic: one of two simultaneous requests
    wins); the task runs at the end of the window, so it sees every change made in it. A
    backend that cannot defer tasks (the immediate one of development and tests) runs it at
    once: later changes of the window wait for the next change or the daily run.

    ``delai=0``: as soon as the worker can (the first request before any generation)."""
    if delai is None:
        delai, cle = settings.DONNEES_DELAI_SECONDES, PLANIFIEE
    else:
        cle = PREMIERE
    if not cache.add(cle, True, timeout=delai or PREMIERE_SECONDES):
        return None
    tache = publier_donnees
    if delai and tache.get_backend().supports_defer:
        tache = tache.using(run_after=timezone.now() + timedelta(seconds=delai))
    return tache.enqueue()
