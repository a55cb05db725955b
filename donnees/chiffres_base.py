"""What every indicator of « Le réseau en chiffres » is made of (its rows, its cells), and
the helpers the indicators share: the threshold of small counts, months and quarters, the
domaines' names. Apart from ``donnees.chiffres`` so that indicators computed elsewhere
(``donnees.chiffres_bourse``) use them without importing the module that gathers them."""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ressources.models import Domaine

PARIS = ZoneInfo("Europe/Paris")
MOIS = 12
TRIMESTRES = 8
TOTAL = "total"


@dataclass
class Ligne:
    """One row of an indicator: a domaine, a département, a month or a quarter."""

    cle: str
    libelle: str
    cellules: dict = field(default_factory=dict)


@dataclass
class Indicateur:
    """One figure of the page and of the dataset: its rows, its series (columns: ``(key,
    label)``), its total, which series are drawn, and whether small counts are hidden."""

    cle: str
    titre: str
    #: The heading of the rows' column: « Domaine », « Mois »…
    entete: str
    series: list
    lignes: list
    total: Ligne
    graphiques: tuple
    note: str = ""
    secret: tuple = ()
    #: The title of each chart, when the indicator draws more than one.
    titres: dict = field(default_factory=dict)


def seuil():
    return settings.DONNEES_SEUIL_MINIMAL


def mois(aujourdhui, nombre=MOIS):
    """The first days of the last ``nombre`` months, the current one last."""
    annee, rang = aujourdhui.year, aujourdhui.month - 1
    return [
        datetime.date(annee + (rang - n) // 12, (rang - n) % 12 + 1, 1)
        for n in range(nombre - 1, -1, -1)
    ]


def trimestres(aujourdhui, nombre=TRIMESTRES):
    """The first days of the last ``nombre`` quarters, the current one last."""
    annee, rang = aujourdhui.year, (aujourdhui.month - 1) // 3
    return [
        datetime.date(annee + (rang - n) // 4, (rang - n) % 4 * 3 + 1, 1)
        for n in range(nombre - 1, -1, -1)
    ]


def jour(valeur):
    """What ``TruncMonth``/``TruncQuarter`` give back (a date, or a moment on SQLite and
    PostgreSQL for a date-time), as the day in Paris."""
    if isinstance(valeur, datetime.datetime):
        return (
            timezone.localtime(valeur, PARIS).date() if timezone.is_aware(valeur) else valeur.date()
        )
    return valeur


def libelle_trimestre(debut):
    return _("T%(numero)s %(annee)s") % {"numero": (debut.month - 1) // 3 + 1, "annee": debut.year}


def noms_des_domaines():
    """``[(slug, name)]`` in the taxonomy's order, named in the active language (else in
    French, the source language)."""
    langue = translation.get_language()
    noms, ordre = {}, []
    rows = Domaine.objects.filter(locale__language_code__in={langue, settings.LANGUAGE_CODE})
    for slug, nom, code in rows.order_by("ordre", "nom").values_list(
        "slug", "nom", "locale__language_code"
    ):
        if slug not in noms:
            ordre.append(slug)
        if code == langue or slug not in noms:
            noms[slug] = nom
    return [(slug, noms[slug]) for slug in ordre]
