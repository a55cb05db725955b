"""The fiches' scheduled job, run by the task worker (``cron`` enqueues it through
``manage.py nettoyer_pieces_jointes``)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .models import PieceJointe


@task()
def nettoyer_pieces_jointes(heures=24):
    """Delete files uploaded with a form that was never completed (kept ``heures`` so that a
    form with errors loses nothing). Returns how many."""
    orphelines = PieceJointe.objects.filter(
        fiche__isnull=True, created_at__lt=timezone.now() - timedelta(hours=heures)
    )
    count = 0
    for piece in orphelines:
        piece.fichier.delete(save=False)
        piece.delete()
        count += 1
    return count
