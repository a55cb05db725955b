"""Who may open a conversation of the bourse: the members of its two structures, nobody else
(a 404, as for somebody else's annonce). Shared by the conversation, outcome and attestation
views so that the rule lives in one place."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from structures.models import Structure

from .models import Conversation, Cote


def conversation_de_membre(user, pk):
    """The conversation ``pk`` if ``user`` belongs to one of its two structures, else 404."""
    conversations = Conversation.objects.de_membre(user).select_related(
        "annonce", "annonce__structure", "structure"
    )
    return get_object_or_404(conversations.distinct(), pk=pk)


def cote(conversation, user):
    """The side ``user`` writes for: the annonce's structure first (someone in both
    structures speaks for the annonce, whose conversation it is)."""
    structures = set(Structure.objects.of_member(user).values_list("pk", flat=True))
    if conversation.annonce.structure_id in structures:
        return Cote.ANNONCEUR
    if conversation.structure_id in structures:
        return Cote.REPONDANT
    raise Http404
