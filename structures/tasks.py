"""The structures' scheduled job, run by the task worker (``cron`` enqueues it through the
management command of the same name)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .models import Invitation


@task()
def purger_invitations(jours=30):
    """Delete the invitations sent more than their validity plus ``jours`` days ago, used or
    not: an address nobody answered from, or the trace of one that did (the membership
    remains), is not kept for ever. Returns how many."""
    limite = timezone.now() - Invitation.VALIDITE - timedelta(days=jours)
    deleted, _rows = Invitation.objects.filter(created_at__lt=limite).delete()
    return deleted
