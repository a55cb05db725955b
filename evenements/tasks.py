"""The workshops' scheduled jobs, run by the task worker (``cron`` enqueues them through the
management commands of the same names)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from ressources import emails

from . import calendrier, inscriptions, notifications
from .models import Inscription


@task()
def envoyer_rappels(heures=24):
    """E-mail each confirmed participant once, about ``heures`` before their workshop: a
    reminder is claimed with an atomic update before it is sent, so it never goes twice.
    Returns how many went out."""
    now = timezone.now()
    due = Inscription.objects.filter(
        statut=Inscription.Statut.CONFIRMEE,
        rappel_envoye_at__isnull=True,
        anonymisee_at__isnull=True,
        atelier__live=True,
        atelier__annule=False,
        atelier__debut__gt=now,
        atelier__debut__lte=now + timedelta(hours=heures),
    ).select_related("atelier")
    sent = 0
    for inscription in due:
        claimed = Inscription.objects.filter(
            pk=inscription.pk, rappel_envoye_at__isnull=True
        ).update(rappel_envoye_at=now)
        if not claimed:
            continue  # another run took it
        sent += emails.notify(
            [inscription.email],
            "evenements/emails/rappel",
            notifications.contexte(inscription),
            attachments=[calendrier.invitation(inscription)],
        )
    return sent


@task()
def anonymiser_inscriptions(jours=90):
    """Erase the personal data of registrations ``jours`` days after their workshop, keeping
    the counts. Returns how many."""
    now = timezone.now()
    return inscriptions.anonymiser(
        Inscription.objects.filter(atelier__fin__lt=now - timedelta(days=jours)), now
    )
