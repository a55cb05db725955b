"""python manage.py nettoyer_pieces_jointes: delete files uploaded with a form that was never
completed (``fiches.tasks.nettoyer_pieces_jointes``, run by the task worker). Safe daily."""

from django.core.management.base import BaseCommand

from ressources.tasks import outcome

from ...tasks import nettoyer_pieces_jointes


class Command(BaseCommand):
    help = "Supprime les fichiers déposés mais jamais rattachés à une fiche."

    def add_arguments(self, parser):
        parser.add_argument("--heures", type=int, default=24, help="Âge minimal (défaut : 24).")

    def handle(self, *args, heures, **options):
        result = nettoyer_pieces_jointes.enqueue(heures=heures)
        self.stdout.write(outcome(result, lambda count: f"{count} fichier(s) supprimé(s)."))
