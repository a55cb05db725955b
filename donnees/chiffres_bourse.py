"""The bourse d'entraide in « Le réseau en chiffres » (issue 19, point 8): counts only, over
the annonces published in the last 12 months (``bourse.indicateurs``), never a structure's
name, a person or an annonce.

Small counts:
- offres and demandes per domaine are counts of annonces that were public, nationwide: shown
  as they are, like the counts of pages;
- per département, a count of 1 or 2 annonces in a small département points at the one or
  two structures that posted them: both series go through ``secret.proteger`` (below the
  threshold ``DONNEES_SEUIL_MINIMAL``: « moins de 5 », and what would give it away hidden);
- the hours given and the value lent are sums over a few structures: published per side of
  the exchange (on a demande, on an offre) and for the 12 months only, never per quarter or
  place, and only from the threshold of confirmed exchanges: below it « moins-de-seuil »,
  and then the total is hidden too (« secret-secondaire » if it is not itself small), as
  the total minus the other side would give it."""

import datetime

from django.db.models.functions import TruncQuarter
from django.utils import timezone
from django.utils.translation import gettext as _

from bourse import indicateurs
from bourse.models import Sens
from ressources.territoires import DEPARTEMENT_CHOICES

from .chiffres_base import (
    PARIS,
    TOTAL,
    Indicateur,
    Ligne,
    jour,
    libelle_trimestre,
    noms_des_domaines,
    seuil,
    trimestres,
)
from .secret import SECONDAIRE, SEUIL, Cellule, montree, proteger

JOURS = 365
SENS = ("offres", "demandes")


def periode():
    fin = timezone.localdate()
    return fin - datetime.timedelta(days=JOURS - 1), fin


def series_sens():
    return [("offres", _("Offres")), ("demandes", _("Demandes"))]


def par_domaine(figures):
    def ligne(cle, libelle, comptes):
        return Ligne(cle, libelle, {s: montree(comptes.get(s, 0)) for s in SENS})

    return Indicateur(
        cle="bourse-par-domaine",
        titre=_("Bourse d'entraide : annonces par domaine"),
        entete=_("Domaine"),
        series=series_sens(),
        lignes=[
            ligne(slug, nom, figures.par_domaine.get(slug, {})) for slug, nom in noms_des_domaines()
        ],
        total=ligne(TOTAL, _("Toutes les annonces"), figures.ensemble),
        graphiques=("demandes",),
        note=_(
            "Annonces publiées ces 12 derniers mois, quoi qu'elles soient devenues ; une "
            "annonce de plusieurs domaines compte dans chacun, une fois dans le total."
        ),
    )


def par_departement(figures):
    noms = dict(DEPARTEMENT_CHOICES)
    codes = [code for code, _nom in DEPARTEMENT_CHOICES if code in figures.par_departement]
    cellules, totaux = {}, {}
    for serie in SENS:
        valeurs = {code: figures.par_departement[code][serie] for code in codes}
        cellules[serie], totaux[serie] = proteger(valeurs, seuil())
    return Indicateur(
        cle="bourse-par-departement",
        titre=_("Bourse d'entraide : annonces par département"),
        entete=_("Département"),
        series=series_sens(),
        lignes=[
            Ligne(code, noms[code], {serie: cellules[serie][code] for serie in SENS})
            for code in codes
        ],
        total=Ligne(TOTAL, _("Tous les départements"), totaux),
        graphiques=("demandes",),
        note=_(
            "Annonces publiées ces 12 derniers mois, dans chacun de leurs départements (une "
            "annonce « à distance » seulement n'est dans aucun) ; les petits comptes sont "
            "masqués."
        ),
        secret=SENS,
    )


def series_suites():
    return [
        ("demandes", _("Demandes publiées")),
        ("demandes_3j", _("Répondues sous 3 jours")),
        ("demandes_7j", _("Répondues sous 7 jours")),
        ("non_satisfaites", _("Non satisfaites")),
    ]


