"""Two runs of the daily lifecycle at the same moment (cron started twice, two machines): each
reminder, escalation and shared-job notice goes out once. Against the real PostgreSQL that
`make test` starts, with threads on their own connections."""

import datetime
import time
from unittest import mock

import pytest
from django.utils import timezone

from bourse import cycle
from outbox.models import Email
from tests.concurrence import all_at_once
from tests.factories import AnnonceFactory, StructureFactory, UserFactory

RUNS = 4

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_runs_at_once_send_each_step_once():
    auteure = UserFactory(email="auteure@asso.example")
    UserFactory(email="moderation@entraide.example", groups=["Modérateurs"])
    structure = StructureFactory(membres=[auteure])
    il_y_a_11_jours = timezone.now() - datetime.timedelta(days=11)
    aujourdhui = timezone.localdate()
    for n, fin in enumerate((7, 0, 7, 30)):
        AnnonceFactory(
            structure=structure, auteur=auteure, titre=f"Annonce {n}",
            fin=aujourdhui + datetime.timedelta(days=fin), published_at=il_y_a_11_jours,
        )  # fmt: skip
    for n in range(3):
        AnnonceFactory(titre=f"Comptable {n}", nature="emploi-partage", domaines=["numerique"])
    original = cycle.reclamer

    def slow_reclamer(*args, **kwargs):  # widen the window between reading and claiming
        time.sleep(0.05)
        return original(*args, **kwargs)

    with mock.patch.object(cycle, "reclamer", side_effect=slow_reclamer):
        bilans = all_at_once(*[cycle.lancer] * RUNS, timeout=60)

    sujets = sorted(Email.objects.values_list("subject", flat=True))
    assert all(isinstance(bilan, cycle.Bilan) for bilan in bilans), bilans
    assert sum(len(b.rappels_avant_fin) for b in bilans) == 2
    assert sum(len(b.rappels_fin) for b in bilans) == 1
    assert sum(len(b.escaladees) for b in bilans) == 4  # the four silent for 11 days
    assert sum(b.groupes_emploi_partage for b in bilans) == 1
    assert len([s for s in sujets if "se termine" in s]) == 3
    assert len([s for s in sujets if "sans réponse depuis 10 jours" in s]) == 4
    assert len([s for s in sujets if "emploi partagé" in s]) == 1
