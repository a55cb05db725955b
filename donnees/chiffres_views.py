"""« Le réseau en chiffres »: the page (/fr/chiffres/, /en/chiffres/) and its dataset
(/donnees/chiffres.csv, /donnees/chiffres.json, in French at language-neutral addresses)."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ressources import exports, json_ld

from . import chiffres_jeu, graphiques
from .chiffres import chiffres
from .vocabulaires_views import refuse_parameters

#: How long a browser or a proxy may keep the figures: as long as the server does.
MAX_AGE = 300


def sections(figures):
    """Each indicator with its charts, for the template."""
    return [
        {
            "indicateur": indicateur,
            "graphiques": [
                graphiques.graphique(indicateur, serie, figures.seuil)
                for serie in indicateur.graphiques
            ],
        }
        for indicateur in figures.indicateurs
    ]


@require_safe
def page(request):
    if refused := refuse_parameters(request):
        return refused
    figures = chiffres()
    return render(
        request,
        "donnees/chiffres.html",
        {
            "chiffres": figures,
            "sections": sections(figures),
            "json_ld": json_ld.breadcrumb_list(
                request,
                json_ld.home_trail(request, (_("Le réseau en chiffres"), reverse("chiffres"))),
            ),
        },
    )


def figures_en_francais():
    """The dataset's labels are French, the reference language, whatever the request's."""
    with translation.override("fr"):
        return chiffres()


def open_data(response):
    """Any site may read the figures from a browser, and keep them a few minutes."""
    response["Access-Control-Allow-Origin"] = "*"
    if "Expires" in response:
        del response["Expires"]
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


@require_safe
def csv(request):
    """The project's French CSV (``ressources.exports``), whole: a few hundred lines."""
    if refused := refuse_parameters(request):
        return refused
    rows = chiffres_jeu.lignes(figures_en_francais())
    lines = exports.lines(
        chiffres_jeu.CHAMPS, ([row[champ] for champ in chiffres_jeu.CHAMPS] for row in rows)
    )
    response = HttpResponse("".join(lines).encode("utf-8"), content_type=exports.CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(False, "reseau-en-chiffres.csv")
    return open_data(response)


@require_safe
def json(request):
    if refused := refuse_parameters(request):
        return refused
    figures = figures_en_francais()
    response = JsonResponse(
        {
            "seuil": figures.seuil,
            "calcule_le": timezone.localtime(figures.calcule_le, exports.PARIS).isoformat(),
            "schema": chiffres_jeu.table_schema(),
            "data": list(chiffres_jeu.lignes(figures)),
        },
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
    return open_data(response)
