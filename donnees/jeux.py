"""The open datasets (issue 17, point 3): what each one holds, described once, from which
both its files and its Frictionless Table Schema (in ``datapackage.json``) are made.

A dataset is a ``JeuDeDonnees``: a name (the files' names, ``ressources.csv`` and
``ressources.json``), a title and a description in French, its ``Champ``s (one per column, in
order, each with its Table Schema type and French description), its primary key, and the
function that yields its rows as dicts (``donnees.jeux_lignes``: live, public content only).

Dates and times are ISO 8601 (``2026-12-06``, ``2026-12-06T18:00:00+01:00``, Paris time with
its offset), in the CSV files too, unlike the staff's exports: open data is read by programs
first, and ISO 8601 is what Table Schema types ``date``/``datetime`` expect by default, what
every language parses without a locale, and what spreadsheets set up in French still read as a
date (« 06/12/2026 » is read as 12 June by an English one).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from . import jeux_lignes

#: What a list cell holds between its items in the CSV files (the JSON files hold arrays).
LIST_DELIMITER = ","
#: How booleans are written in the CSV files; the JSON files hold true and false.
TRUE_VALUES, FALSE_VALUES = ["oui", "true"], ["non", "false"]
MISSING_VALUES = [""]


@dataclass(frozen=True)
class Champ:
    """One column: its name in the files, its Table Schema type, a French description."""

    name: str
    type: str
    title: object
    description: object = ""
    required: bool = False
    enum: tuple = ()

    def schema(self):
        data = {"name": self.name, "type": self.type, "title": str(self.title)}
        if self.description:
            data["description"] = str(self.description)
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            data["constraints"] = constraints
        if self.type == "list":
            data.update(delimiter=LIST_DELIMITER, itemType="string")
        if self.type == "boolean":
            data.update(trueValues=TRUE_VALUES, falseValues=FALSE_VALUES)
        return data


@dataclass(frozen=True)
class JeuDeDonnees:
    name: str
    title: object
    description: object
    champs: tuple
    lignes: object  # a function of no argument yielding one dict per row
    primary_key: tuple = ("id",)
    extra: dict = field(default_factory=dict)

    def schema(self):
        """The Table Schema its CSV and JSON files share."""
        return {
            "fields": [champ.schema() for champ in self.champs],
            "primaryKey": list(self.primary_key),
            "missingValues": MISSING_VALUES,
        }

    @property
    def noms(self):
        return [champ.name for champ in self.champs]


def identifiant():
    return Champ("id", "integer", _("identifiant"), _("Numéro de la page, stable."), True)


def titre():
    return Champ("titre", "string", _("titre"), required=True)


def langue():
    return Champ("langue", "string", _("langue"), _("Code de la langue : fr ou en."), True)


def url():
    return Champ("url", "string", _("adresse"), _("Adresse de la page sur le site."), True)


def chapo():
    return Champ("chapo", "string", _("chapô"), _("Deux ou trois phrases de présentation."))


def domaines():
    return Champ(
        "domaines",
        "list",
        _("domaines"),
        _(
            "Identifiants des domaines, séparés par des virgules (libellés et URI : "
            "/vocabulaires/domaines/)."
        ),
    )


def dates_de_publication():
    return (
        Champ("publie_le", "datetime", _("publiée le"), _("Première publication (ISO 8601).")),
        Champ("mis_a_jour_le", "datetime", _("mise à jour le"), _("Dernière publication.")),
    )


def classement():
    return (
        domaines(),
        Champ(
            "publics",
            "list",
            _("publics"),
            _("Identifiants des publics visés, séparés par des virgules."),
        ),
        Champ(
            "niveau",
            "string",
            _("niveau"),
            _("débutant, intermédiaire ou avancé (/vocabulaires/niveaux/)."),
        ),
    )


RESSOURCES = JeuDeDonnees(
    name="ressources",
    title=_("Catalogue des ressources"),
    description=_("Les guides pratiques et les modèles à adapter publiés sur Entraide."),
    champs=(
        identifiant(),
        Champ("type", "string", _("type"), _("guide ou modele."), True, ("guide", "modele")),
        titre(),
        langue(),
        url(),
        chapo(),
        *classement(),
        *dates_de_publication(),
        Champ("temps_de_lecture", "integer", _("temps de lecture"), _("En minutes (guides).")),
        Champ("licence", "string", _("licence"), _("Licence du modèle.")),
        Champ("version_du", "date", _("version du"), _("Date de la version du modèle.")),
        Champ("formats", "list", _("formats"), _("Formats des fichiers du modèle (pdf, odt…).")),
    ),
    lignes=jeux_lignes.ressources,
)

FICHES = JeuDeDonnees(
    name="fiches",
    title=_("Fiches pratiques"),
    description=_(
        "Les fiches pratiques écrites par les structures du réseau, publiées après modération."
    ),
    champs=(
        identifiant(),
        titre(),
        langue(),
        url(),
        chapo(),
        *classement(),
        Champ("structure", "string", _("structure"), _("Nom de la structure qui l'a écrite.")),
        Champ(
            "structure_id",
            "string",
            _("identifiant de la structure"),
            _("Son identifiant dans le jeu « structures »."),
        ),
        Champ("departement", "string", _("département"), _("Code INSEE, celui de la structure.")),
        *dates_de_publication(),
    ),
    lignes=jeux_lignes.fiches,
    extra={
        "foreignKeys": [
            {
                "fields": "structure_id",
                "reference": {"resource": "structures-csv", "fields": "id"},
            }
        ]
    },
)

ATELIERS = JeuDeDonnees(
    name="ateliers",
    title=_("Ateliers"),
    description=_("Les ateliers thématiques du réseau, passés et à venir."),
    champs=(
        identifiant(),
        titre(),
        langue(),
        url(),
        chapo(),
        Champ("debut", "datetime", _("début"), _("Heure de Paris, ISO 8601."), True),
        Champ("fin", "datetime", _("fin"), _("Heure de Paris, ISO 8601."), True),
        Champ(
            "format",
            "string",
            _("format"),
            _("presentiel, distance (visio) ou hybride."),
            True,
            ("presentiel", "distance", "hybride"),
        ),
        Champ("departement", "string", _("département"), _("Code INSEE ; vide en visio.")),
        Champ("places", "integer", _("nombre de places"), required=True),
        domaines(),
        Champ("annule", "boolean", _("annulé"), _("oui si l'atelier est annulé."), True),
    ),
    lignes=jeux_lignes.ateliers,
)

STRUCTURES = JeuDeDonnees(
    name="structures",
    title=_("Structures"),
    description=_(
        "Les structures inscrites sur Entraide, avec ce que montre leur page publique : ni "
        "leurs membres ni leurs numéros."
    ),
    champs=(
        Champ("id", "string", _("identifiant"), _("Identifiant d'adresse, stable."), True),
        Champ("nom", "string", _("nom"), required=True),
        Champ(
            "type_structure",
            "string",
            _("type de structure"),
            _("Code du type (/vocabulaires/types-structure/)."),
            True,
        ),
        Champ("departement", "string", _("département"), _("Code INSEE."), True),
        Champ("site_web", "string", _("site web")),
        Champ("description", "string", _("présentation courte")),
        Champ("verifiee", "boolean", _("vérifiée"), _("Vérifiée par l'équipe du réseau."), True),
        url(),
    ),
    lignes=jeux_lignes.structures,
)

#: Every dataset, in the order the page and ``datapackage.json`` list them.
JEUX = (RESSOURCES, FICHES, ATELIERS, STRUCTURES)
