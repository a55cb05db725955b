"""What each app keeps about a person, for the data they take away and the deletion of their
account: one entry per app, its rows (``donnees(user)``: a list of dicts) and what it does
when the account goes (``supprimer(user)``, before the account row itself is deleted; the
rows tied to the account by a foreign key go with it)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from alertes import comptes as alertes_comptes
from bourse import espace as bourse_espace
from evenements import donnees_personnelles as evenements_donnees
from fiches import espace as fiches_espace
from inventaire import retours
from structures import donnees_personnelles as structures_donnees

from . import compte


@dataclass(frozen=True)
class Section:
    nom: str  # its file in the archive (<nom>.csv) and its key in donnees.json
    titre: str
    donnees: Callable
    supprimer: Callable | None = None


SECTIONS = [
    Section("compte", _("Mon compte"), compte.donnees),
    Section(
        "inscriptions",
        _("Mes inscriptions aux ateliers"),
        evenements_donnees.donnees,
        evenements_donnees.supprimer_pour,
    ),
    Section(
        "adhesions",
        _("Mes adhésions aux structures"),
        lambda user: structures_donnees.donnees(user)["adhesions"],
    ),
    Section(
        "invitations",
        _("Les invitations que j'ai envoyées ou reçues"),
        lambda user: structures_donnees.donnees(user)["invitations"],
        structures_donnees.supprimer_pour,
    ),
    Section("fiches", _("Les fiches que j'ai créées"), fiches_espace.donnees),
    Section("annonces", _("Les annonces que j'ai écrites"), bourse_espace.donnees),
    Section(
        "conversations",
        _("Mes messages dans les conversations de la bourse"),
        bourse_espace.donnees_conversations,
        bourse_espace.supprimer_conversations,
    ),
    Section(
        "lectures",
        _("Quand j'ai ouvert les conversations de la bourse"),
        bourse_espace.donnees_lectures,
    ),
    Section(
        "signalements",
        _("Les erreurs que j'ai signalées en laissant mon adresse"),
        retours.donnees,
        retours.supprimer_pour,
    ),
    Section("alertes", _("Mes alertes"), alertes_comptes.donnees, alertes_comptes.supprimer_pour),
]
