"""python manage.py anonymiser_inscriptions: erase the personal data of registrations some
days after their workshop (default 90), keeping the counts
(``evenements.tasks.anonymiser_inscriptions``, run by the task worker). Safe to run daily."""

from django.core.management.base import BaseCommand

from ressources.tasks import outcome

from ...tasks import anonymiser_inscriptions


class Command(BaseCommand):
    help = "Anonymise les inscriptions des ateliers passés depuis plus de N jours."

    def add_arguments(self, parser):
        parser.add_argument("--jours", type=int, default=90, help="Délai en jours (défaut : 90).")

    def handle(self, *args, jours, **options):
        result = anonymiser_inscriptions.enqueue(jours=jours)
        self.stdout.write(outcome(result, lambda count: f"{count} inscription(s) anonymisée(s)."))
