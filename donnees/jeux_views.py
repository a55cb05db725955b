"""The open datasets over HTTP: each file at a stable, language-neutral address
(``/donnees/<file>``, what programs and other sites link to), with ``ETag`` and
``Last-Modified`` so that a client asks again for nothing; and the page « Données ouvertes »
that lists them, in the visitor's language."""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseNotFound
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ressources import json_ld

from . import publication, tasks
from .jeux import JEUX
from .vocabulaires_views import refuse_parameters

EXTENSIONS = ("csv", "json")
NOMS = {f"{jeu.name}.{extension}" for jeu in JEUX for extension in EXTENSIONS}
NOMS.add(publication.DATAPACKAGE)
#: How long a client or a proxy may reuse a file before checking it again (cheap: a 304).
MAX_AGE = 300
RETRY_AFTER = 60


def manifeste_courant():
    """The current generation, written now on the first request ever when the task backend
    runs tasks at once; else planned for the worker (None until it ran)."""
    manifeste = publication.lire_manifeste()
    if manifeste is None:
        tasks.demander_publication(delai=0)
        manifeste = publication.lire_manifeste()
    return manifeste


def pas_encore():
    response = HttpResponseNotFound(
        _("Les données ouvertes sont en cours de préparation : réessayez dans une minute."),
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def open_data_headers(response, stats, created):
    response["ETag"] = quote_etag(stats["hash"].replace(":", "-"))
    response["Last-Modified"] = http_date(created.timestamp())
    # Open data: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


@require_safe
def fichier(request, nom):
    if refused := refuse_parameters(request):
        return refused
    if nom not in NOMS:
        raise Http404(_("Ce fichier n'existe pas."))
    manifeste = manifeste_courant()
    if manifeste is None or nom not in manifeste["fichiers"]:
        return pas_encore()
    stats, created = manifeste["fichiers"][nom], manifeste["created"]
    etag = quote_etag(stats["hash"].replace(":", "-"))
    response = get_conditional_response(request, etag=etag, last_modified=int(created.timestamp()))
    if response is None:
        handle = publication.storage().open(f"{manifeste['dossier']}/{nom}")
        response = FileResponse(handle, content_type=stats["content_type"], filename=nom)
        response["Content-Length"] = str(stats["bytes"])
    return open_data_headers(response, stats, created)


def section_templates():
    """The sections of the other open-data offers that are installed."""
    found = []
    for name in settings.DONNEES_SECTIONS:
        try:
            get_template(name)
        except TemplateDoesNotExist:
            continue
        found.append(name)
    return found


def jeux_presentes(manifeste):
    """Each dataset with its files' address, size and rows (none before the first
    generation)."""
    fichiers = manifeste["fichiers"] if manifeste else {}
    return [
        {
            "jeu": jeu,
            "fichiers": [
                {
                    "format": extension.upper(),
                    "url": reverse("donnees_fichier", args=[f"{jeu.name}.{extension}"]),
                    **fichiers[f"{jeu.name}.{extension}"],
                }
                for extension in EXTENSIONS
                if f"{jeu.name}.{extension}" in fichiers
            ],
        }
        for jeu in JEUX
    ]


def data_catalog(request, jeux, created):
    """schema.org: the datasets as a DataCatalog, for search engines' dataset search."""
    licence = settings.DONNEES_LICENCE["path"]
    return {
        "@context": json_ld.CONTEXT,
        "@type": "DataCatalog",
        "name": _("Données ouvertes d'Entraide"),
        "url": json_ld.absolute(request, reverse("donnees_ouvertes")),
        "license": licence,
        "publisher": json_ld.publisher(),
        "dataset": [
            {
                "@type": "Dataset",
                "name": str(item["jeu"].title),
                "description": str(item["jeu"].description),
                "license": licence,
                "dateModified": json_ld.iso(created),
                "distribution": [
                    {
                        "@type": "DataDownload",
                        "encodingFormat": fichier["content_type"].split(";")[0],
                        "contentUrl": json_ld.absolute(request, fichier["url"]),
                    }
                    for fichier in item["fichiers"]
                ],
            }
            for item in jeux
        ],
    }


@require_safe
def donnees_ouvertes(request):
    if refused := refuse_parameters(request):
        return refused
    manifeste = manifeste_courant()
    jeux = jeux_presentes(manifeste)
    created = manifeste["created"] if manifeste else None
    trail = json_ld.home_trail(request, (_("Données ouvertes"), reverse("donnees_ouvertes")))
    return render(
        request,
        "donnees/donnees_ouvertes.html",
        {
            "jeux": jeux,
            "created": created,
            "licence": settings.DONNEES_LICENCE,
            "datapackage_url": reverse("donnees_fichier", args=[publication.DATAPACKAGE]),
            "sections": section_templates(),
            "json_ld": [
                data_catalog(request, jeux, created),
                json_ld.breadcrumb_list(request, trail),
            ],
        },
    )
