"""E-mails of the site (members, contributors, workshop participants). A failing mail server
never undoes what the person did: the failure is logged and the action stands.

Links in them point at the site's real address: the one the current request came to (its
scheme and host, which ALLOWED_HOSTS has checked), or, outside a request (cron commands),
``WAGTAILADMIN_BASE_URL``, which Wagtail's own notifications use too."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)
_request = ContextVar("entraide_email_links_request", default=None)


def notify(recipients, template, context, language=None, attachments=(), bcc=False, headers=None):
    """Send ``<template>_subject.txt`` / ``<template>_body.txt`` (e.g. template
    ``fiches/emails/fiche_publiee``); ``attachments``: (filename, content, mimetype).
    With ``bcc``, recipients do not see each other; ``headers``: extra headers (e.g.
    ``List-Unsubscribe``). True if it went out."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return False
    try:  # the action it reports on is already saved: never turn a mail problem into an error
        message = _message(recipients, template, context, language, attachments, bcc)
        message.extra_headers.update(headers or {})
        message.send()
    except Exception:
        logger.exception("E-mail « %s » to %d recipient(s) not sent", template, len(recipients))
        return False
    return True


def _message(recipients, template, context, language, attachments, bcc):
    with translation.override(language or translation.get_language()):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)
    message = EmailMessage(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        to=[] if bcc else recipients,
        bcc=recipients if bcc else [],
    )
    for attachment in attachments:
        message.attach(*attachment)
    return message


def adresses_des_groupes(*groupes):
    """The addresses of the active members of the staff ``groupes`` (« Éditeurs »,
    « Modérateurs »…), each once, in order."""
    users = get_user_model().objects.filter(is_active=True, groups__name__in=groupes)
    return list(
        users.exclude(email="").values_list("email", flat=True).distinct().order_by("email")
    )


@contextmanager
def links_from(request):
    """While ``request`` is served, e-mail links start with the address it came to
    (``ressources.middleware.EmailLinksMiddleware``)."""
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


def base_url():
    """``https://host[:port]`` of the site, without a trailing slash."""
    request = _request.get()
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path):
    return base_url() + path
