"""Every e-mail goes through the outbox: a mail server that is down never fails or slows what
someone does, and no e-mail is lost: it goes out once the server is back, and one given up
waits for staff in the admin."""

import io
import smtplib
import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from evenements.models import Inscription
from outbox.models import RETRY_DELAYS, Email
from outbox.tasks import deliver
from tests.browser import browser_db
from tests.evenements.helpers import agenda_page, atelier, committed, form_data, inscrire_url
from tests.factories import UserFactory
from tests.servers import DATABASE_TASKS, worker

pytestmark = pytest.mark.django_db


class MailServerDown:
    """A delivery backend whose server refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def time_passes():
    """Every waiting e-mail's next attempt has come."""
    Email.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def register(client, workshop, email):
    with committed():
        return client.post(inscrire_url(workshop), form_data(email=email))


def test_a_registration_taken_while_the_mail_server_is_down_is_kept_and_mailed_when_it_is_back(
    client, settings
):
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    settings.EMAIL_USE_TLS = False
    workshop = atelier(agenda_page(), title="Trésorerie associative")

    response = register(client, workshop, "dominique@asso.example")

    assert response.status_code == 302
    assert Inscription.objects.filter(email="dominique@asso.example").exists()
    [email] = Email.objects.all()
    assert (email.state, email.attempts) == (Email.State.PENDING, 1)
    assert "Connection" in email.last_error or "refused" in email.last_error.lower()
    assert mail.outbox == []

    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_passes()
    call_command("envoyer_courriels", stdout=io.StringIO())
    call_command("envoyer_courriels", stdout=io.StringIO())

    [message] = mail.outbox
    assert message.to == ["dominique@asso.example"]
    assert "Trésorerie associative" in message.subject
    assert Email.objects.get().state == Email.State.SENT


def test_an_email_given_up_is_shown_to_staff_who_can_send_it_again(client, settings):
    settings.OUTBOX_DELIVERY_BACKEND = f"{__name__}.MailServerDown"
    send_mail("Votre fiche est publiée", "Bonjour", None, ["alix@asso.example"])
    for _ in RETRY_DELAYS:
        time_passes()
        deliver.call(Email.objects.get().pk)
    email = Email.objects.get()
    assert (email.state, email.attempts) == (Email.State.FAILED, len(RETRY_DELAYS) + 1)
    assert client.get("/sante/").json()["checks"]["emails"] == {"ok": False}

    client.force_login(UserFactory(is_superuser=True))
    listing = client.get("/admin/courriels/").content.decode()
    assert "Votre fiche est publiée" in listing and "alix@asso.example" in listing

    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(f"/admin/courriels/{email.pk}/renvoyer/", follow=True)

    assert [message.to for message in mail.outbox] == [["alix@asso.example"]]
    assert "est renvoyé" in response.content.decode()
    assert "alix@asso.example" not in client.get("/admin/courriels/").content.decode()


def test_staff_without_the_permission_see_no_emails(client):
    send_mail("Inscription confirmée", "Bonjour", None, ["alix@asso.example"])
    Email.objects.update(state=Email.State.FAILED)
    client.force_login(UserFactory(is_staff=True, groups=["Moderators"]))

    for url in ("/admin/courriels/", f"/admin/courriels/{Email.objects.get().pk}/renvoyer/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "alix@asso.example" not in response.content.decode()


@pytest.mark.postgresql
@browser_db  # committed, for the worker's process
def test_with_a_worker_the_request_sends_nothing_and_the_worker_sends_each_email_once(
    client, settings
):
    settings.TASKS = DATABASE_TASKS
    workshop = atelier(agenda_page(), title="Recruter un premier salarié")

    client.post(inscrire_url(workshop), form_data(email="sacha@asso.example"))

    assert mail.outbox == []
    assert Email.objects.get().state == Email.State.PENDING
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=11))
    assert client.get("/sante/").json()["checks"]["tasks"] == {"ok": False}
    assert client.get("/sante/serveur/").status_code == 200  # web processes keep serving

    worker()
    worker()

    email = Email.objects.get()
    assert (email.state, email.attempts) == (Email.State.SENT, 1)
    assert client.get("/sante/").status_code == 200


def test_a_failure_with_a_worker_is_tried_again_later_not_at_once(settings):
    settings.TASKS = DATABASE_TASKS
    settings.OUTBOX_DELIVERY_BACKEND = f"{__name__}.MailServerDown"
    send_mail("Rappel : atelier demain", "Bonjour", None, ["alix@asso.example"])

    deliver.call(Email.objects.get().pk)

    email = Email.objects.get()
    assert (email.state, email.attempts) == (Email.State.PENDING, 1)
    assert email.next_attempt_at > timezone.now()
    assert DBTaskResult.objects.filter(run_after=email.next_attempt_at).count() == 1
    assert mail.outbox == []


addresses = st.emails().map(str.lower)
texts = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=80)


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    subject=texts,
    body=st.text(
        st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=300
    ),
    to=st.lists(addresses, min_size=1, max_size=3),
    bcc=st.lists(addresses, max_size=2),
    html=st.none() | texts,
    attachment=st.none() | st.binary(min_size=1, max_size=200),
)
def test_what_comes_out_of_the_outbox_is_what_was_sent(subject, body, to, bcc, html, attachment):
    mail.outbox.clear()
    message = EmailMultiAlternatives(subject, body, "Entraide <ne@entraide.example>", to, bcc=bcc)
    if html:
        message.attach_alternative(html, "text/html")
    if attachment:
        message.attach("piece.bin", attachment, "application/octet-stream")

    message.send()

    [received] = mail.outbox
    assert (received.subject, received.body, received.to, received.bcc) == (
        subject,
        body,
        to,
        bcc,
    )
    assert received.from_email == "Entraide <ne@entraide.example>"
    assert [tuple(a) for a in received.alternatives] == ([(html, "text/html")] if html else [])
    expected = [("piece.bin", attachment, "application/octet-stream")] if attachment else []
    assert [tuple(a) for a in received.attachments] == expected
