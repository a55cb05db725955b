"""The e-mail of an exchange's outcome, sent by the task worker: when one structure declares
or corrects the outcome, the other structure's members are asked to confirm it."""

from django.urls import reverse
from django_tasks import task

from ressources import emails

from . import destinataires
from .models import Conversation, Cote


@task()
def notifier_issue(conversation_id, cote_destinataire, corrigee):
    """Tell the members of the side ``cote_destinataire`` that the other structure declared
    (or corrected) the outcome, with the link to confirm it. True if it went out."""
    conversation = (
        Conversation.objects.select_related("annonce", "annonce__structure", "structure")
        .filter(pk=conversation_id)
        .first()
    )
    if conversation is None or not conversation.issue or conversation.confirmee:
        return False
    destinataire = conversation.structure_de(cote_destinataire)
    autre = conversation.structure_de(Cote.autre(cote_destinataire))
    return emails.notify(
        destinataires.membres(destinataire),
        "bourse/emails/issue_a_confirmer",
        {
            "conversation": conversation,
            "annonce": conversation.annonce,
            "autre": autre,
            "corrigee": corrigee,
            "url": emails.absolute(reverse("conversation_issue", args=[conversation.pk])),
        },
        bcc=True,
    )
