"""« Me prévenir »: the form that saves a listing's query (its parameters in the address), the
confirmation of an address without an account, the one-click unsubscribe of every digest, and
the changes « Mon espace » posts (``templates/alertes/mes_alertes.html``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from ressources import limites
from ressources.pages_personnelles import personnelle

from . import comptes, liens, nouveautes, requetes, services
from .forms import AlerteForm, FrequenceForm

ALERTES_PAR_IP = "20/h"
CONFIRMATIONS_PAR_ADRESSE = "3/h"


def parametres_invalides(request, error):
    return render(request, "alertes/parametres_invalides.html", {"erreur": error}, status=400)


def refus(request, error):
    return render(request, "alertes/lien_invalide.html", {"erreur": error}, status=error.status)


@require_http_methods(["GET", "HEAD", "POST"])
def creer(request):
    """The query comes from the address (the listing's parameters, allow-listed); the form
    says how often and, without an account, where to write."""
    try:
        quoi, criteres = requetes.lire(request.GET)
    except requetes.ParametresInvalides as error:
        return parametres_invalides(request, error)
    user = request.user if request.user.is_authenticated else None
    form = AlerteForm(request.POST if request.method == "POST" else None, user=user)
    context = {
        "form": form,
        "description": requetes.description(quoi, criteres),
        "liste_url": nouveautes.adresse_de_la_liste(quoi, criteres, get_language()),
        "flux_url": f"{reverse('alertes:flux')}?{requetes.parametres(quoi, criteres)}",
    }
    if request.method != "POST" or not form.is_valid():
        return render(request, "alertes/creer.html", context)
    if limites.depasse(request, "alertes.creer", ALERTES_PAR_IP):
        return render(
            request, "alertes/creer.html", context, status=limites.formulaire_refuse(form)
        )
    email = user.email if user else form.cleaned_data["email"]
    alerte, _created = services.creer(
        quoi,
        criteres,
        context["description"],
        email,
        form.cleaned_data["frequence"],
        get_language(),
        user=user,
    )
    if user:
        messages.success(
            request,
            _("Votre alerte est enregistrée : « %(description)s ».")
            % {"description": alerte.description},
        )
        return redirect(context["liste_url"])
    if not _trop_de_confirmations(request, alerte.email):
        services.envoyer_confirmation(alerte)
    return redirect("alertes:verifiez")


def _trop_de_confirmations(request, adresse):
    return limites.depasse_pour(
        request, "alertes.confirmations", CONFIRMATIONS_PAR_ADRESSE, adresse
    )


def verifiez(request):
    return render(request, "alertes/verifiez.html", {"jours": liens.CONFIRMATION_VALABLE.days})


@personnelle
@require_http_methods(["GET", "HEAD", "POST"])
def confirmer(request, signed):
    """The link of the confirmation e-mail: a button (a link opened by a mail scanner must
    not subscribe anybody), which confirms."""
    try:
        alerte = liens.alerte_a_confirmer(signed)
    except liens.LienInvalide as error:
        return refus(request, error)
    if request.method == "POST":
        services.confirmer(alerte)
    return render(
        request,
        "alertes/confirmer.html",
        {
            "alerte": alerte,
            "liste_url": nouveautes.adresse_de_la_liste(
                alerte.quoi, alerte.criteres, alerte.langue
            ),
            "desabonner_url": liens.desabonner(alerte),
        },
    )


@personnelle
@csrf_exempt  # the signed link is the proof; mail clients POST it without a token (RFC 8058)
@require_http_methods(["GET", "HEAD", "POST"])
def desabonner(request, signed):
    """GET: a button. POST (the button, or a mail client's one-click unsubscribe): deleted."""
    try:
        alerte = liens.alerte_a_desabonner(signed)
    except liens.AlerteDisparue as error:
        if request.method == "POST":  # already done: one-click unsubscribe is idempotent
            return render(request, "alertes/desabonne.html", {"description": ""})
        return refus(request, error)
    except liens.LienInvalide as error:
        return refus(request, error)
    if request.method == "POST":
        description = alerte.description
        alerte.delete()
        return render(request, "alertes/desabonne.html", {"description": description})
    return render(request, "alertes/desabonner.html", {"alerte": alerte})


def _mienne(request, pk):
    return get_object_or_404(comptes.alertes_de(request.user), pk=pk)


@login_required
@require_POST
def modifier(request, pk):
    alerte = _mienne(request, pk)
    form = FrequenceForm(request.POST)
    if form.is_valid():
        alerte.frequence = form.cleaned_data["frequence"]
        alerte.save(update_fields=["frequence"])
        messages.success(request, _("Fréquence de l'alerte modifiée."))
    else:
        messages.error(request, _("Choisissez une fréquence proposée."))
    return redirect("mon_espace")


@login_required
@require_POST
def supprimer(request, pk):
    _mienne(request, pk).delete()
    messages.success(request, _("Alerte supprimée : vous ne recevrez plus ses e-mails."))
    return redirect("mon_espace")
