"""The public side of reader feedback (``inventaire.retours``).

« Cette page vous a-t-elle été utile ? » is a form on guide, modèle and fiche pages, which the
anonymous page cache keeps (``ressources.page_cache``): a CSRF token would make them
uncacheable, so its endpoint is CSRF-exempt. That is safe here: it is anonymous, changes no
account, stores nothing about the sender and is rate-limited per address; a forged
cross-site post can do no more than anyone can do by answering. « Signaler une erreur »
e-mails the editors: its form is on a small page of its own, protected by CSRF as usual.

Without JavaScript, a valid answer goes back to the page at the widget, which thanks the
reader (``?merci=``); an invalid one, or one over the limit, shows the form again on a
page of its own, with the error summary (as every form of the site; 429 over the limit)."""

from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ressources import limites

from . import retours, tasks
from .forms import RetourForm, SignalementForm

RETOURS_PAR_ADRESSE = "20/h"
SIGNALEMENTS_PAR_ADRESSE = "5/h"
#: The values of ``?merci=`` on a page, read by its widget (inventaire/retour_lecteurs.html).
MERCI_AVIS, MERCI_ERREUR = "avis", "erreur"


def trop_de_demandes(request, group, rate):
    """Counted per address in the cache: the address is never stored."""
    return limites.depasse(request, group, rate)


def introuvable(request):
    return render(request, "inventaire/retour_introuvable.html", status=404)


def retour_a_la_page(page, merci):
    return redirect(f"{page.url}?{urlencode({'merci': merci})}#retour-lecteurs-merci")


def formulaire(request, template, page, form, status=200):
    return render(request, template, {"ressource": page, "form": form}, status=status)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def retour(request, page_id):
    page = retours.page_a_commenter(page_id)
    if page is None:
        return introuvable(request)
    if request.method != "POST":
        return formulaire(request, "inventaire/retour.html", page, RetourForm())
    form = RetourForm(request.POST)
    if trop_de_demandes(request, "inventaire.retours", RETOURS_PAR_ADRESSE):
        form.add_error(None, _("Trop de réponses depuis votre adresse : réessayez dans une heure."))
        return formulaire(request, "inventaire/retour.html", page, form, status=429)
    if not form.is_valid():
        return formulaire(request, "inventaire/retour.html", page, form)
    retours.repondre(page, form.est_utile(), form.cleaned_data["commentaire"])
    return retour_a_la_page(page, MERCI_AVIS)


@require_http_methods(["GET", "HEAD", "POST"])
def signaler(request, page_id):
    page = retours.page_a_commenter(page_id)
    if page is None:
        return introuvable(request)
    if request.method != "POST":
        return formulaire(request, "inventaire/signaler.html", page, SignalementForm())
    form = SignalementForm(request.POST)
    if trop_de_demandes(request, "inventaire.signalements", SIGNALEMENTS_PAR_ADRESSE):
        form.add_error(
            None, _("Trop de signalements depuis votre adresse : réessayez dans une heure.")
        )
        return formulaire(request, "inventaire/signaler.html", page, form, status=429)
    if not form.is_valid():
        return formulaire(request, "inventaire/signaler.html", page, form)
    data = form.cleaned_data
    signalement = retours.signaler(page, data["description"], data["email"])
    tasks.envoyer_signalement.enqueue(signalement.pk)
    return retour_a_la_page(page, MERCI_ERREUR)
