"""python manage.py anonymiser_inscriptions: erase the personal data of registrations some
days after their workshop (default 90), keeping the counts. Safe to run daily from cron."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from evenements.models import Inscription
from evenements.models.inscriptions import new_token


class Command(BaseCommand):
    help = "Anonymise les inscriptions des ateliers passés depuis plus de N jours."

    def add_arguments(self, parser):
        parser.add_argument("--jours", type=int, default=90, help="Délai en jours (défaut : 90).")

    def handle(self, *args, jours, **options):
        now = timezone.now()
        old = Inscription.objects.filter(
            anonymisee_at__isnull=True, atelier__fin__lt=now - timedelta(days=jours)
        )
        count = 0
        for inscription in old.only("pk"):
            count += Inscription.objects.filter(pk=inscription.pk).update(
                nom="",
                email="",
                structure="",
                besoins="",
                token=new_token(),
                anonymisee_at=now,
            )
        self.stdout.write(f"{count} inscription(s) anonymisée(s).")
