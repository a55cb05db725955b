"""The alerts' job, run by the task worker: one task per due alert
(``manage.py envoyer_alertes`` enqueues them)."""

from django_tasks import task

from . import services


@task()
def envoyer_alerte(pk, cle_periode):
    """One alert's digest for the period (``services.envoyer``)."""
    return services.envoyer(pk, cle_periode)
