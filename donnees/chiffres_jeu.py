"""« Le réseau en chiffres » as a dataset: one row per indicator, row of the indicator
(a domaine, a département, a month, a quarter, or ``total``) and series, in long form so
that one Table Schema describes every figure.

Served as CSV in the project's French format (``ressources.exports``: BOM, « ; », CRLF) and
as JSON (``{"seuil": …, "calcule_le": …, "data": [records]}``), labels in French, whatever
the language of the page that links to them. A hidden count is empty in the CSV and null in
the JSON, and its ``masque`` column says why: ``moins-de-seuil`` (a small count),
``secret-secondaire`` (hidden so that a total does not give a small one away),
``non-compte`` (a month before the tally began).

``ressource_datapackage()`` is the resource a Frictionless Data Package lists for the CSV
file, with its dialect and ``table_schema()``.
"""

import copy

from django.urls import reverse

from .secret import NON_COMPTE, SECONDAIRE, SEUIL

CHAMPS = ["indicateur", "categorie", "libelle", "serie", "valeur", "masque"]
INDICATEURS = [
    "ressources-par-domaine",
    "structures-par-departement",
    "telechargements-par-mois",
    "recherches-par-mois",
    "ateliers-par-trimestre",
    "bourse-par-domaine",
    "bourse-par-departement",
    "bourse-suites",
    "bourse-echanges",
]


def lignes(chiffres):
    """The dataset's records, every indicator's rows then its total."""
    for indicateur in chiffres.indicateurs:
        for ligne in [*indicateur.lignes, indicateur.total]:
            for serie, _libelle in indicateur.series:
                cellule = ligne.cellules[serie]
                yield {
                    "indicateur": indicateur.cle,
                    "categorie": ligne.cle,
                    "libelle": ligne.libelle,
                    "serie": serie,
                    "valeur": cellule.valeur,
                    "masque": cellule.masque,
                }


#: The columns of the dataset, as a Table Schema describes them.
CHAMPS_DU_SCHEMA = [
    {
        "name": "indicateur",
        "type": "string",
        "title": "Indicateur",
        "description": "Le chiffre publié : "
        + ", ".join(INDICATEURS)
        + ". Comptés sur les pages publiées et publiques seulement.",
        "constraints": {"required": True, "enum": INDICATEURS},
    },
    {
        "name": "categorie",
        "type": "string",
        "title": "Catégorie",
        "description": (
            "La ligne de l'indicateur : identifiant du domaine (celui des "
            "vocabulaires /vocabulaires/domaines/), code INSEE du département, mois "
            "(AAAA-MM), trimestre (AAAA-T1…T4), ou « total »."
        ),
        "constraints": {"required": True},
    },
    {
        "name": "libelle",
        "type": "string",
        "title": "Libellé",
        "description": "Le nom de la catégorie, en français.",
    },
    {
        "name": "serie",
        "type": "string",
        "title": "Série",
        "description": (
            "Ce qui est compté : guide, modele, fiche, total, structures, "
            "telechargements, recherches, ateliers, participants ; bourse "
            "d'entraide : offres, demandes, demandes_3j, demandes_7j, "
            "non_satisfaites, echanges_confirmes, heures, valeur."
        ),
        "constraints": {"required": True},
    },
    {
        "name": "valeur",
        "type": "integer",
        "title": "Valeur",
        "description": "Le compte ; vide quand il est masqué (voir « masque »).",
        "constraints": {"minimum": 0},
    },
    {
        "name": "masque",
        "type": "string",
        "title": "Masque",
        "description": (
            "Vide : la valeur est publiée. moins-de-seuil : un compte de personnes ou "
            "de structures inférieur au seuil (voir « seuil » dans le JSON). "
            "secret-secondaire : masqué pour que le total ne révèle pas un petit "
            "compte. non-compte : mois antérieur au début du décompte."
        ),
        "constraints": {"enum": [SEUIL, SECONDAIRE, NON_COMPTE]},
    },
]


def table_schema():
    """The Frictionless Table Schema of the CSV file (and of the JSON records)."""
    return {
        "fields": copy.deepcopy(CHAMPS_DU_SCHEMA),
        "missingValues": [""],
        "primaryKey": ["indicateur", "categorie", "serie"],
    }


def ressource_datapackage(request=None):
    """The resource of the CSV file in a ``datapackage.json``: an absolute ``path`` when a
    request is given, else the site's path."""
    path = reverse("chiffres_csv")
    return {
        "name": "reseau-en-chiffres",
        "title": "Le réseau en chiffres",
        "description": (
            "Ressources et fiches par domaine, structures contributrices par département, "
            "téléchargements et recherches par mois, ateliers tenus et participants par "
            "trimestre. Les petits comptes de personnes ou de structures sont masqués."
        ),
        "path": request.build_absolute_uri(path) if request is not None else path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "dialect": {"delimiter": ";", "lineTerminator": "\r\n"},
        "schema": table_schema(),
    }
