"""Writing the open datasets (``donnees.jeux``) and their Frictionless Data Package.

Each generation writes every file into a new folder of the storage named "donnees" in
STORAGES (public media, on the disk or the public bucket), then replaces the small manifest
``donnees/courant.json`` that says which folder is current, with each file's size, rows and
hash: a reader never sees half a generation, and the page « Données ouvertes » reads one small
file. The previous folder is kept (a download that started on it finishes), older ones are
deleted.

CSV files are in the project's French format (``ressources.exports``: BOM, « ; », CRLF, no cell
a spreadsheet would run as a formula), declared in ``datapackage.json`` (``encoding``
utf-8-sig, ``dialect`` with the delimiter). JSON files are a list of records, one object per
row, keyed by the schema's field names, with JSON types (numbers, true/false, arrays, null).
"""

import datetime
import hashlib
import json

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse
from django.utils import timezone, translation

from ressources import exports

from . import chiffres_jeu
from .chiffres import chiffres
from .jeux import FALSE_VALUES, JEUX, LIST_DELIMITER, TRUE_VALUES

STORAGE = "donnees"
DOSSIER = "donnees"
MANIFESTE = f"{DOSSIER}/courant.json"
DATAPACKAGE = "datapackage.json"
CHIFFRES = "chiffres.csv"
#: The version of the datasets' shape: its major number changes when a field is removed or
#: changes meaning, so that a program reading them can tell.
VERSION = "1.0.0"
FORMATS = {
    "csv": {
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "dialect": {"delimiter": exports.DELIMITER},
    },
    "json": {"format": "json", "mediatype": "application/json", "encoding": "utf-8"},
}
CONTENT_TYPES = {
    "csv": exports.CONTENT_TYPE,
    "json": "application/json",
}


def storage():
    return storages[STORAGE]


def texte(value):
    """A value as the JSON files hold it: dates and times as ISO 8601 text."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def cellule(value):
    """A value as the CSV files hold it; ``exports.lines`` then writes texts through
    ``exports.cellule``, which keeps formulas from running (ISO dates and "oui"/"non" come
    through unchanged)."""
    if isinstance(value, bool):
        return TRUE_VALUES[0] if value else FALSE_VALUES[0]
    if isinstance(value, list):
        return LIST_DELIMITER.join(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def csv_content(jeu, rows):
    lines = exports.lines(jeu.noms, ([cellule(row.get(name)) for name in jeu.noms] for row in rows))
    return "".join(lines).encode("utf-8")


def json_content(jeu, rows):
    """One record per line, so that the file reads in a browser and diffs line by line."""
    records = (
        json.dumps({name: texte(row.get(name)) for name in jeu.noms}, ensure_ascii=False)
        for row in rows
    )
    return ("[\n" + ",\n".join(records) + "\n]\n").encode("utf-8")


def fichier(content, extension, rows):
    return {
        "bytes": len(content),
        "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
        "rows": rows,
        "content_type": CONTENT_TYPES[extension],
    }


def resource(jeu, extension, stats):
    """The Data Package resource of one file. Size and hash are declared for the CSV files
    only: Frictionless (5.21) checks them there, while its JSON parser counts no bytes and
    would report every JSON file as not matching (the JSON files' hashes are their ETags)."""
    integrity = {"bytes": stats["bytes"], "hash": stats["hash"]} if extension == "csv" else {}
    return {
        "name": f"{jeu.name}-{extension}",
        "path": f"{jeu.name}.{extension}",
        "profile": "tabular-data-resource",
        "title": str(jeu.title),
        "description": str(jeu.description),
        **FORMATS[extension],
        **integrity,
        "schema": jeu.schema() | jeu.extra,
    }


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def datapackage(resources, created):
    return {
        "profile": "tabular-data-package",
        "name": "entraide-donnees-ouvertes",
        "title": "Entraide – données ouvertes",
        "description": (
            "Le catalogue des ressources, les fiches pratiques, les ateliers et les structures "
            "d'Entraide, centre de ressources de l'économie sociale et solidaire : le contenu "
            "publié et public seulement."
        ),
        "homepage": absolute(reverse("donnees_ouvertes")),
        "version": VERSION,
        "created": created.isoformat(),
        "licenses": [dict(settings.DONNEES_LICENCE)],
        "resources": resources,
    }


def ecrire(dossier, name, content):
    storage().save(f"{dossier}/{name}", ContentFile(content))


def chiffres_resource(dossier):
    """« Le réseau en chiffres » in the package: served by its own view, computed when asked
    (``/donnees/chiffres.csv``, the same relative path as here); a copy is written with the
    generation so that the package validates as a whole, without a declared size or hash
    (the figures served may be newer)."""
    rows = chiffres_jeu.lignes(chiffres())
    lines = exports.lines(
        chiffres_jeu.CHAMPS, ([row[champ] for champ in chiffres_jeu.CHAMPS] for row in rows)
    )
    ecrire(dossier, CHIFFRES, "".join(lines).encode("utf-8"))
    return chiffres_jeu.ressource_datapackage() | {
        "path": CHIFFRES,
        "profile": "tabular-data-resource",
    }


def publier():
    """Write a new generation of every dataset, then make it the current one. Returns the
    new manifest."""
    created = timezone.now().replace(microsecond=0)
    dossier = f"{DOSSIER}/{timezone.now():%Y%m%dT%H%M%S%f}"  # sorts as it was started
    fichiers, resources = {}, []
    with translation.override(settings.LANGUAGE_CODE):
        for jeu in JEUX:
            rows = list(jeu.lignes())
            for extension, write in (("csv", csv_content), ("json", json_content)):
                content = write(jeu, rows)
                ecrire(dossier, f"{jeu.name}.{extension}", content)
                stats = fichier(content, extension, len(rows))
                fichiers[f"{jeu.name}.{extension}"] = stats
                resources.append(resource(jeu, extension, stats))
        resources.append(chiffres_resource(dossier))
        package = datapackage(resources, created)
    content = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    ecrire(dossier, DATAPACKAGE, content)
    fichiers[DATAPACKAGE] = fichier(content, "json", len(resources))
    manifeste = {"dossier": dossier, "created": created.isoformat(), "fichiers": fichiers}
    precedent = lire_manifeste()
    storage().save(MANIFESTE, ContentFile(json.dumps(manifeste, indent=1).encode()))
    effacer_anciennes(keep={dossier, precedent["dossier"] if precedent else dossier})
    return manifeste


def lire_manifeste():
    """The current generation's manifest, or None before the first one."""
    try:
        with storage().open(MANIFESTE) as handle:
            manifeste = json.loads(handle.read())
    except (FileNotFoundError, ValueError, OSError):
        return None
    manifeste["created"] = datetime.datetime.fromisoformat(manifeste["created"])
    return manifeste


def effacer_anciennes(keep):
    """Delete the generations before the previous one. Folders are named by the time their
    generation started: one newer than those kept is being written by another run (the
    command while the task runs), and stays."""
    oldest_kept = min(keep)
    for folder in storage().listdir(DOSSIER)[0]:
        path = f"{DOSSIER}/{folder}"
        if path >= oldest_kept:
            continue
        for name in storage().listdir(path)[1]:
            storage().delete(f"{path}/{name}")
        storage().delete(path)
