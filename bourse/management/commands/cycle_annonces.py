"""``python manage.py cycle_annonces`` (cron, daily, after ``expirer_annonces``): the reminders
7 days before an annonce's end and on its last day, the bump of demandes left without an
answer in the alert digests, the e-mail to the département's animators after 10 days, and the
groups of shared-job demandes (``bourse.cycle``). Each e-mail is one task for the worker,
handed over only after its step was claimed: safe to run twice, each is sent once."""

from django.core.management.base import BaseCommand

from ...cycle import lancer


class Command(BaseCommand):
    help = (
        "Rappels de fin d'annonce, relances des demandes sans réponse, emplois partagés, "
        "issues des échanges demandées."
    )

    def handle(self, *args, **options):
        bilan = lancer()
        self.stdout.write(
            f"{len(bilan.rappels_avant_fin)} rappel(s) 7 jours avant la fin, "
            f"{len(bilan.rappels_fin)} rappel(s) de fin, {bilan.relancees} demande(s) "
            f"relancée(s), {len(bilan.escaladees)} transmise(s) aux animateurs, "
            f"{bilan.groupes_emploi_partage} groupe(s) d'emploi partagé signalé(s), "
            f"{len(bilan.issues_demandees)} issue(s) d'échange demandée(s) : "
            "e-mails confiés au worker des tâches."
        )
