"""``python manage.py effacer_conversations`` (cron, daily): erase the messages of the
conversations closed more than twelve months ago (``bourse.tasks_conversations``, run by the
task worker). Their outcome and structures stay for the attestations and the indicators;
running it again erases nothing more."""

from django.core.management.base import BaseCommand

from ressources.tasks import outcome

from ...tasks_conversations import effacer_conversations


class Command(BaseCommand):
    help = "Efface les messages des conversations closes depuis plus de 12 mois."

    def handle(self, *args, **options):
        result = effacer_conversations.enqueue()
        self.stdout.write(outcome(result, lambda count: f"{count} conversation(s) effacée(s)."))
