"""E-mails of the bourse, sent by the task worker: a request never waits for a mail server."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from ressources import emails

from . import cherchable, cloture, dates
from .models import Annonce, Etat, Resultat, Signalement

GROUPE_MODERATEURS = "Modérateurs"


def moderateurs():
    """The addresses of the active Modérateurs."""
    return emails.adresses_des_groupes(GROUPE_MODERATEURS)


@task()
def notifier_decision(annonce_id, publiee, commentaire):
    """The author learns that the Modérateurs published their annonce, or what to change.
    True if it went out."""
    annonce = Annonce.objects.select_related("auteur").filter(pk=annonce_id).first()
    if annonce is None or annonce.auteur is None:
        return False
    template = "bourse/emails/annonce_publiee" if publiee else "bourse/emails/annonce_a_corriger"
    lien = annonce.get_absolute_url() if publiee else reverse("annonce_modifier", args=[annonce.pk])
    return emails.notify(
        [annonce.auteur.email],
        template,
        {"annonce": annonce, "commentaire": commentaire, "url": emails.absolute(lien)},
    )


@task()
def transmettre_signalement(signalement_id):
    """A report, e-mailed to the Modérateurs with the address of the annonce in the admin."""
    signalement = Signalement.objects.select_related("annonce").filter(pk=signalement_id).first()
    if signalement is None:
        return False
    annonce = signalement.annonce
    return emails.notify(
        moderateurs(),
        "bourse/emails/signalement",
        {
            "signalement": signalement,
            "annonce": annonce,
            "url": emails.absolute(annonce.get_absolute_url()),
            "admin_url": emails.absolute(reverse("bourse_moderer", args=[annonce.pk])),
        },
        bcc=True,
    )


@task()
def expirer_annonces():
    """Mark expirée the open annonces past their end date (cron, daily, through
    ``manage.py expirer_annonces``). They already left every public place the day after their
    end (``publiques``); this records it for their authors and what comes later, and closes
    their conversations. Returns how many."""
    ouvertes = Annonce.objects.filter(
        etat__in=[Etat.PUBLIEE, Etat.MODERATION, Etat.BROUILLON], fin__lt=dates.aujourdhui()
    )
    maintenant = timezone.now()
    # Published and never answered: « sans réponse », for its author and the indicators (a
    # draft that never went out asked nobody).
    sans_conversation = ouvertes.filter(
        published_at__isnull=False, resultat="", conversations__isnull=True
    )
    with transaction.atomic():
        sans_conversation.update(resultat=Resultat.SANS_REPONSE)
        # Their open conversations close with them (read before the annonces change state).
        cloture.fermer_conversations(ouvertes, maintenant)
        pks = list(ouvertes.values_list("pk", flat=True))
        nombre = ouvertes.update(etat=Etat.EXPIREE, closed_at=maintenant, updated_at=maintenant)
        # An update sends no signal: their search entries (already ended with their last
        # day) leave the table now rather than at the next full reindex.
        if pks:
            cherchable.synchroniser_plus_tard(pks)
        return nombre
