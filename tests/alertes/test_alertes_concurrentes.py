"""Two runs of the digests at the same moment (cron started twice, two workers): one e-mail.
Against the real PostgreSQL that `make test` starts, with threads on their own connections."""

import time
from unittest import mock

import pytest

from alertes import nouveautes, services
from alertes.models import Frequence
from outbox.models import Email
from tests.alertes.helpers import ADRESSE, alerte_et_guide_nouveau
from tests.concurrence import all_at_once

RUNS = 4

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_runs_at_once_send_one_digest_for_the_period():
    alerte = alerte_et_guide_nouveau()
    periode = services.periode(Frequence.HEBDOMADAIRE)
    original = nouveautes.trouver

    def slow_trouver(*args, **kwargs):  # without the claim, every run would find the guide
        time.sleep(0.3)
        return original(*args, **kwargs)

    with mock.patch.object(nouveautes, "trouver", side_effect=slow_trouver):
        outcomes = all_at_once(*[lambda: services.envoyer(alerte.pk, periode)] * RUNS)

    assert sorted(outcomes, key=str) == [1] + [None] * (RUNS - 1)
    assert Email.objects.filter(to=[ADRESSE]).count() == 1
