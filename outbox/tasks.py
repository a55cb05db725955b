"""Delivering the outbox, run by the task worker (at once in development)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import Email

#: Sent e-mails hold personal data (addresses, names): forgotten after this.
KEEP_SENT = timedelta(days=30)


@task()
def deliver(email_id):
    """One attempt at an e-mail still waiting; the row is locked so that two workers never
    send it twice. A failure schedules the next attempt when the task backend can defer,
    else ``retry_due`` (``manage.py envoyer_courriels``) picks it up."""
    with transaction.atomic():
        email = Email.objects.select_for_update(skip_locked=True).due().filter(pk=email_id).first()
        if email is None:
            return False  # sent, given up, or in another worker's hands
        sent = email.deliver()
    if not sent and email.state == Email.State.PENDING and deliver.get_backend().supports_defer:
        deliver.using(run_after=email.next_attempt_at).enqueue(email.pk)
    return sent


@task()
def retry_due():
    """Hand every waiting e-mail whose time has come to ``deliver``, and forget the e-mails
    sent long ago. Returns (handed, forgotten)."""
    due = list(Email.objects.due().values_list("pk", flat=True)[:1000])
    for email_id in due:
        deliver.enqueue(email_id)
    forgotten, _ = Email.objects.filter(
        state=Email.State.SENT, sent_at__lt=timezone.now() - KEEP_SENT
    ).delete()
    return len(due), forgotten
