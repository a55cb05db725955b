"""The pages the lifecycle e-mail's links open (``bourse.liens``): no log-in, the signed
address is the key. A GET only shows what the button will do (mail scanners open links: a
GET never acts); the button's POST acts once. A link that is forged, too old, or already used
(the annonce was renewed or closed since the e-mail) gets a French page saying so: 400 or
410, never a 500."""

from django.http import Http404
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ressources.pages_personnelles import personnelle

from . import dates, liens, services
from .models import Etat, Resultat


def refus(request, erreur, status):
    return render(request, "bourse/lien_invalide.html", {"erreur": erreur}, status=status)


#: What « Retirer » from an e-mail may record; the author picks one of the two buttons.
RESULTATS_DU_RETRAIT = (Resultat.PLUS_BESOIN, Resultat.SANS_REPONSE)


def agir(annonce, action, fin, resultat=""):
    """Do ``action``; returns the sentence of the page that confirms it."""
    if action == liens.RENOUVELER:
        nouvelle = services.renouveler(annonce, fin)
        return _("Votre annonce reste en ligne jusqu'au %(fin)s.") % {
            "fin": formats.date_format(nouvelle, "DATE_FORMAT")
        }
    if action == liens.POURVUE:
        resultat = Resultat.AIDEE
    elif resultat not in RESULTATS_DU_RETRAIT:
        resultat = Resultat.PLUS_BESOIN
    if annonce.etat == Etat.EXPIREE:
        # Already off the bourse since its end: only the outcome is worth keeping.
        services.noter_resultat(annonce, resultat)
        return _("Votre annonce n'était déjà plus en ligne ; merci, nous avons noté la suite.")
    services.fermer(
        annonce, Etat.POURVUE if action == liens.POURVUE else Etat.RETIREE, resultat=resultat
    )
    if action == liens.POURVUE:
        return _("Votre annonce est marquée pourvue : elle a quitté la bourse. Bravo !")
    return _("Votre annonce est retirée : elle a quitté la bourse.")


@personnelle
@require_http_methods(["GET", "HEAD", "POST"])
def lien(request, action, signed):
    if action not in liens.ACTIONS:
        raise Http404
    try:
        annonce, fin = liens.lire(action, signed)
    except liens.LienInvalide as error:
        return refus(request, error, error.status)
    if request.method != "POST":
        context = {
            "annonce": annonce,
            "action": action,
            "nouvelle_fin": dates.fin_par_defaut(annonce.sens),
        }
        return render(request, "bourse/lien.html", context)
    try:
        fait = agir(annonce, action, fin, request.POST.get("resultat", ""))
    except services.AnnonceError as error:
        return refus(request, error, 410)
    return render(request, "bourse/lien_fait.html", {"annonce": annonce, "fait": fait})
