"""Every e-mail the site sends, kept until it has gone out. The row is written in the same
transaction as what the e-mail reports on (a registration, a moderation decision), so a
failing mail server never loses it: a task delivers it, retries with a growing delay, and
after the last attempt it waits « en échec » in the admin, where staff can send it again."""

import base64
import logging
from datetime import timedelta
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

#: Delays before each new attempt: about a day and a half in all, long enough for a mail
#: server to be repaired, short enough for a reminder to still be useful.
RETRY_DELAYS = [timedelta(minutes=m) for m in (1, 5, 30, 120, 480, 1440)]


class EmailQuerySet(models.QuerySet):
    def due(self, now=None):
        """Waiting e-mails whose next attempt has come."""
        return self.filter(state=Email.State.PENDING, next_attempt_at__lte=now or timezone.now())

    def mentioning(self, address):
        """E-mails to, from or about ``address`` (case ignored): in a header, the subject or
        the text, sent or not; for forgetting a person."""
        texts = ("subject", "from_email", "body")
        lists = ("to", "cc", "bcc", "reply_to", "headers", "alternatives")
        condition = models.Q()
        for field in texts:
            condition |= models.Q(**{f"{field}__icontains": address})
        annotations = {f"{field}_text": Cast(field, models.TextField()) for field in lists}
        for field in lists:
            condition |= models.Q(**{f"{field}_text__icontains": address})
        return self.annotate(**annotations).filter(condition)


class Email(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("En attente")
        SENT = "sent", _("Envoyé")
        FAILED = "failed", _("En échec")

    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    # Text, not a bounded field: no subject or sender, however long, may stop an e-mail.
    subject = models.TextField(_("objet"))
    from_email = models.TextField(_("expéditeur"))
    to = models.JSONField(_("destinataires"), default=list)
    cc = models.JSONField(default=list)
    bcc = models.JSONField(default=list)
    reply_to = models.JSONField(default=list)
    headers = models.JSONField(default=dict)
    body = models.TextField()
    #: [[content, mimetype]]: the HTML version allauth and Wagtail add.
    alternatives = models.JSONField(default=list)
    #: [[filename, base64 content, mimetype]]: an invitation's .ics.
    attachments = models.JSONField(default=list)
    state = models.CharField(_("état"), max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    next_attempt_at = models.DateTimeField(_("prochaine tentative"), default=timezone.now)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    objects = EmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("courriel")
        verbose_name_plural = _("courriels")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return self.subject

    @classmethod
    def from_message(cls, message):
        """A row for a Django ``EmailMessage`` (or ``EmailMultiAlternatives``)."""
        return cls(
            subject=str(message.subject),
            from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
            to=list(message.to),
            cc=list(message.cc),
            bcc=list(message.bcc),
            reply_to=list(message.reply_to),
            headers=dict(message.extra_headers),
            body=message.body,
            alternatives=[list(a) for a in getattr(message, "alternatives", [])],
            attachments=[encode_attachment(attachment) for attachment in message.attachments],
        )

    def as_message(self):
        message = EmailMultiAlternatives(
            self.subject,
            self.body,
            self.from_email,
            to=self.to,
            cc=self.cc,
            bcc=self.bcc,
            reply_to=self.reply_to,
            headers=self.headers,
        )
        for content, mimetype in self.alternatives:
            message.attach_alternative(content, mimetype)
        for filename, content, mimetype in self.attachments:
            message.attach(filename, base64.b64decode(content), mimetype)
        return message

    @property
    def recipients(self):
        return [*self.to, *self.cc, *self.bcc]

    def deliver(self):
        """One attempt through the real mail backend (``OUTBOX_DELIVERY_BACKEND``); the row
        says how it went. Returns True when the e-mail went out."""
        now = timezone.now()
        self.attempts += 1
        try:
            get_connection(settings.OUTBOX_DELIVERY_BACKEND).send_messages([self.as_message()])
        except Exception as error:  # whatever the mail server says, the e-mail is kept
            self.last_error = f"{type(error).__name__}: {error}"[:2000]
            if self.attempts > len(RETRY_DELAYS):
                self.state = self.State.FAILED
                logger.error("E-mail %s « %s » given up: %s", self.pk, self.subject, error)
            else:
                self.next_attempt_at = now + RETRY_DELAYS[self.attempts - 1]
            self.save()
            return False
        self.state, self.sent_at, self.last_error = self.State.SENT, now, ""
        self.save()
        return True


def encode_attachment(attachment):
    """``[filename, base64 content, mimetype]`` of a (filename, content, mimetype) tuple or of
    a MIME part."""
    if isinstance(attachment, MIMEBase):
        filename = attachment.get_filename()
        content, mimetype = attachment.get_payload(decode=True), attachment.get_content_type()
    else:
        filename, content, mimetype = attachment
    if isinstance(content, str):
        content = content.encode()
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]
