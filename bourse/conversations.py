"""What happens in a conversation of the bourse: opened by another structure's member on a
published annonce (one per annonce and structure: a second attempt writes in the first),
messages e-mailed to the other side by the task worker, details shared once both sides have
agreed. The views call these; a refusal says why (``ConversationError``), never a 500."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from structures.models import Structure

from . import tasks_conversations
from .models import Conversation, Cote, Message


class ConversationError(Exception):
    """A message or a share this conversation cannot take now."""


def structures_pour_repondre(user, annonce):
    """The structures ``user`` may speak for on ``annonce``: theirs, none if they belong to
    the annonce's structure (they speak for it in every conversation about it, ``acces.cote``)."""
    miennes = Structure.objects.of_member(user)
    if miennes.filter(pk=annonce.structure_id).exists():
        return Structure.objects.none()
    return miennes.order_by("nom", "pk")


def contact(user, annonce):
    """What an annonce's page offers ``user``: ``etat`` anonyme (the log-in link), sans-structure
    (how to join one), sienne (nothing: their own annonce) or possible (the button), with the
    conversations their structures already have about it."""
    if not user.is_authenticated:
        return {"etat": "anonyme"}
    structures = list(Structure.objects.of_member(user).values_list("pk", flat=True))
    if not structures:
        return {"etat": "sans-structure"}
    if annonce.structure_id in structures:
        return {"etat": "sienne"}
    existantes = list(
        Conversation.objects.filter(annonce=annonce, structure__in=structures).select_related(
            "structure"
        )
    )
    return {
        "etat": "possible",
        "existantes": existantes,
        "nouvelle_possible": len(existantes) < len(set(structures)),
    }


@transaction.atomic
def ouvrir(annonce, structure, user, texte):
    """The conversation of ``structure`` about ``annonce`` (created if it is the first) with
    ``texte`` as its next message. Two clicks at once give one conversation: the unique
    constraint makes the second ``get_or_create`` read the first's row."""
    conversation, _creee = Conversation.objects.get_or_create(
        annonce=annonce, structure=structure, defaults={"initiee_par": user}
    )
    ecrire(conversation, Cote.REPONDANT, user, texte)
    return conversation


def ecrire(conversation, cote, user, texte):
    """Add a message from ``user`` speaking for ``cote``; e-mailed to the other side once the
    transaction commits."""
    if conversation.closed_at is not None:
        raise ConversationError(_("Cette conversation est close : elle ne reçoit plus de message."))
    maintenant = timezone.now()
    message = Message.objects.create(
        conversation=conversation, cote=cote, auteur=user, texte=texte, created_at=maintenant
    )
    Conversation.objects.filter(pk=conversation.pk).update(derniere_activite=maintenant)
    conversation.derniere_activite = maintenant
    transaction.on_commit(lambda: tasks_conversations.notifier_message.enqueue(message.pk))
    return message


def partager(conversation, cote):
    """``cote`` agrees to show its members' addresses; the other side is told by e-mail (the
    first time only). True once both sides have."""
    champ = "coordonnees_annonceur_le" if cote == Cote.ANNONCEUR else "coordonnees_repondant_le"
    if getattr(conversation, champ) is None:
        setattr(conversation, champ, timezone.now())
        changee = Conversation.objects.filter(
            pk=conversation.pk, **{f"{champ}__isnull": True}
        ).update(**{champ: getattr(conversation, champ)})
        if changee:
            transaction.on_commit(
                lambda: tasks_conversations.notifier_partage.enqueue(conversation.pk, cote)
            )
    return conversation.coordonnees_partagees


def a_partage(conversation, cote):
    if cote == Cote.ANNONCEUR:
        return conversation.coordonnees_annonceur_le is not None
    return conversation.coordonnees_repondant_le is not None


def coordonnees(conversation):
    """Once both sides agreed: per side, its structure (its public web site) and the
    addresses of its members who wrote in the conversation (one query). Before: None."""
    if not conversation.coordonnees_partagees:
        return None
    auteurs = (
        Message.objects.filter(
            conversation=conversation, auteur__isnull=False, auteur__is_active=True
        )
        .values_list("cote", "auteur__email")
        .distinct()
    )
    adresses = {Cote.ANNONCEUR: set(), Cote.REPONDANT: set()}
    for cote, email in auteurs:
        if email:
            adresses[cote].add(email)
    return [
        {"structure": conversation.structure_de(cote), "adresses": sorted(adresses[cote])}
        for cote in (Cote.ANNONCEUR, Cote.REPONDANT)
    ]
