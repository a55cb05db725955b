"""``python manage.py expirer_annonces`` (cron, daily): mark expirée the annonces past their end
date (``bourse.tasks.expirer_annonces``, run by the task worker). They already left the public
pages the day after their end (``Annonce.objects.publiques``)."""

from django.core.management.base import BaseCommand

from ressources.tasks import outcome

from ...tasks import expirer_annonces


class Command(BaseCommand):
    help = "Marque « expirée » les annonces dont la date de fin est passée."

    def handle(self, *args, **options):
        result = expirer_annonces.enqueue()
        self.stdout.write(outcome(result, lambda count: f"{count} annonce(s) expirée(s)."))
