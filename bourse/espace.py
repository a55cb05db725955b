"""What « Mon espace » shows of the bourse: the annonces and the conversations of the person's
structures; what the data export and the account's deletion do with their messages."""

import re
from datetime import UTC, datetime

from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from ressources.comptes import toutes_les_adresses
from structures.models import Structure

from . import coordonnees
from .attestation import annees_par_structure
from .models import Annonce, Conversation, Lecture, Message


def mes_annonces(user):
    """The context of ``bourse/mes_annonces.html``: the annonces with the outcome of each of
    their conversations, and the years each structure has an attestation for (a fixed
    number of queries)."""
    conversations = Conversation.objects.select_related("structure").order_by("created_at", "pk")
    annonces = (
        Annonce.objects.de_membre(user)
        .select_related("structure")
        .prefetch_related(Prefetch("conversations", queryset=conversations))
    )
    structures = list(Structure.objects.of_member(user).order_by("nom"))
    return {
        "annonces": annonces.order_by("-updated_at", "-pk"),
        "attestations": annees_par_structure(structures),
    }


def donnees(user):
    """The annonces ``user`` wrote, for the data export (they stay with their structure when
    the account is deleted: their author becomes « nobody »)."""
    annonces = Annonce.objects.filter(auteur=user).select_related("structure").order_by("pk")
    return [
        {
            "titre": annonce.titre,
            "sens": annonce.get_sens_display(),
            "nature": annonce.get_nature_display(),
            "etat": annonce.get_etat_display(),
            "structure": annonce.structure.nom,
            "description": annonce.description,
            "publiee_le": annonce.published_at,
            "fin": annonce.fin,
        }
        for annonce in annonces
    ]


def mes_conversations(user):
    """The context of ``bourse/conversations.html``: the conversations of the person's
    structures, on either side, latest activity first, each with the structure on the other
    side (a fixed number of queries whatever their number)."""
    miennes = set(Structure.objects.of_member(user).values_list("pk", flat=True))
    liste = (
        Conversation.objects.de_membre(user)
        .select_related("annonce", "annonce__structure", "structure")
        .annotate(nombre_messages=Count("messages"), nouveau=non_lue(user))
        .order_by("-derniere_activite", "-pk")
    )
    return {
        "conversations": [
            {
                "conversation": conversation,
                "autre": conversation.structure
                if conversation.annonce.structure_id in miennes
                else conversation.annonce.structure,
            }
            for conversation in liste
        ]
    }


def non_lue(user):
    """Whether a conversation has a message ``user`` has not seen: written by somebody else
    (a colleague too) since they last opened it, or ever if they never did."""
    # Read inside the messages' subquery: its outer row is the message, hence « conversation ».
    lue_le = Lecture.objects.filter(conversation=OuterRef("conversation"), user=user)
    lue_le = lue_le.values("lue_le")
    jamais = Value(datetime(1970, 1, 1, tzinfo=UTC), output_field=DateTimeField())
    depuis = Coalesce(Subquery(lue_le[:1]), jamais)
    autres = Message.objects.filter(conversation=OuterRef("pk"), created_at__gt=depuis).exclude(
        auteur=user
    )
    return Exists(autres)


def marquer_lue(conversation, user):
    """``user`` has just read ``conversation``."""
    Lecture.objects.update_or_create(
        conversation=conversation, user=user, defaults={"lue_le": timezone.now()}
    )


def donnees_conversations(user):
    """The messages ``user`` wrote, for the data export (they stay with their structure when
    the account is deleted, without their author; erased 12 months after the end)."""
    messages = (
        Message.objects.filter(auteur=user)
        .select_related("conversation__annonce__structure", "conversation__structure")
        .order_by("created_at", "pk")
    )
    return [
        {
            "conversation": str(message.conversation),
            "annonce": message.conversation.annonce.titre,
            "au_nom_de": message.conversation.structure_de(message.cote).nom,
            "date": message.created_at,
            "message": message.texte,
        }
        for message in messages
    ]


def donnees_lectures(user):
    """When ``user`` last opened each conversation (« Nouveau message »); deleted with the
    account (the foreign key)."""
    lectures = Lecture.objects.filter(user=user).select_related(
        "conversation__annonce", "conversation__structure"
    )
    return [
        {"conversation": str(lecture.conversation), "lue_le": lecture.lue_le}
        for lecture in lectures.order_by("lue_le", "pk")
    ]


def supprimer_conversations(user):
    """When the account goes its messages stay with its structure, their author emptied (the
    foreign key); an address of the person typed in one once details were shared goes too."""
    for adresse in toutes_les_adresses(user):
        for message in Message.objects.filter(texte__icontains=adresse):
            message.texte = re.sub(
                re.escape(adresse), coordonnees.MASQUE, message.texte, flags=re.I
            )
            message.save(update_fields=["texte"])
