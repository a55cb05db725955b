"""Reader feedback handed to the task worker: an error report goes to the page's editors by
e-mail, out of the reader's request."""

from django.urls import reverse
from django_tasks import task

from ressources import emails

from . import retours
from .models import SignalementErreur


@task()
def envoyer_signalement(signalement_id):
    """E-mail the error report ``signalement_id`` to whoever looks after its page
    (``retours.destinataires``); erase on the way the readers' addresses kept too long.
    Returns whether it went out."""
    retours.effacer_adresses_expirees()
    signalement = (
        SignalementErreur.objects.select_related("page", "page__content_type", "locale")
        .filter(pk=signalement_id)
        .first()
    )
    if signalement is None:  # deleted with its page meanwhile
        return False
    page = signalement.page
    context = {
        "signalement": signalement,
        "page": page,
        "page_url": page.full_url or "",
        "edition_url": emails.absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        "retours_url": emails.absolute(reverse("inventaire:retours_page", args=[page.pk])),
        "efface_le": retours.adresse_effacee_le(signalement),
    }
    return emails.notify(
        retours.destinataires(page), "inventaire/emails/signalement", context, bcc=True
    )


@task()
def effacer_adresses():
    """The readers' addresses on error reports older than ``retours.ADRESSE_GARDEE``,
    erased even when no new report comes (``cron`` runs it daily). Returns how many."""
    return retours.effacer_adresses_expirees()
