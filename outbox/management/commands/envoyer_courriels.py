"""python manage.py envoyer_courriels: send the e-mails whose next attempt has come and forget
those sent more than 30 days ago. Safe to run every few minutes from cron: the worker already
retries on its own, this catches whatever a stopped worker left."""

from django.core.management.base import BaseCommand

from ...tasks import retry_due


class Command(BaseCommand):
    help = "Relance les courriels en attente et oublie les courriels envoyés il y a 30 jours."

    def handle(self, *args, **options):
        result = retry_due.enqueue()
        if result.is_finished:
            handed, forgotten = result.return_value
            self.stdout.write(f"{handed} courriel(s) relancé(s), {forgotten} oublié(s).")
        else:
            self.stdout.write(f"Tâche {result.id} confiée au worker des tâches.")
