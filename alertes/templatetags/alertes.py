"""``{% me_prevenir "ressources" %}``: the « Me prévenir » and RSS links of a listing, made
from the current address's parameters (those the alert reads, as they are: the form
validates them). No database query, and plain links: the page stays cacheable."""

from django import template
from django.http import QueryDict
from django.urls import reverse

from ..models import Quoi
from ..requetes import CRITERES, QUOI

register = template.Library()


@register.inclusion_tag("alertes/me_prevenir.html", takes_context=True)
def me_prevenir(context, quoi, **fixes):
    """``fixes``: parameters the page itself sets (a domaine page's ``domaine``)."""
    request = context.get("request")
    data = request.GET if request is not None else QueryDict()
    if quoi == Quoi.RECHERCHE and not data.get("q", "").strip():
        return {"visible": False}
    query = QueryDict(mutable=True)
    query[QUOI] = quoi
    for name in CRITERES[Quoi(quoi)]:
        values = [value for value in data.getlist(name) if value]
        if values:
            query.setlist(name, values)
    for name, value in fixes.items():
        if value:
            query[name] = value
    encoded = query.urlencode()
    return {
        "visible": True,
        "creer_url": f"{reverse('alertes:creer')}?{encoded}",
        "flux_url": f"{reverse('alertes:flux')}?{encoded}",
    }
