"""The daily lifecycle of the bourse (issue 19, points 4 and 7), run by ``manage.py
cycle_annonces``: which annonces are due for a reminder, a bump in the alert digests, an
e-mail to the département's animators, or a shared-job flag.

Each step is claimed before anything is sent: one conditional UPDATE sets the annonce's stamp
only where it is still empty, so of two runs (cron started twice, two machines) one wins, and
the e-mail is handed to the task worker only by the winner. A step is therefore sent at most
once; if the worker loses a task, it is not sent again (we prefer a missed reminder to two).

« Today » is the Paris date (``dates.aujourdhui``); a run missed by cron is caught up the next
day (the end-of-annonce reminder looks ``RATTRAPAGE`` days back)."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from . import correspondances, taches_cycle
from .models import Annonce, Conversation, Etat, Nature, Sens

#: The first reminder goes this many days before the end date.
AVANT_FIN = timedelta(days=7)
#: The end-of-annonce reminder is still sent this many days late (a missed cron run).
RATTRAPAGE = timedelta(days=2)
#: A demande with no conversation after this is bumped in the alert digests…
RELANCE = timedelta(days=5)
#: … and after this its département's animators are told.
ESCALADE = timedelta(days=10)
#: A conversation without an outcome is asked for it when it closes, or after this silence;
#: one closed longer ago than this is left alone (it was before this step existed).
SANS_NOUVELLES = timedelta(days=30)


@dataclass
class Bilan:
    """What one run did (the command prints it, the simulation counts it)."""

    rappels_avant_fin: list = field(default_factory=list)
    rappels_fin: list = field(default_factory=list)
    relancees: int = 0
    escaladees: list = field(default_factory=list)
    issues_demandees: list = field(default_factory=list)
    groupes_emploi_partage: int = 0


def reclamer(pk, etape, maintenant):
    """Stamp ``etape`` on annonce ``pk`` if nobody has: True for the one run that did."""
    return bool(Annonce.objects.filter(pk=pk, **{etape: None}).update(**{etape: maintenant}))


def sans_conversation(annonces):
    return annonces.exclude(Exists(Conversation.objects.filter(annonce=OuterRef("pk"))))


def dus_avant_fin(jour):
    """Published, ending within 7 days, and already up on the day 7 days before the end (an
    annonce posted for a few days gets only the end-of-annonce reminder)."""
    candidates = Annonce.objects.filter(
        etat=Etat.PUBLIEE,
        rappel_avant_fin_le=None,
        fin__gt=jour,
        fin__lte=jour + AVANT_FIN,
        published_at__isnull=False,
    ).values_list("pk", "fin", "published_at")
    return [pk for pk, fin, publiee in candidates if timezone.localdate(publiee) <= fin - AVANT_FIN]


def dus_fin(jour):
    """Ending today (or expired in the last days, when a run was missed), still open."""
    return list(
        Annonce.objects.filter(
            etat__in=[Etat.PUBLIEE, Etat.EXPIREE],
            rappel_fin_le=None,
            fin__lte=jour,
            fin__gte=jour - RATTRAPAGE,
            published_at__isnull=False,
        ).values_list("pk", flat=True)
    )


def rappels(bilan, jour, maintenant):
    for pk in dus_avant_fin(jour):
        if reclamer(pk, "rappel_avant_fin_le", maintenant):
            taches_cycle.envoyer_rappel.enqueue(pk, taches_cycle.AVANT_FIN)
            bilan.rappels_avant_fin.append(pk)
    for pk in dus_fin(jour):
        if reclamer(pk, "rappel_fin_le", maintenant):
            taches_cycle.envoyer_rappel.enqueue(pk, taches_cycle.FIN)
            bilan.rappels_fin.append(pk)


def silences(bilan, maintenant):
    """Demandes with no conversation: bumped after 5 days (in one UPDATE: the digests read
    the stamp), their animators told after 10 (one e-mail each)."""
    demandes = sans_conversation(Annonce.objects.publiques().filter(sens=Sens.DEMANDE))
    bilan.relancees = demandes.filter(
        relancee_le=None, published_at__lte=maintenant - RELANCE
    ).update(relancee_le=maintenant)
    a_escalader = demandes.filter(
        animateurs_prevenus_le=None, published_at__lte=maintenant - ESCALADE
    ).values_list("pk", flat=True)
    for pk in list(a_escalader):
        if reclamer(pk, "animateurs_prevenus_le", maintenant):
            taches_cycle.prevenir_animateurs.enqueue(pk)
            bilan.escaladees.append(pk)


def emplois_partages(bilan, maintenant):
    """Each group of ≥ 3 shared-job demandes with a member not yet flagged: its new members
    are claimed, then one e-mail lists the whole group (a group that grows is flagged again)."""
    demandes = (
        Annonce.objects.publiques()
        .filter(sens=Sens.DEMANDE, nature=Nature.EMPLOI_PARTAGE)
        .prefetch_related("domaines", "departements")
        .order_by("pk")
    )
    lues = [correspondances.pour_le_classement(demande) for demande in demandes]
    for groupe in correspondances.emplois_partages(lues):
        nouvelles = [m.objet.pk for m in groupe if m.objet.emploi_partage_signale_le is None]
        if not nouvelles:
            continue
        reclamees = Annonce.objects.filter(pk__in=nouvelles, emploi_partage_signale_le=None).update(
            emploi_partage_signale_le=maintenant
        )
        if reclamees:
            pks = sorted(membre.objet.pk for membre in groupe)
            taches_cycle.signaler_emploi_partage.enqueue(pks, sorted(nouvelles))
            bilan.groupes_emploi_partage += 1


def issues_a_declarer(bilan, maintenant):
    """Exchanges with no outcome yet, closed (with their annonce) or silent for a month: both
    structures are asked once what came of it, for their attestation and the indicators."""
    recentes = maintenant - SANS_NOUVELLES
    candidates = Conversation.objects.filter(
        Q(closed_at__gte=recentes) | Q(closed_at=None, derniere_activite__lte=recentes),
        issue="",
        issue_demandee_le=None,
        donnees_effacees_le=None,
    ).values_list("pk", flat=True)
    for pk in list(candidates):
        claimed = Conversation.objects.filter(pk=pk, issue_demandee_le=None).update(
            issue_demandee_le=maintenant
        )
        if claimed:
            taches_cycle.demander_issue.enqueue(pk)
            bilan.issues_demandees.append(pk)


def lancer(maintenant=None):
    """One daily run: reminders, bumps, escalations, shared-job groups, outcomes asked for.
    Returns a Bilan."""
    maintenant = maintenant or timezone.now()
    jour = timezone.localdate(maintenant)
    bilan = Bilan()
    rappels(bilan, jour, maintenant)
    silences(bilan, maintenant)
    emplois_partages(bilan, maintenant)
    issues_a_declarer(bilan, maintenant)
    return bilan
