"""« Le réseau en chiffres »: the figures funders ask for, counted from what is public.

- ressources (guides, modèles) and fiches per domaine, and the contributing structures (with
  at least one published fiche) per département: live, public pages only, a page translated
  into several languages counted once (its ``translation_key``);
- downloads and searches per month over the last 12 months, from the inventory's anonymous
  daily tallies (``inventaire``);
- workshops held (past, published, not cancelled) and their participants (confirmed
  registrations: a number, never a name) per quarter over the last 8 quarters.

Counts of people or of structures (participants, contributing structures per département)
go through ``secret.proteger``: the small ones are hidden, and so is what would give them away.
The others are not: a count of public pages only says what anyone can count on the site, and
downloads and searches are counts of anonymous acts, which point at no one.

Each indicator is one aggregate query (``values`` + ``annotate``), whatever the number of
pages. The figures are kept ``DONNEES_CHIFFRES_CACHE_SECONDS`` in the "default" cache, under
the content's generation (``ressources.page_cache``): a publication shows at once, a download,
a search or a registration within those seconds.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db.models import Count, Min, Q, Sum
from django.db.models.functions import TruncMonth, TruncQuarter
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from evenements.models import AtelierPage, Inscription
from fiches.models import FichePage
from inventaire.models import RechercheDuJour, TelechargementDuJour
from ressources import page_cache, shared_cache
from ressources.models import RessourcePage
from ressources.registry import registered_types
from ressources.territoires import DEPARTEMENT_CHOICES

from . import chiffres_bourse
from .chiffres_base import (
    PARIS,
    TOTAL,
    Indicateur,
    Ligne,
    jour,
    libelle_trimestre,
    mois,
    noms_des_domaines,
    seuil,
    trimestres,
)
from .secret import NON_COMPTE, Cellule, montree, proteger


@dataclass
class Chiffres:
    indicateurs: list
    seuil: int
    calcule_le: datetime.datetime


def ressources_par_domaine():
    """Live public guides, modèles and fiches per domaine, and in all (a page of several
    domaines counts in each, once in the total)."""
    types = {model._meta.model_name: key for key, model in registered_types(RessourcePage).items()}
    pages = RessourcePage.objects.live().public().order_by()
    par_domaine, total = {}, {}
    for slug, modele, n in pages.values_list("domaines__slug", "content_type__model").annotate(
        n=Count("translation_key", distinct=True)
    ):
        if slug and modele in types:
            par_domaine.setdefault(slug, {})[types[modele]] = n
    for modele, n in pages.values_list("content_type__model").annotate(
        n=Count("translation_key", distinct=True)
    ):
        if modele in types:
            total[types[modele]] = n
    series = [
        (key, str(model._meta.verbose_name_plural).capitalize())
        for key, model in registered_types(RessourcePage).items()
    ] + [(TOTAL, _("Total"))]

    def ligne(cle, libelle, comptes):
        cellules = {key: montree(comptes.get(key, 0)) for key, _label in series[:-1]}
        cellules[TOTAL] = montree(sum(comptes.values()))
        return Ligne(cle, libelle, cellules)

    return Indicateur(
        cle="ressources-par-domaine",
        titre=_("Ressources et fiches pratiques par domaine"),
        entete=_("Domaine"),
        series=series,
        lignes=[ligne(slug, nom, par_domaine.get(slug, {})) for slug, nom in noms_des_domaines()],
        total=ligne(TOTAL, _("Toutes les ressources"), total),
        graphiques=(TOTAL,),
        note=_(
            "Pages publiées et publiques ; une page traduite compte une fois, une page de "
            "plusieurs domaines compte dans chacun."
        ),
    )


def structures_par_departement():
    """Structures with at least one live public fiche, per département."""
    fiches = FichePage.objects.live().public().order_by()
    comptes = dict(
        fiches.values_list("structure__departement").annotate(n=Count("structure", distinct=True))
    )
    valeurs = {code: comptes[code] for code, _nom in DEPARTEMENT_CHOICES if comptes.get(code)}
    cellules, total = proteger(valeurs, seuil())
    noms = dict(DEPARTEMENT_CHOICES)
    return Indicateur(
        cle="structures-par-departement",
        titre=_("Structures contributrices par département"),
        entete=_("Département"),
        series=[("structures", _("Structures contributrices"))],
        lignes=[Ligne(code, noms[code], {"structures": cellules[code]}) for code in valeurs],
        total=Ligne(TOTAL, _("Tous les départements"), {"structures": total}),
        graphiques=("structures",),
        note=_(
            "Structures ayant au moins une fiche pratique publiée, dans le département de "
            "leur siège ; seuls les départements qui en comptent au moins une sont listés."
        ),
        secret=("structures",),
    )


def par_mois(cle, titre, serie, comptes, debut_du_comptage=datetime.date.min, note=""):
    """An indicator of one series over the last 12 months; the months that ended before
    ``debut_du_comptage`` (a date) were not counted."""
    lignes = []
    for premier in mois(timezone.localdate()):
        fin_du_mois = (premier + datetime.timedelta(days=31)).replace(day=1)
        if debut_du_comptage >= fin_du_mois:
            cellule = Cellule(None, NON_COMPTE)
        else:
            cellule = montree(comptes.get(premier, 0))
        libelle = date_format(premier, "YEAR_MONTH_FORMAT")
        lignes.append(Ligne(premier.strftime("%Y-%m"), libelle, {serie[0]: cellule}))
    total = sum(comptes.values())
    return Indicateur(
        cle=cle,
        titre=titre,
        entete=_("Mois"),
        series=[serie],
        lignes=lignes,
        total=Ligne(TOTAL, _("Sur 12 mois"), {serie[0]: montree(total)}),
        graphiques=(serie[0],),
        note=note,
    )


def sommes_par_mois(jours):
    """``{first day of the month: sum of nombre}`` of daily tallies over the last 12 months."""
    debut = mois(timezone.localdate())[0]
    rows = (
        jours.filter(jour__gte=debut)
        .annotate(premier=TruncMonth("jour"))
        .values_list("premier")
        .annotate(n=Sum("nombre"))
    )
    return {jour(premier): n for premier, n in rows}


def telechargements_par_mois():
    jours = TelechargementDuJour.objects.order_by()
    comptes = sommes_par_mois(jours)
    return par_mois(
        "telechargements-par-mois",
        _("Téléchargements par mois"),
        ("telechargements", _("Téléchargements")),
        comptes,
        # No row yet: nothing says since when downloads are counted.
        debut_du_comptage=jours.aggregate(debut=Min("jour"))["debut"] or datetime.date.max,
        note=_(
            "Fichiers des modèles et des fiches téléchargés par le public (ni l'équipe ni "
            "les auteurs) ; comptés jour par jour depuis la mise en place du décompte."
        ),
    )


def recherches_par_mois():
    jours = RechercheDuJour.objects.order_by()
    comptes = sommes_par_mois(jours)
    return par_mois(
        "recherches-par-mois",
        _("Recherches par mois"),
        ("recherches", _("Recherches")),
        comptes,
        debut_du_comptage=jours.aggregate(debut=Min("jour"))["debut"] or datetime.date.min,
        note=_("Recherches saisies sur le site, dans toutes les langues."),
    )


def ateliers_tenus(premiers):
    """``{first day of the quarter: (workshops held, confirmed registrations)}``: workshops
    live, public, not cancelled and ended, by the quarter of their start (Paris time)."""
    debut = datetime.datetime.combine(premiers[0], datetime.time.min, tzinfo=PARIS)
    tenus = (
        AtelierPage.objects.live()
        .public()
        .filter(annule=False, fin__lte=timezone.now(), debut__gte=debut)
    )
    rows = (
        tenus.order_by()
        .annotate(trimestre=TruncQuarter("debut", tzinfo=PARIS))
        .values_list("trimestre")
        .annotate(
            ateliers=Count("translation_key", distinct=True),
            participants=Count(
                "inscriptions", filter=Q(inscriptions__statut=Inscription.Statut.CONFIRMEE)
            ),
        )
    )
    return {jour(trimestre): (ateliers, inscrits) for trimestre, ateliers, inscrits in rows}


def ateliers_par_trimestre():
    premiers = trimestres(timezone.localdate())
    comptes = ateliers_tenus(premiers)
    participants, total = proteger(
        {premier: comptes.get(premier, (0, 0))[1] for premier in premiers}, seuil()
    )
    lignes = [
        Ligne(
            f"{premier.year}-T{(premier.month - 1) // 3 + 1}",
            libelle_trimestre(premier),
            {
                "ateliers": montree(comptes.get(premier, (0, 0))[0]),
                "participants": participants[premier],
            },
        )
        for premier in premiers
    ]
    return Indicateur(
        cle="ateliers-par-trimestre",
        titre=_("Ateliers tenus et participants par trimestre"),
        entete=_("Trimestre"),
        series=[("ateliers", _("Ateliers tenus")), ("participants", _("Participants"))],
        lignes=lignes,
        total=Ligne(
            TOTAL,
            _("Sur 8 trimestres"),
            {
                "ateliers": montree(sum(a for a, _p in comptes.values())),
                "participants": total,
            },
        ),
        graphiques=("ateliers", "participants"),
        note=_(
            "Ateliers publiés, passés et non annulés ; participants : inscriptions confirmées "
            "(la liste d'attente n'est pas comptée)."
        ),
        secret=("participants",),
        titres={
            "ateliers": _("Ateliers tenus par trimestre"),
            "participants": _("Participants par trimestre"),
        },
    )


def calculer():
    """Every indicator, afresh."""
    return Chiffres(
        indicateurs=[
            ressources_par_domaine(),
            structures_par_departement(),
            telechargements_par_mois(),
            recherches_par_mois(),
            ateliers_par_trimestre(),
            *chiffres_bourse.indicateurs_de_la_bourse(),
        ],
        seuil=seuil(),
        calcule_le=timezone.now(),
    )


def chiffres():
    """The figures in the active language, from the cache when they are recent and no
    publication came since."""
    cache = shared_cache.Unfailing(caches["default"])
    generation_key = page_cache.generation_key(page_cache.CONTENU)
    generation = (shared_cache.generations(cache, [generation_key]) or {}).get(generation_key)
    key = f"donnees:chiffres:{translation.get_language()}:{generation}"
    found = cache.get(key)
    if found is None:
        found = calculer()
        cache.set(key, found, settings.DONNEES_CHIFFRES_CACHE_SECONDS)
    return found
