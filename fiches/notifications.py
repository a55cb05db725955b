"""E-mails to members and contributors. A failing mail server never undoes what the person
did: the failure is logged and the action stands."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def notify(recipients, template, context, language=None):
    """Send ``fiches/emails/<template>_subject.txt`` / ``_body.txt``; True if it went out."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return False
    with translation.override(language or translation.get_language()):
        subject = render_to_string(f"fiches/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"fiches/emails/{template}_body.txt", context)
    try:
        send_mail(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    except Exception:
        logger.exception("E-mail « %s » to %d recipient(s) not sent", template, len(recipients))
        return False
    return True


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
