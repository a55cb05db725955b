"""python manage.py nettoyer_pieces_jointes: delete files uploaded with a form that was never
completed (kept so that a form with errors loses nothing). Safe to run from cron daily."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from fiches.models import PieceJointe


class Command(BaseCommand):
    help = "Supprime les fichiers déposés mais jamais rattachés à une fiche."

    def add_arguments(self, parser):
        parser.add_argument("--heures", type=int, default=24, help="Âge minimal (défaut : 24).")

    def handle(self, *args, heures, **options):
        orphelines = PieceJointe.objects.filter(
            fiche__isnull=True, created_at__lt=timezone.now() - timedelta(hours=heures)
        )
        count = 0
        for piece in orphelines:
            piece.fichier.delete(save=False)
            piece.delete()
            count += 1
        self.stdout.write(f"{count} fichier(s) supprimé(s).")
