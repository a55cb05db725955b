"""Digests as in production: `envoyer_alertes` (cron) hands tasks to the database queue, a
real `db_worker` process runs them, and the outbox delivers; run twice, one e-mail."""

import io

import pytest
from django.core.management import call_command

from outbox.models import Email
from tests.alertes.helpers import ADRESSE, alerte_et_guide_nouveau
from tests.browser import browser_db
from tests.servers import DATABASE_TASKS, worker


@pytest.mark.postgresql
@browser_db  # committed, for the worker's process
def test_with_the_task_worker_a_digest_goes_out_once(settings):
    settings.TASKS = DATABASE_TASKS
    alerte_et_guide_nouveau()

    for _twice in range(2):
        call_command("envoyer_alertes", "--frequence", "hebdomadaire", stdout=io.StringIO())
        worker()
        worker()  # the deliveries the digests' task enqueued

    (email,) = Email.objects.filter(to=[ADRESSE])
    assert email.state == Email.State.SENT
    assert "Le guide nouveau de la gouvernance" in email.body
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
