"""python manage.py envoyer_rappels: e-mail each confirmed participant once, about 24 hours
before their workshop. Safe to run every few minutes from cron: a reminder is claimed with an
atomic update before it is sent, so it never goes twice."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from evenements import calendrier, notifications
from evenements.models import Inscription
from ressources import emails


class Command(BaseCommand):
    help = "Envoie les rappels des ateliers qui commencent bientôt (une seule fois)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--heures", type=int, default=24, help="Combien d'heures avant (défaut : 24)."
        )

    def handle(self, *args, heures, **options):
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
        self.stdout.write(f"{sent} rappel(s) envoyé(s).")
