"""The resource centre's scheduled job (the editors' weekly list of pages to check again),
and what the management commands that hand a job to the task worker (``cron`` runs them)
print: whether the task ran at once (development, tests) or waits for the worker."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from . import contact, emails, verification


def outcome(result, done):
    """``done(return value)`` once the task has run, else where it waits."""
    if result.is_finished:
        return done(result.return_value)
    return _("Tâche %(id)s confiée au worker des tâches.") % {"id": result.id}


@task()
def signaler_pages_a_revoir():
    """One e-mail to the editors listing the guides and modèles past or near their « à revoir
    avant le » date (``cron`` runs it weekly). Returns how many pages it listed."""
    pages = list(verification.pages_a_revoir())
    if not pages:
        return 0
    aujourd_hui = verification.aujourd_hui()
    lignes = [
        {
            "page": page,
            "depassee": page.echeance < aujourd_hui,
            "url": emails.absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        }
        for page in pages
    ]
    emails.notify(
        emails.adresses_des_groupes(verification.GROUPE_EDITEURS),
        "ressources/emails/pages_a_revoir",
        {"lignes": lignes, "rapport": emails.absolute(reverse("verification:pages_a_revoir"))},
        bcc=True,
    )
    return len(pages)


@task()
def transmettre_message(nom, email, sujet, message, langue):
    """A message of the contact form, by e-mail to the staff (``contact.destinataires``), in
    the site's main language whatever the form's (``langue``). True if it went out."""
    context = {
        "nom": nom,
        "email": email,
        "sujet": dict(contact.SUJETS).get(sujet, sujet),
        "message": message,
        "langue": langue,
    }
    return emails.notify(
        contact.destinataires(),
        "ressources/emails/contact",
        context,
        language=settings.LANGUAGE_CODE,
        bcc=True,
        headers={"Reply-To": email},  # staff answer the sender with their mail client's Reply
    )
