"""Digests as in production: `envoyer_alertes` (cron) hands tasks to the database queue, a
real `db_worker` process runs them, and the outbox delivers; run twice, one e-mail."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from alertes import services
from alertes.models import Alerte, Frequence
from outbox.models import Email
from tests.browser import browser_db
from tests.factories import GuidePageFactory, build_site_tree, domaine
from tests.servers import DATABASE_TASKS, worker


@pytest.mark.postgresql
@browser_db  # committed, for the worker's process
def test_with_the_task_worker_a_digest_goes_out_once(settings):
    settings.TASKS = DATABASE_TASKS
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
    guide.save_revision().publish()  # as an editor publishes it: new from now

    for _twice in range(2):
        call_command("envoyer_alertes", "--frequence", "hebdomadaire", stdout=io.StringIO())
        worker()
        worker()  # the deliveries the digests' task enqueued

    (email,) = Email.objects.filter(to=["lectrice@asso.example"])
    assert email.state == Email.State.SENT
    assert "Le guide nouveau de la gouvernance" in email.body
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
