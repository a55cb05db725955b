"""The members' side: write an annonce, preview it, submit it, withdraw it, mark it
fulfilled. Only members of the annonce's structure get anywhere: anyone else gets a 404 (also
with a forged POST), an anonymous visitor the log-in page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ressources import limites
from ressources.pages_personnelles import personnelle
from structures.models import Structure

from . import espace, services
from .forms import AnnonceForm
from .forms_issue import RetraitForm
from .models import FERMEES, Annonce, Etat
from .views import pages_utiles

ENREGISTREMENTS_PAR_HEURE = "60/h"


def annonce_de_membre(request, pk):
    return get_object_or_404(
        Annonce.objects.de_membre(request.user).select_related("structure"), pk=pk
    )


@login_required
@personnelle
def mes_annonces(request):
    return render(request, "bourse/mes_annonces_page.html", espace.mes_annonces(request.user))


@login_required
@personnelle
def nouvelle(request):
    if not Structure.objects.of_member(request.user).exists():
        messages.info(
            request,
            _("Pour publier une annonce, inscrivez d'abord votre structure ou rejoignez-la."),
        )
        return redirect("mon_espace")
    form = AnnonceForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid() and peut_enregistrer(request, form):
        annonce = form.save(commit=False)
        annonce.auteur = request.user
        return enregistrer(request, form, annonce)
    return render(request, "bourse/annonce_form.html", {"form": form})


@login_required
@personnelle
def modifier(request, pk):
    annonce = annonce_de_membre(request, pk)
    if not annonce.modifiable:
        messages.info(request, _("Cette annonce est close : elle ne peut plus être modifiée."))
        return redirect("mes_annonces")
    data = request.POST if request.method == "POST" else None
    form = AnnonceForm(data, instance=annonce, user=request.user)
    if request.method == "POST" and form.is_valid() and peut_enregistrer(request, form):
        return enregistrer(request, form, form.save(commit=False))
    context = {"form": form, "annonce": annonce, "ressources_utiles": pages_utiles(annonce)}
    return render(request, "bourse/annonce_form.html", context)


def peut_enregistrer(request, form):
    """Under the hourly limit of saves; beyond it the form comes back as typed."""
    message = _(
        "Trop d'enregistrements en peu de temps : votre texte est gardé, réessayez plus tard."
    )
    return limites.sous_la_limite(
        request, form, "bourse.enregistrer", ENREGISTREMENTS_PAR_HEURE, message, par="user"
    )


def enregistrer(request, form, annonce):
    with transaction.atomic():
        services.enregistrer(
            annonce, form.cleaned_data["departements"], form.cleaned_data["domaines"]
        )
    if "soumettre" in request.POST and annonce.etat == Etat.BROUILLON:
        return soumettre_et_dire(request, annonce)
    messages.success(request, _("Annonce enregistrée."))
    return redirect("mes_annonces")


def soumettre_et_dire(request, annonce):
    try:
        etat = services.soumettre(annonce)
    except services.AnnonceError as error:
        messages.error(request, str(error))
    else:
        if etat == Etat.PUBLIEE:
            messages.success(request, _("Annonce publiée."))
        else:
            messages.success(
                request,
                _(
                    "C'est la première annonce de votre structure : un modérateur la relit "
                    "avant de la publier. Vous recevrez un e-mail."
                ),
            )
    return redirect("mes_annonces")


@login_required
@personnelle
def apercu(request, pk):
    """The annonce as it will look once published, whatever its state."""
    annonce = annonce_de_membre(request, pk)
    context = {"annonce": annonce, "apercu": True, "ressources_utiles": pages_utiles(annonce)}
    return render(request, "bourse/annonce.html", context)


@login_required
@require_POST
def soumettre(request, pk):
    return soumettre_et_dire(request, annonce_de_membre(request, pk))


@login_required
@personnelle
def retirer(request, pk):
    """« Retirer »: a published annonce asks why first (« Plus besoin » or « Sans réponse »);
    one that never went out is withdrawn at once (POST)."""
    annonce = annonce_de_membre(request, pk)
    if annonce.etat in FERMEES:
        messages.info(request, _("Cette annonce est déjà close."))
        return redirect("mes_annonces")
    if annonce.published_at is None and request.method == "POST":
        return fermer(request, annonce, Etat.RETIREE)
    repondu = request.method == "POST" and "question" in request.POST
    form = RetraitForm(request.POST if repondu else None)
    if repondu and form.is_valid():
        return fermer(request, annonce, Etat.RETIREE, form.cleaned_data["resultat"])
    return render(request, "bourse/retirer.html", {"annonce": annonce, "form": form})


@login_required
@require_POST
def pourvue(request, pk):
    return fermer(request, annonce_de_membre(request, pk), Etat.POURVUE)


def fermer(request, annonce, etat, resultat=""):
    try:
        services.fermer(annonce, etat, resultat)
    except services.AnnonceError as error:
        messages.error(request, str(error))
    else:
        texte = _("Annonce retirée.") if etat == Etat.RETIREE else _("Annonce marquée pourvue.")
        messages.success(request, texte)
    return redirect("mes_annonces")
