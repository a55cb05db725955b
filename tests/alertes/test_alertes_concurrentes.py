"""Two runs of the digests at the same moment (cron started twice, two workers): one e-mail.
Against the real PostgreSQL that `make test` starts, with threads on their own connections."""

import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from alertes import nouveautes, services
from alertes.models import Alerte, Frequence
from outbox.models import Email
from tests.factories import GuidePageFactory, build_site_tree, domaine

RUNS = 4

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_runs_at_once_send_one_digest_for_the_period():
    _home, index = build_site_tree()
    alerte, _created = services.creer(
        "ressources",
        {"domaine": ["gouvernance-vie-associative"]},
        "Gouvernance",
        "lectrice@asso.example",
        Frequence.HEBDOMADAIRE,
        "fr",
    )
    services.confirmer(alerte)
    Alerte.objects.filter(pk=alerte.pk).update(envoyee_jusqu_a=timezone.now() - timedelta(hours=1))
    guide = GuidePageFactory(
        parent=index,
        title="Le guide nouveau de la gouvernance",
        domaines=[domaine("gouvernance-vie-associative")],
        live=False,
        first_published_at=None,
    )
    guide.save_revision().publish()
    periode = services.periode(Frequence.HEBDOMADAIRE)
    start, outcomes = threading.Barrier(RUNS), []
    original = nouveautes.trouver

    def slow_trouver(*args, **kwargs):  # without the claim, every run would find the guide
        time.sleep(0.3)
        return original(*args, **kwargs)

    def run():
        try:
            start.wait(timeout=10)
            outcomes.append(services.envoyer(alerte.pk, periode))
        finally:
            connection.close()

    with mock.patch.object(nouveautes, "trouver", side_effect=slow_trouver):
        threads = [threading.Thread(target=run) for _ in range(RUNS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert sorted(outcomes, key=str) == [1] + [None] * (RUNS - 1)
    assert Email.objects.filter(to=["lectrice@asso.example"]).count() == 1
