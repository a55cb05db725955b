"""The public side of the bourse: the listing with its filters, an annonce's page and
« Signaler ». Only ``Annonce.objects.publiques()`` is ever shown here; what an annonce shows of
its author is its structure's public name and page, never a person, an address or a number."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.models import Locale

from ressources import json_ld, limites
from ressources.models.impression import refus_des_parametres

from . import conversations, correspondances, ressources_utiles, services
from .filters import PARAMETRES, AnnonceFilterSet
from .forms import SignalerForm
from .json_ld import annonce_json_ld
from .models import Annonce, Sens

ANNONCES_PAR_PAGE = 20
SIGNALEMENTS_PAR_HEURE = "5/h"  # from one address: a person reports once, a robot floods


def annonces_listees(queryset):
    """What a card shows, in a fixed number of queries whatever the number of annonces."""
    return queryset.select_related("structure").prefetch_related("departements", "domaines")


def parametres_inconnus(request):
    return sorted(name for name in request.GET if name not in PARAMETRES)


@require_safe
def liste(request):
    """``/bourse/``: the published annonces still running, newest first, filtered. An unknown
    parameter or value answers 400 with the form saying what is wrong."""
    filterset = AnnonceFilterSet(
        request.GET or None, queryset=Annonce.objects.publiques(), request=request
    )
    inconnus = parametres_inconnus(request)
    valide = filterset.is_valid() if request.GET else True
    if inconnus:
        filterset.form.add_error(
            None,
            _("Paramètre inconnu : %(noms)s. Cette page lit seulement : %(connus)s.")
            % {"noms": ", ".join(inconnus)[:200], "connus": ", ".join(sorted(PARAMETRES))},
        )
    if inconnus or not valide:
        annonces = Annonce.objects.none()
    else:
        annonces = filterset.qs if request.GET else filterset.queryset
    page = Paginator(annonces_listees(annonces), ANNONCES_PAR_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "filterset": filterset,
        "filter_form": filterset.form,
        "annonces": page,
        "elided_page_range": page.paginator.get_elided_page_range(page.number),
        "en_erreur": bool(inconnus or not valide),
        "json_ld": json_ld.breadcrumb_list(
            request, json_ld.home_trail(request, (_("Bourse d'entraide"), reverse("bourse")))
        ),
    }
    status = 400 if context["en_erreur"] else 200
    return render(request, "bourse/liste.html", context, status=status)


def annonce_publique(pk):
    return get_object_or_404(annonces_listees(Annonce.objects.publiques()), pk=pk)


def contexte_annonce(request, annonce):
    return {
        "annonce": annonce,
        "json_ld": json_ld.breadcrumb_list(
            request,
            json_ld.home_trail(
                request,
                (_("Bourse d'entraide"), reverse("bourse")),
                (annonce.titre, annonce.get_absolute_url()),
            ),
        ),
    }


def pages_utiles(annonce):
    """While a demande waits: the site's pages that may help (issue 19, point 6)."""
    if annonce.sens != Sens.DEMANDE:
        return []
    return ressources_utiles.pages_utiles(annonce.titre, annonce.description, Locale.get_active())


@require_safe
def detail(request, pk):
    if refus := refus_des_parametres(request):
        return refus
    annonce = annonce_publique(pk)
    context = contexte_annonce(request, annonce)
    context = {
        **context,
        # On its own address only, as Wagtail pages (not on « Signaler »'s pages).
        "json_ld": [annonce_json_ld(request, annonce), context["json_ld"]],
        "form": SignalerForm(),
        # « Proposer mon aide » / « Je suis intéressé·e », or why not (issue 19, point 3).
        "contact": conversations.contact(request.user, annonce),
        "correspondantes": correspondances.correspondantes(annonce),
        "ressources_utiles": pages_utiles(annonce),
    }
    return render(request, "bourse/annonce.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def signaler(request, pk):
    """« Signaler »: no account needed; a few reports an hour from one address (a 429
    beyond, the form kept as typed). Stored, and e-mailed to the Modérateurs by the worker."""
    annonce = annonce_publique(pk)
    if request.method != "POST" and (refus := refus_des_parametres(request)):
        return refus
    form = SignalerForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if limites.depasse(request, "bourse.signaler", SIGNALEMENTS_PAR_HEURE):
            status = limites.formulaire_refuse(
                form, _("Trop de signalements en peu de temps : réessayez dans une heure.")
            )
        elif form.is_valid():
            services.signaler(annonce, form.cleaned_data["motif"], form.cleaned_data["commentaire"])
            return redirect("annonce_signalee", pk=annonce.pk)
    context = {**contexte_annonce(request, annonce), "form": form}
    return render(request, "bourse/signaler.html", context, status=status)


@require_safe
def signalee(request, pk):
    if refus := refus_des_parametres(request):
        return refus
    annonce = annonce_publique(pk)
    return render(request, "bourse/signalee.html", contexte_annonce(request, annonce))
