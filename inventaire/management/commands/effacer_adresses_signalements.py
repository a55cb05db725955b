"""python manage.py effacer_adresses_signalements: erase the readers' addresses left on error
reports older than 30 days (``inventaire.tasks.effacer_adresses``, run by the task worker).
Safe daily."""

from django.core.management.base import BaseCommand

from ressources.tasks import outcome

from ...tasks import effacer_adresses


class Command(BaseCommand):
    help = "Efface les adresses des lecteurs laissées sur les erreurs signalées il y a 30 jours."

    def handle(self, *args, **options):
        result = effacer_adresses.enqueue()
        self.stdout.write(outcome(result, lambda count: f"{count} adresse(s) effacée(s)."))
