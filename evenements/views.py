"""The public side of registrations, served by the routes of the pages (``models/``): the form
of a workshop page and « Renvoyer mon lien », which both answer with the same neutral
« Vérifiez vos e-mails » (nobody learns there whether an address is registered); a
registrant's personal page, calendar file and cancellation, under the agenda."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ressources import limites
from ressources.pages_personnelles import personnelle

from . import calendrier, inscriptions, liens, notifications
from .forms import InscriptionForm, RenvoiLienForm

RENVOIS_PAR_IP = "10/h"
LIENS_PAR_ADRESSE = "3/h"  # e-mails of links to one address, whichever form asked for them
INSCRIPTION, RENVOI = "inscription", "lien"


def _verifiez(atelier, demande):
    url = atelier.url + atelier.reverse_subpage("verifiez")
    return redirect(f"{url}?{urlencode({'demande': demande})}")


def _trop_de_liens(request, adresse):
    return limites.depasse_pour(request, "evenements.liens", LIENS_PAR_ADRESSE, adresse)


@require_POST
def inscrire(request, atelier):
    """The registration form of a workshop page: a new registration and an address already
    registered get the same answer (the latter its links again, by e-mail); errors re-display
    the page with the form."""
    form = InscriptionForm(request.POST)
    if form.is_valid():
        try:
            inscriptions.inscrire(atelier, **_fields(form))
        except inscriptions.DejaInscrit as deja:
            if deja.inscription and not _trop_de_liens(request, deja.inscription.email):
                notifications.renvoyer_liens(deja.inscription)
            return _verifiez(atelier, INSCRIPTION)
        except inscriptions.InscriptionError as error:
            form.add_error(None, str(error))
        else:
            return _verifiez(atelier, INSCRIPTION)
    return atelier.render(request, context_overrides={"inscription_form": form})


def _fields(form):
    data = form.cleaned_data
    return {key: data[key] for key in ("nom", "email", "structure", "besoins")}


@require_POST
def renvoyer_lien(request, atelier):
    """« Renvoyer mon lien »: the same answer whether the address is registered or not;
    limited per IP address and per e-mail address."""
    form = RenvoiLienForm(request.POST)
    valid = form.is_valid()
    limite = limites.depasse(request, "evenements.renvoi", RENVOIS_PAR_IP)
    if valid and not limite:
        limite = _trop_de_liens(request, form.adresse())
    if valid and not limite:
        if atelier.liens_valables():
            for inscription in atelier.inscriptions.filter(
                email=form.adresse(), anonymisee_at__isnull=True
            ):
                notifications.renvoyer_liens(inscription)
        return _verifiez(atelier, RENVOI)
    status = limites.formulaire_refuse(form) if limite else 200
    response = atelier.render(request, context_overrides={"renvoi_form": form})
    response.status_code = status
    return response


def verifiez(request, atelier):
    """« Vérifiez vos e-mails », the same for everybody: what the e-mail holds, not whether
    one went."""
    demande = RENVOI if request.GET.get("demande") == RENVOI else INSCRIPTION
    return render(
        request,
        "evenements/verifiez.html",
        {"atelier": atelier, "renvoi": demande == RENVOI},
    )


def refus(request, agenda, erreur):
    """A clear page for a personal link that cannot be used (tampered, gone, too late)."""
    return render(
        request,
        "evenements/lien_invalide.html",
        {
            "erreur": erreur,
            "agenda_url": agenda.url or "",
            "jours_liens": liens.LIENS_VALABLES_APRES.days,
        },
        status=400,
    )


@personnelle
def inscription(request, agenda, signed):
    """A participant's own page: status, visio link, calendar, how to cancel."""
    try:
        inscription = liens.inscription_de(signed, liens.VOIR)
    except liens.LienInvalide as error:
        return refus(request, agenda, error)
    atelier = inscription.atelier
    return render(
        request,
        "evenements/inscription.html",
        {
            "inscription": inscription,
            "atelier": atelier,
            "passe": atelier.est_passe,
            "rang": inscriptions.rang(inscription),
            "calendrier_url": liens.calendrier(inscription),
        },
    )


@personnelle
def inscription_ics(request, agenda, signed):
    """The participant's own calendar file, with the visio link once their seat is confirmed."""
    try:
        inscription = liens.inscription_de(signed, liens.VOIR)
    except liens.LienInvalide as error:
        return refus(request, agenda, error)
    return calendrier.participant_response(request, inscription)


@personnelle
@require_http_methods(["GET", "HEAD", "POST"])
def annuler(request, agenda, signed):
    """« Annuler mon inscription ? »: the page says what will be deleted; its form does it."""
    try:
        inscription = liens.inscription_de(signed, liens.ANNULER)
    except liens.LienInvalide as error:
        return refus(request, agenda, error)
    atelier = inscription.atelier
    if request.method == "POST":
        try:
            inscriptions.annuler(inscription)
        except inscriptions.InscriptionError as error:
            return refus(request, agenda, error)
        messages.success(
            request,
            _(
                "Votre inscription est annulée et vos données sont supprimées. Un e-mail vous "
                "le confirme. À bientôt !"
            ),
        )
        return redirect(atelier.url or "/")
    if atelier.est_passe:
        return refus(
            request, agenda, _("Cet atelier est passé : l'inscription ne peut plus être annulée.")
        )
    return render(
        request,
        "evenements/annuler.html",
        {"inscription": inscription, "atelier": atelier},
    )
