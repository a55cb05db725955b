"""The yearly attestation of a structure (issue 19, point 5): the exchanges of a calendar
year (Paris time, by the date the conversation closed) whose help BOTH structures
confirmed, given and received, with their totals.

What it is: a statement by the network of what both structures confirmed, valued at the
amounts they declared, that a structure may attach to the « contributions volontaires en
nature » of its accounts. What it is not: a tax receipt, an audit, or a valuation rule (the
rate of a volunteer hour is the structure's choice)."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from structures.models import Structure

from .models import Conversation

PARIS = ZoneInfo(settings.TIME_ZONE)
#: What the attestation is and is not, and the one line of help on valuing hours: the same
#: words on the page and in the PDF.
CE_QUE_CEST = _(
    "Ce relevé, établi par le réseau Entraide, reprend les échanges de la bourse d'entraide "
    "que les deux structures ont confirmés, valorisés aux montants qu'elles ont déclarés. "
    "Ce n'est ni un reçu fiscal ni une certification des comptes."
)
VALORISATION = _(
    "Pour vos contributions volontaires en nature, le taux auquel valoriser une heure de "
    "bénévolat est le choix de votre structure."
)
#: The years an attestation may be asked for (the bourse opened in 2026).
PREMIERE_ANNEE = 2020


@dataclass(frozen=True)
class Ligne:
    date: date
    autre: str
    annonce: str
    heures: Decimal | None
    valeur: Decimal | None


@dataclass
class Colonne:
    """The exchanges one way (given or received) and their totals."""

    lignes: list = field(default_factory=list)
    heures: Decimal = Decimal(0)
    valeur: Decimal = Decimal(0)

    def ajouter(self, ligne):
        self.lignes.append(ligne)
        self.heures += ligne.heures or 0
        self.valeur += ligne.valeur or 0


@dataclass
class Attestation:
    structure: Structure
    annee: int
    donnees: Colonne
    recues: Colonne

    def __bool__(self):
        return bool(self.donnees.lignes or self.recues.lignes)


def annee_valide(annee):
    return PREMIERE_ANNEE <= annee <= timezone.localdate().year


def bornes(annee):
    """1 January 00:00 in Paris to the next 1 January, as aware datetimes: the filter uses
    the index on ``closed_at`` on any database."""
    return datetime(annee, 1, 1, tzinfo=PARIS), datetime(annee + 1, 1, 1, tzinfo=PARIS)


def echanges(structures):
    """The confirmed exchanges of ``structures`` (a queryset or ids), on either side."""
    return Conversation.objects.confirmees().filter(
        Q(structure__in=structures) | Q(annonce__structure__in=structures),
        closed_at__isnull=False,
    )


def attestation(structure, annee):
    """The ``Attestation`` of ``structure`` for the calendar year ``annee``: one query."""
    debut, fin = bornes(annee)
    conversations = (
        echanges([structure.pk])
        .filter(closed_at__gte=debut, closed_at__lt=fin)
        .select_related("annonce", "annonce__structure", "structure")
        .order_by("closed_at", "pk")
    )
    resultat = Attestation(structure, annee, Colonne(), Colonne())
    for conversation in conversations:
        aidante = conversation.structure_aidante
        donnee = aidante.pk == structure.pk
        autre = conversation.structure_aidee if donnee else aidante
        ligne = Ligne(
            date=timezone.localtime(conversation.closed_at, PARIS).date(),
            autre=autre.nom,
            annonce=conversation.annonce.titre,
            heures=conversation.heures,
            valeur=conversation.valeur,
        )
        (resultat.donnees if donnee else resultat.recues).ajouter(ligne)
    return resultat


def annees_par_structure(structures):
    """[(structure, [years with confirmed exchanges, latest first])] for ``structures`` (a
    list), leaving out those without any: one query for them all."""
    ids = {structure.pk for structure in structures}
    annees = {pk: set() for pk in ids}
    lignes = echanges(list(ids)).values_list("structure_id", "annonce__structure_id", "closed_at")
    for repondant, annonceur, closed_at in lignes:
        annee = timezone.localtime(closed_at, PARIS).year
        for pk in {repondant, annonceur} & ids:
            annees[pk].add(annee)
    return [
        (structure, sorted(annees[structure.pk], reverse=True))
        for structure in structures
        if annees[structure.pk]
    ]
