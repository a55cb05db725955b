"""The outcome of an exchange (issue 19, point 5): one structure declares it (« Aide
apportée » with hours and/or a value, or « Sans suite »), which closes the conversation and
stamps its own confirmation; the other structure confirms it or corrects it. A correction
stamps the correcting side and clears the other's, which is asked again by e-mail. Once both
have confirmed, the outcome no longer changes: the attestations read it.

Every change is one conditional UPDATE, so two people clicking at once never confirm values
that one of them has not seen."""

from datetime import datetime

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import tasks_issue
from .models import Conversation, Cote, Issue, Sens

CONFIRMATION = {
    Cote.ANNONCEUR: "confirmee_annonceur_le",
    Cote.REPONDANT: "confirmee_repondant_le",
}


class IssueError(Exception):
    """A change the outcome cannot take now (said to the person, never a 500)."""


def cote_aidant(conversation):
    """The side of the structure that gave: the annonce's for an offre, else the one that
    answered the demande."""
    return Cote.ANNONCEUR if conversation.annonce.sens == Sens.OFFRE else Cote.REPONDANT


def etat(conversation, cote):
    """Where the outcome stands for the side ``cote``: « a-declarer » (nobody declared),
    « a-confirmer » (the other side declared or corrected it), « en-attente » (this side did,
    the other has not confirmed yet) or « confirmee » (both did)."""
    if not conversation.issue:
        return "a-declarer"
    if conversation.confirmee:
        return "confirmee"
    if getattr(conversation, CONFIRMATION[cote]) is None:
        return "a-confirmer"
    return "en-attente"


def version(conversation, cote):
    """What the side ``cote`` confirms: the moment the other side declared what it reads. A
    correction in between changes it, and the confirmation is refused."""
    moment = getattr(conversation, CONFIRMATION[Cote.autre(cote)])
    return moment.isoformat() if moment else ""


def pas_encore_confirmee():
    return ~models.Q(confirmee_annonceur_le__isnull=False, confirmee_repondant_le__isnull=False)


def declarer(conversation, cote, issue, heures=None, valeur=None, resume=""):
    """Declare the outcome, or correct it, on behalf of the side ``cote``. Closes the
    conversation if still open; the other side's members get an e-mail."""
    if conversation.confirmee:
        raise IssueError(
            _("Les deux structures ont confirmé cette issue : elle ne peut plus changer.")
        )
    corrigee = bool(conversation.issue)
    maintenant = timezone.now()
    aide = issue == Issue.AIDE
    valeurs = {
        "issue": issue,
        "heures": heures if aide else None,
        "valeur": valeur if aide else None,
        "resume": resume if aide else "",
        CONFIRMATION[cote]: maintenant,
        CONFIRMATION[Cote.autre(cote)]: None,
        "closed_at": conversation.closed_at or maintenant,
    }
    with transaction.atomic():
        lignes = Conversation.objects.filter(pas_encore_confirmee(), pk=conversation.pk)
        if not lignes.update(**valeurs):
            raise IssueError(
                _("Les deux structures ont confirmé cette issue : elle ne peut plus changer.")
            )
        destinataire = Cote.autre(cote)
        transaction.on_commit(
            lambda: tasks_issue.notifier_issue.enqueue(conversation.pk, str(destinataire), corrigee)
        )
    for champ, valeur_du_champ in valeurs.items():
        setattr(conversation, champ, valeur_du_champ)
    return conversation


def confirmer(conversation, cote, version_lue):
    """The side ``cote`` confirms the outcome the other side declared, as it was when read
    (``version_lue``, from ``version``)."""
    change = IssueError(
        _("L'autre structure a modifié l'issue entre-temps : relisez-la avant de confirmer.")
    )
    try:
        lue = datetime.fromisoformat(version_lue)
    except (TypeError, ValueError):
        raise change from None
    if timezone.is_naive(lue):
        raise change
    maintenant = timezone.now()
    lignes = Conversation.objects.filter(
        pk=conversation.pk,
        **{CONFIRMATION[Cote.autre(cote)]: lue, f"{CONFIRMATION[cote]}__isnull": True},
    ).exclude(issue="")
    if not lignes.update(**{CONFIRMATION[cote]: maintenant}):
        raise change
    setattr(conversation, CONFIRMATION[cote], maintenant)
    return conversation
