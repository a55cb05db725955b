"""The open vocabularies over HTTP: a scheme or a concept in Turtle or JSON-LD, chosen by the
extension of the address (``.ttl``, ``.jsonld``) or else by the ``Accept`` header."""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import vocabulaires

MEDIA_TYPES = {"ttl": "text/turtle", "jsonld": "application/ld+json"}
# What a client may ask for in ``Accept`` → the extension served; Turtle when it has no
# preference or asks for anything else (a browser).
NEGOTIATED = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/json": "jsonld"}


def rdf_response(request, graph, extension):
    negotiated = extension is None
    if negotiated:
        extension = NEGOTIATED.get(request.get_preferred_type(list(NEGOTIATED)), "ttl")
    response = HttpResponse(
        vocabulaires.serialize(graph, extension),
        content_type=f"{MEDIA_TYPES[extension]}; charset=utf-8",
    )
    if negotiated:
        response["Vary"] = "Accept"
    # Open data: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def refuse_parameters(request):
    """These addresses read no query parameter: one is a mistake worth saying."""
    if not request.GET:
        return None
    message = _("Cette adresse ne prend aucun paramètre (reçu : %(noms)s).") % {
        "noms": ", ".join(sorted(request.GET))[:200]
    }
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


@require_safe
def catalogue(request, format=None):
    return refuse_parameters(request) or rdf_response(
        request, vocabulaires.catalogue_graph(), format
    )


@require_safe
def vocabulaire(request, schema, format=None):
    if refused := refuse_parameters(request):
        return refused
    if schema not in vocabulaires.SCHEMAS:
        raise Http404(_("Vocabulaire inconnu."))
    return rdf_response(request, vocabulaires.schema_graph(schema), format)


@require_safe
def concept(request, schema, identifiant, format=None):
    if refused := refuse_parameters(request):
        return refused
    if schema not in vocabulaires.SCHEMAS:
        raise Http404(_("Vocabulaire inconnu."))
    graph = vocabulaires.concept_graph(schema, identifiant)
    if graph is None:
        raise Http404(_("Ce terme n'existe pas dans ce vocabulaire."))
    return rdf_response(request, graph, format)
