"""The bourse's indicators (issue 19, point 8), for the Inventaire (staff) and the open
figures (« Le réseau en chiffres »): what the annonces published in a period became.

- offres and demandes, in all, per domaine and per département;
- demandes answered (a first conversation opened) within 3 and within 7 days of their
  publication, and the median time to that first answer;
- outcomes: the annonces' ``resultat`` and the conversations' ``issue``;
- hours given and value lent, of exchanges both structures confirmed only;
- unmet demandes: closed « sans réponse », or expired (marked so, or past their end) with
  no conversation at all.

Everything is counted by the database: each grouping (all, per domaine, per département) is
one ``values`` + ``annotate`` query over the annonces, each annonce's facts (its first answer,
its confirmed hours…) coming from correlated subqueries; the median is two more queries (a
count, then the middle values). So the number of queries is fixed whatever the number of
annonces. No structure, person or annonce is named: only counts and sums."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    DateTimeField,
    DecimalField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import dates
from .models import Annonce, Conversation, Etat, Issue, Resultat, Sens

#: The delays a demande is said « answered » within (days after its publication).
DELAIS = (3, 7)
ZERO = Decimal("0")
ENSEMBLE = "ensemble"


def debut_du_jour(jour):
    """Midnight of ``jour`` in the site's time zone (Paris)."""
    return timezone.make_aware(datetime.datetime.combine(jour, datetime.time.min))


def publiees_entre(debut, fin):
    """The annonces first published between ``debut`` and ``fin`` (dates, both included),
    whatever they became since."""
    return Annonce.objects.filter(
        published_at__gte=debut_du_jour(debut),
        published_at__lt=debut_du_jour(fin + datetime.timedelta(days=1)),
    ).order_by()


def premiere_reponse():
    """When the annonce's first conversation was opened (null without one)."""
    premieres = Conversation.objects.filter(annonce=OuterRef("pk")).order_by("created_at", "pk")
    return Subquery(premieres.values("created_at")[:1], output_field=DateTimeField())


def repondue_sous(jours):
    return Exists(
        Conversation.objects.filter(
            annonce=OuterRef("pk"),
            created_at__lte=OuterRef("published_at") + datetime.timedelta(days=jours),
        )
    )


def somme_confirmee(champ):
    """The sum of ``champ`` (heures, valeur) over the annonce's confirmed exchanges."""
    confirmees = (
        Conversation.objects.confirmees()
        .filter(annonce=OuterRef("pk"))
        .order_by()
        .values("annonce")
        .annotate(total=Sum(champ))
        .values("total")
    )
    return Subquery(confirmees, output_field=DecimalField(max_digits=12, decimal_places=2))


def nombre(conversations):
    """How many of ``conversations`` (a queryset) are the annonce's; 0 for none."""
    comptees = (
        conversations.filter(annonce=OuterRef("pk"))
        .order_by()
        .values("annonce")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(comptees), 0)


def avec_faits(annonces):
    """Each annonce with the sums the indicators add up (its confirmed hours and value, its
    conversations of each outcome)."""
    return annonces.annotate(
        heures_confirmees=somme_confirmee("heures"),
        valeur_confirmee=somme_confirmee("valeur"),
        echanges_aide=nombre(Conversation.objects.filter(issue=Issue.AIDE)),
        echanges_sans_suite=nombre(Conversation.objects.filter(issue=Issue.SANS_SUITE)),
        echanges_confirmes=nombre(Conversation.objects.confirmees()),
    )


def non_satisfaite():
    """A demande closed « sans réponse », or expired (marked, or past its end) unanswered."""
    sans_conversation = ~Exists(Conversation.objects.filter(annonce=OuterRef("pk")))
    expiree = Q(etat=Etat.EXPIREE) | Q(etat=Etat.PUBLIEE, fin__lt=dates.aujourdhui())
    return Q(sens=Sens.DEMANDE) & (
        Q(resultat=Resultat.SANS_REPONSE) | (expiree & Q(sans_conversation))
    )


