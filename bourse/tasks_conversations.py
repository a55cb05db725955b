"""E-mails and daily work of the conversations, run by the task worker: a request never waits
for a mail server. The e-mail of a message goes to the members of the other structure and
never shows the sender's address: it says to answer on the site."""

from django.urls import reverse
from django_tasks import task

from ressources import emails

from . import cloture, destinataires
from .models import Conversation, Cote, Message


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
    autre = Cote.autre(message.cote)
    lien = reverse("conversation", args=[conversation.pk])
    return emails.notify(
        destinataires.membres(conversation.structure_de(autre), message.auteur_id),
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
    autre = Cote.autre(cote)
    return emails.notify(
        destinataires.membres(conversation.structure_de(autre)),
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
