"""E-mails and daily work of the conversations, run by the task worker: a request never waits
for a mail server. The e-mail of a message goes to the members of the other structure and
never shows the sender's address: it says to answer on the site."""

from allauth.account.models import EmailAddress
from django.urls import reverse
from django_tasks import task

from ressources import emails
from structures.models import Adhesion

from . import cloture
from .models import Conversation, Cote, Message


def destinataires(structure, sauf_user_id=None):
    """The verified main addresses of ``structure``'s members (accepted memberships, active
    accounts), but the sender's."""
    adresses = EmailAddress.objects.filter(
        verified=True,
        primary=True,
        user__is_active=True,
        user__adhesions__structure=structure,
        user__adhesions__statut=Adhesion.Statut.ACCEPTEE,
    )
    if sauf_user_id is not None:
        adresses = adresses.exclude(user_id=sauf_user_id)
    return sorted({email.lower() for email in adresses.values_list("email", flat=True)})


@task()
def notifier_message(message_id):
    """A message, e-mailed to the other side with the absolute link of the conversation (it
    asks to log in). True if it went out."""
    message = (
        Message.objects.select_related(
            "conversation__annonce__structure", "conversation__structure"
        )
        .filter(pk=message_id)
        .first()
    )
    if message is None:
        return False
    conversation = message.conversation
    autre = Cote.REPONDANT if message.cote == Cote.ANNONCEUR else Cote.ANNONCEUR
    lien = reverse("conversation", args=[conversation.pk])
    return emails.notify(
        destinataires(conversation.structure_de(autre), message.auteur_id),
        "bourse/emails/conversation_message",
        {
            "message": message,
            "conversation": conversation,
            "annonce": conversation.annonce,
            "expediteur": conversation.structure_de(message.cote),
            "url": emails.absolute(lien),
        },
        bcc=True,
    )


@task()
def notifier_partage(conversation_id, cote):
    """The other side learns that ``cote`` agreed to share its details: asked to agree too,
    or told that both addresses now show on the conversation's page (never in the e-mail)."""
    conversation = (
        Conversation.objects.select_related("annonce__structure", "structure")
        .filter(pk=conversation_id)
        .first()
    )
    if conversation is None:
        return False
    autre = Cote.REPONDANT if cote == Cote.ANNONCEUR else Cote.ANNONCEUR
    return emails.notify(
        destinataires(conversation.structure_de(autre)),
        "bourse/emails/conversation_partage",
        {
            "conversation": conversation,
            "annonce": conversation.annonce,
            "expediteur": conversation.structure_de(cote),
            "les_deux": conversation.coordonnees_partagees,
            "url": emails.absolute(reverse("conversation", args=[conversation.pk])),
        },
        bcc=True,
    )


@task()
def effacer_conversations():
    """Erase the messages of the conversations closed more than twelve months ago (cron,
    daily, through ``manage.py effacer_conversations``). Returns how many."""
    return cloture.effacer_conversations()