def comptes():
    """What each grouping counts, as aggregates over ``avec_faits`` rows."""
    demande = Q(sens=Sens.DEMANDE)
    return {
        "offres": Count("pk", filter=Q(sens=Sens.OFFRE)),
        "demandes": Count("pk", filter=demande),
        **{
            f"demandes_{jours}j": Count("pk", filter=demande & Q(repondue_sous(jours)))
            for jours in DELAIS
        },
        "non_satisfaites": Count("pk", filter=non_satisfaite()),
        "aidees": Count("pk", filter=Q(resultat=Resultat.AIDEE)),
        "plus_besoin": Count("pk", filter=Q(resultat=Resultat.PLUS_BESOIN)),
        "sans_reponse": Count("pk", filter=Q(resultat=Resultat.SANS_REPONSE)),
        "echanges_aide": Sum("echanges_aide"),
        "echanges_sans_suite": Sum("echanges_sans_suite"),
        "echanges_confirmes": Sum("echanges_confirmes"),
        "heures": Sum("heures_confirmees"),
        "valeur": Sum("valeur_confirmee"),
    }


def delai_median(annonces):
    """The median time from a demande's publication to its first conversation (a
    ``timedelta``), over the answered demandes of ``annonces``; None without any. Two
    queries: how many, then the one or two in the middle."""
    repondues = (
        annonces.filter(sens=Sens.DEMANDE)
        .annotate(premiere=premiere_reponse())
        .filter(premiere__isnull=False)
        .annotate(
            delai=ExpressionWrapper(F("premiere") - F("published_at"), output_field=DurationField())
        )
    )
    nombre = repondues.count()
    if not nombre:
        return None
    milieu = (nombre - 1) // 2
    valeurs = list(
        repondues.order_by("delai", "pk").values_list("delai", flat=True)[milieu : nombre // 2 + 1]
    )
    return sum(valeurs, datetime.timedelta()) / len(valeurs)


@dataclass
class Indicateurs:
    """The figures of a period: ``ensemble`` (a dict of ``comptes``), ``par_domaine``
    ({slug: dict}), ``par_departement`` ({code: dict}), ``delai_median`` (a timedelta or
    None)."""

    debut: datetime.date
    fin: datetime.date
    ensemble: dict
    par_domaine: dict
    par_departement: dict
    delai_median: datetime.timedelta | None

    def part(self, ligne, jours):
        """The share (%) of ``ligne``'s demandes answered within ``jours`` days."""
        if not ligne["demandes"]:
            return None
        return round(100 * ligne[f"demandes_{jours}j"] / ligne["demandes"], 1)


def propre(ligne):
    """Sums of nothing are zero."""
    return {
        cle: (valeur if valeur is not None else (ZERO if cle in ("heures", "valeur") else 0))
        for cle, valeur in ligne.items()
    }


def par(annonces, groupe):
    """``{value of groupe: counts}``: one query."""
    rows = avec_faits(annonces).values(groupe).annotate(**comptes()).order_by(groupe)
    return {row.pop(groupe): propre(row) for row in rows if row[groupe]}


def calculer(debut, fin):
    """The indicators of the annonces published between ``debut`` and ``fin`` (dates,
    both included): five queries, whatever their number."""
    annonces = publiees_entre(debut, fin)
    # Not ``aggregate()``: over subqueries it wraps the query in another, which the
    # subqueries' reference to the annonce does not reach. One group, of every annonce.
    ensemble = par(annonces.annotate(ensemble=Value(ENSEMBLE)), "ensemble").get(ENSEMBLE)
    return Indicateurs(
        debut=debut,
        fin=fin,
        ensemble=ensemble or propre(dict.fromkeys(comptes())),
        par_domaine=par(annonces, "domaines__slug"),
        par_departement=par(annonces, "departements__departement"),
        delai_median=delai_median(annonces),
    )
