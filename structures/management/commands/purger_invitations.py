"""python manage.py purger_invitations: delete the invitations to join a structure some days
after they expired (default 30), used or not (``structures.tasks.purger_invitations``, run by
the task worker). Safe to run daily."""

from django.core.management.base import BaseCommand

from ressources.tasks import outcome

from ...tasks import purger_invitations


class Command(BaseCommand):
    help = "Supprime les invitations expirées depuis plus de N jours."

    def add_arguments(self, parser):
        parser.add_argument("--jours", type=int, default=30, help="Délai en jours (défaut : 30).")

    def handle(self, *args, jours, **options):
        result = purger_invitations.enqueue(jours=jours)
        self.stdout.write(outcome(result, lambda count: f"{count} invitation(s) supprimée(s)."))
