"""The dates of an annonce, read in Paris time (``TIME_ZONE``): « today » is the same day for
every visitor and for the daily command that marks annonces expirée."""

import calendar
from datetime import date, timedelta

from django.utils import timezone

#: Days an annonce stays up when its author does not choose (issue 19).
DUREE_DEMANDE = 60
DUREE_OFFRE = 120
#: An annonce ends at most this many calendar months after the day it is written.
MOIS_MAXIMUM = 6


def aujourdhui():
    return timezone.localdate()


def plus_mois(jour: date, mois: int) -> date:
    """``jour`` plus ``mois`` calendar months, on the month's last day when it is shorter
    (31 August + 6 months = 28 or 29 February)."""
    annee, rang = divmod(jour.month - 1 + mois, 12)
    annee += jour.year
    dernier = calendar.monthrange(annee, rang + 1)[1]
    return date(annee, rang + 1, min(jour.day, dernier))


def fin_maximum(depuis=None):
    return plus_mois(depuis or aujourdhui(), MOIS_MAXIMUM)


def fin_par_defaut(sens, depuis=None):
    """60 days for a demande, 120 for an offre (never beyond the maximum)."""
    jours = DUREE_DEMANDE if sens == "demande" else DUREE_OFFRE
    depuis = depuis or aujourdhui()
    return min(depuis + timedelta(days=jours), fin_maximum(depuis))
