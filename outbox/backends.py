"""The site's ``EMAIL_BACKEND``: whoever sends (our notifications, allauth, Wagtail's
moderation e-mails), the message is written to the outbox and a task delivers it, so no
request waits for, or fails with, the mail server."""

from django.core.mail.backends.base import BaseEmailBackend

from .models import Email
from .tasks import deliver


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            email = Email.from_message(message)
            email.save()
            deliver.enqueue(email.pk)
            count += 1
        return count
