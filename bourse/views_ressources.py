"""``/bourse/ressources-utiles/``: the pages that may help with the demande being typed, as an
HTML fragment the annonce form's script (static/js/ressources_utiles.js) puts in its live
region (issue 19, point 6). Without the script the form works as before; its preview and the
demande's page list the same pages, computed on the server.

Anyone may ask (the form is behind a log-in, but what it answers is what the site search
shows anyone: live, public pages, workshops not over), so it reads two allow-listed
parameters of bounded length, answers 400 with a French message otherwise, and a few dozen
requests a minute from one address (a 429 beyond). Nothing typed is stored."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from ressources import limites

from . import ressources_utiles
from .models import Annonce

#: The parameters read, with their longest value: the annonce's fields' own limits.
PARAMETRES = {
    "titre": Annonce._meta.get_field("titre").max_length,
    "description": Annonce._meta.get_field("description").max_length,
}
#: The script asks once a pause in typing: a person is far below this.
DEMANDES_PAR_MINUTE = "30/m"
TEMPLATE = "bourse/includes/ressources_utiles.html"


def erreurs(request):
    """What is wrong with the query string, in French; empty when it can be read."""
    found = []
    inconnus = sorted(name for name in request.GET if name not in PARAMETRES)
    if inconnus:
        found.append(
            _("Paramètre inconnu : %(noms)s. Cette adresse lit seulement : %(connus)s.")
            % {"noms": ", ".join(inconnus)[:200], "connus": ", ".join(PARAMETRES)}
        )
    for name, longueur in PARAMETRES.items():
        values = request.GET.getlist(name)
        if len(values) > 1:
            found.append(_("« %(nom)s » est donné plusieurs fois.") % {"nom": name})
        elif values and len(values[0]) > longueur:
            found.append(
                _("« %(nom)s » est trop long : %(longueur)s caractères au plus.")
                % {"nom": name, "longueur": longueur}
            )
    return found


@require_safe
def ressources_utiles_fragment(request):
    problemes = erreurs(request)
    if problemes:
        return render(request, TEMPLATE, {"erreurs": problemes}, status=400)
    if limites.depasse(request, "bourse.ressources_utiles", DEMANDES_PAR_MINUTE):
        message = _("Trop de demandes en peu de temps : réessayez dans une minute.")
        return render(request, TEMPLATE, {"erreurs": [message]}, status=limites.STATUS)
    titre, description = (request.GET.get(name, "") for name in PARAMETRES)
    pages = ressources_utiles.pages_utiles(titre, description, Locale.get_active())
    response = render(request, TEMPLATE, {"ressources_utiles": pages, "fragment": True})
    response["X-Robots-Tag"] = "noindex"
    return response
