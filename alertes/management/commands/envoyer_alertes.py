"""python manage.py envoyer_alertes --frequence quotidienne|hebdomadaire: enqueue one task
per alert of that frequency not yet sent for the current period (the task worker sends the
digests), and delete the alerts nobody confirmed in time. Safe to run twice: an alert is sent
at most once per day (or ISO week)."""

from django.core.management.base import BaseCommand

from ...models import Frequence
from ...services import dues, nettoyer, periode
from ...tasks import envoyer_alerte


class Command(BaseCommand):
    help = "Envoie les alertes dues (nouveautés depuis le dernier envoi)."

    def add_arguments(self, parser):
        parser.add_argument("--frequence", choices=Frequence.values, required=True)

    def handle(self, *args, frequence, **options):
        cle_periode = periode(frequence)
        supprimees = nettoyer()
        pks = list(dues(frequence, cle_periode).values_list("pk", flat=True))
        for pk in pks:
            envoyer_alerte.enqueue(pk, cle_periode)
        self.stdout.write(
            f"{len(pks)} alerte(s) {frequence} confiée(s) au worker des tâches pour "
            f"{cle_periode} ; {supprimees} alerte(s) jamais confirmée(s) supprimée(s)."
        )
