"""Around the API's endpoints (donnees.api): its root, its OpenAPI description, and the limit
of requests per client address that every address under /api/ shares."""

import functools
import re

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ressources import limites

from . import api_openapi, api_parametres

RATE = re.compile(r"^(?P<count>\d+)/(?P<multiplier>\d*)(?P<unit>[smhd])$")
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def periode(rate):
    """The seconds of the window of a django-ratelimit rate (« 120/m » → 60): how long a
    client told to wait may have to."""
    match = RATE.match(rate)
    return int(match["multiplier"] or 1) * SECONDS[match["unit"]]


def limite_par_adresse(view):
    """At most ``API_RATE`` requests per client address; beyond, a 429 in JSON with
    Retry-After, as partners' HTTP clients expect."""

    @functools.wraps(view)
    def limitee(request, *args, **kwargs):
        if limites.depasse(request, "donnees.api", settings.API_RATE):
            secondes = periode(settings.API_RATE)
            message = _(
                "Trop de requêtes depuis votre adresse : au plus %(rate)s. "
                "Réessayez dans %(secondes)d secondes."
            ) % {"rate": settings.API_RATE, "secondes": secondes}
            response = JsonResponse({"message": message}, status=limites.STATUS)
            response["Retry-After"] = str(secondes)
            return response
        return view(request, *args, **kwargs)

    return limitee


def sans_parametre(request):
    """A 400 for any query parameter (these addresses read none), else None."""
    try:
        api_parametres.refuser_inconnus(request.GET, ())
    except api_parametres.ParametreInvalide as erreur:
        return JsonResponse({"message": str(erreur)}, status=400)
    return None


@require_safe
def racine(request):
    """/api/v2/: the endpoints and the description of the API."""
    refus = sans_parametre(request)
    if refus:
        return refus
    adresses = {
        "pages": reverse("api:pages:listing"),
        "documents": reverse("api:documents:listing"),
        "structures": reverse("api:structures:listing"),
        "openapi": reverse("api_openapi"),
    }
    return JsonResponse(
        {
            "message": _("API publique d'Entraide, en lecture seule."),
            **{nom: request.build_absolute_uri(url) for nom, url in adresses.items()},
        }
    )


@require_safe
def openapi(request):
    """/api/v2/openapi.json: the OpenAPI 3 description (donnees.api_openapi)."""
    refus = sans_parametre(request)
    if refus:
        return refus
    return JsonResponse(
        api_openapi.description(request.build_absolute_uri(reverse("api"))),
        json_dumps_params={"ensure_ascii": False},
    )
