"""python manage.py publier_donnees: write the open datasets and their data package again
(``donnees.tasks.publier_donnees``, run by the task worker). ``cron`` runs it daily, as a
safety net behind the regeneration that follows publications; ``valider_donnees`` then checks
the result."""

from django.core.management.base import BaseCommand

from ressources.tasks import outcome

from ...tasks import publier_donnees


class Command(BaseCommand):
    help = "Régénère les jeux de données ouverts (CSV, JSON, datapackage.json)."

    def handle(self, *args, **options):
        result = publier_donnees.enqueue()
        self.stdout.write(outcome(result, lambda rows: f"{rows} ligne(s) publiée(s)."))
