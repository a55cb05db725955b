"""python manage.py signaler_pages_a_revoir: e-mail the editors the guides and modèles past or
near their « à revoir avant le » date (``ressources.tasks.signaler_pages_a_revoir``, run by
the task worker). Meant for a weekly cron line."""

from django.core.management.base import BaseCommand

from ...tasks import outcome, signaler_pages_a_revoir


class Command(BaseCommand):
    help = "Envoie aux éditeurs la liste des pages à revérifier."

    def handle(self, *args, **options):
        result = signaler_pages_a_revoir.enqueue()
        self.stdout.write(outcome(result, lambda count: f"{count} page(s) à revoir signalée(s)."))
