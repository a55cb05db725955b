"""The end of conversations: they close with their annonce (pourvue, retirée, expirée), and
twelve months after they closed their messages and who opened them are erased. The outcome
(``issue``, hours, value, confirmations) and the two structures stay: the attestations and
the indicators count them, without anyone's name or words."""

from django.db import transaction
from django.utils import timezone

from .models import Conversation, Message

CONSERVATION_MOIS = 12


def fermer_conversations(annonces, maintenant=None):
    """Close the open conversations of ``annonces`` (a queryset, read before its annonces
    change state). Returns how many."""
    maintenant = maintenant or timezone.now()
    ouvertes = Conversation.objects.filter(annonce__in=annonces, closed_at__isnull=True)
    return ouvertes.update(closed_at=maintenant)


def decaler_d_un_an(moment, sens=-1):
    """The same day a year earlier (``sens=-1``) or later (28 February for a 29)."""
    try:
        return moment.replace(year=moment.year + sens * CONSERVATION_MOIS // 12)
    except ValueError:
        return moment.replace(year=moment.year + sens * CONSERVATION_MOIS // 12, day=28)


def a_effacer(maintenant):
    return Conversation.objects.filter(
        closed_at__lt=decaler_d_un_an(maintenant), donnees_effacees_le__isnull=True
    )


@transaction.atomic
def effacer_conversations(maintenant=None):
    """Erase the messages of the conversations closed more than twelve months ago (once: an
    erased conversation is left alone). Returns how many conversations."""
    maintenant = maintenant or timezone.now()
    conversations = list(a_effacer(maintenant).select_for_update().values_list("pk", flat=True))
    Message.objects.filter(conversation__in=conversations).delete()
    return Conversation.objects.filter(pk__in=conversations).update(
        initiee_par=None, donnees_effacees_le=maintenant
    )


def fin_de_conservation(conversation):
    """The day its messages will be erased, once it is closed."""
    if conversation.closed_at is None:
        return None
    return decaler_d_un_an(timezone.localtime(conversation.closed_at).date(), sens=1)
