"""python manage.py envoyer_rappels: e-mail each confirmed participant once, about 24 hours
before their workshop (``evenements.tasks.envoyer_rappels``, run by the task worker). Safe to
run every few minutes from cron."""

from django.core.management.base import BaseCommand

from ressources.tasks import outcome

from ...tasks import envoyer_rappels


class Command(BaseCommand):
    help = "Envoie les rappels des ateliers qui commencent bientôt (une seule fois)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--heures", type=int, default=24, help="Combien d'heures avant (défaut : 24)."
        )

    def handle(self, *args, heures, **options):
        result = envoyer_rappels.enqueue(heures=heures)
        self.stdout.write(outcome(result, lambda sent: f"{sent} rappel(s) envoyé(s)."))