def suites(figures, par_trimestre):
    premiers = trimestres(timezone.localdate(), 4)

    def ligne(cle, libelle, comptes):
        return Ligne(cle, libelle, {s: montree(comptes.get(s, 0)) for s, _l in series_suites()})

    return Indicateur(
        cle="bourse-suites",
        titre=_("Bourse d'entraide : les demandes et leurs suites"),
        entete=_("Trimestre de publication"),
        series=series_suites(),
        lignes=[
            ligne(
                f"{premier.year}-T{(premier.month - 1) // 3 + 1}",
                libelle_trimestre(premier),
                par_trimestre.get(premier, {}),
            )
            for premier in premiers
        ],
        total=ligne(TOTAL, _("Sur 12 mois"), figures.ensemble),
        graphiques=("demandes",),
        note=_(
            "Une demande est répondue quand une première structure lui écrit ; non satisfaite "
            "quand elle est close « sans réponse » ou a expiré sans aucune réponse."
        ),
    )


SOMMES = ("heures", "valeur")


def cellules_echanges(comptes, montrer):
    """Confirmed exchanges, and their hours and value (rounded) when ``montrer`` is ""
    (else the mask it gives)."""
    cellules = {"echanges_confirmes": montree(comptes.get("echanges_confirmes", 0))}
    for cle in SOMMES:
        valeur = round(comptes.get(cle) or 0)
        cellules[cle] = Cellule(None, montrer) if montrer else montree(valeur)
    return cellules


def masque_des_sommes(echanges_confirmes):
    """The hours and value of a few exchanges point at the structures: hidden from 1 to the
    threshold minus one (none points at no one)."""
    return SEUIL if 0 < echanges_confirmes < seuil() else ""


def echanges(figures, par_sens):
    """Hours and value per side of the exchange; a side hidden hides the total too (the total
    minus the other side would give it)."""
    masques = {
        sens: masque_des_sommes(par_sens.get(sens, {}).get("echanges_confirmes", 0))
        for sens in (Sens.DEMANDE, Sens.OFFRE)
    }
    total_masque = masque_des_sommes(figures.ensemble.get("echanges_confirmes", 0))
    if not total_masque and any(masques.values()):
        total_masque = SECONDAIRE
    libelles = {
        Sens.DEMANDE: _("En réponse à une demande"),
        Sens.OFFRE: _("Sur une offre"),
    }
    return Indicateur(
        cle="bourse-echanges",
        titre=_("Bourse d'entraide : l'aide échangée"),
        entete=_("Échange"),
        series=[
            ("echanges_confirmes", _("Échanges confirmés")),
            ("heures", _("Heures données")),
            ("valeur", _("Valeur prêtée ou donnée (euros)")),
        ],
        lignes=[
            Ligne(sens, libelle, cellules_echanges(par_sens.get(sens, {}), masques[sens]))
            for sens, libelle in libelles.items()
        ],
        total=Ligne(TOTAL, _("Sur 12 mois"), cellules_echanges(figures.ensemble, total_masque)),
        graphiques=("echanges_confirmes",),
        note=_(
            "Échanges déclarés « aide apportée » et confirmés par les deux structures, sur "
            "les annonces publiées ces 12 derniers mois ; heures et valeur arrondies, masquées "
            "sous le seuil d'échanges confirmés."
        ),
        secret=SOMMES,
    )


def indicateurs_de_la_bourse():
    """The four indicators, in seven queries whatever the number of annonces."""
    debut, fin = periode()
    figures = indicateurs.calculer(debut, fin)
    annonces = indicateurs.publiees_entre(debut, fin)
    trimestriels = annonces.annotate(trimestre=TruncQuarter("published_at", tzinfo=PARIS))
    par_trimestre = {
        jour(trimestre): comptes
        for trimestre, comptes in indicateurs.par(trimestriels, "trimestre").items()
    }
    return [
        par_domaine(figures),
        par_departement(figures),
        suites(figures, par_trimestre),
        echanges(figures, indicateurs.par(annonces, "sens")),
    ]
