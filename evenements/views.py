from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from . import calendrier, registrations
from .forms import InscriptionForm
from .models import AgendaPage, AtelierPage


@require_POST
def inscrire(request, pk):
    """The registration form of a workshop page; errors re-display the page with the form."""
    atelier = AtelierPage.objects.live().public().filter(pk=pk).first()
    if atelier is None:
        raise Http404
    form = InscriptionForm(request.POST)
    if form.is_valid():
        try:
            inscription = registrations.inscrire(atelier, **_fields(form))
        except registrations.InscriptionError as error:
            form.add_error(None, str(error))
        else:
            return redirect(registrations.lien(inscription))
    return atelier.serve(request, inscription_form=form)


def _fields(form):
    data = form.cleaned_data
    return {key: data[key] for key in ("nom", "email", "structure", "besoins")}


def refus(request, erreur):
    """A clear page for a personal link that cannot be used (tampered, gone, too late)."""
    agenda = AgendaPage.objects.live().filter(locale=Locale.get_active()).first()
    return render(
        request,
        "evenements/lien_invalide.html",
        {"erreur": erreur, "agenda_url": agenda.url if agenda else ""},
        status=400,
    )


def inscription(request, signed):
    """A participant's own page: status, visio link, calendar, cancellation."""
    try:
        inscription = registrations.depuis_lien(signed)
    except registrations.InscriptionError as error:
        return refus(request, error)
    atelier = inscription.atelier
    return render(
        request,
        "evenements/inscription.html",
        {
            "inscription": inscription,
            "atelier": atelier,
            "passe": atelier.est_passe,
            "signed": signed,
            "rang": registrations.rang(inscription),
        },
    )


@require_POST
def annuler(request, signed):
    try:
        inscription = registrations.depuis_lien(signed)
    except registrations.InscriptionError as error:
        return refus(request, error)
    atelier = inscription.atelier
    try:
        registrations.annuler(inscription)
    except registrations.InscriptionError as error:
        return refus(request, error)
    messages.success(
        request, _("Votre inscription est annulée et vos données sont supprimées. À bientôt !")
    )
    return redirect(atelier.url)


def agenda_ics(request):
    """/fr/ateliers/agenda.ics: the feed of the agenda of the active language."""
    agenda = AgendaPage.objects.live().filter(locale=Locale.get_active()).first()
    if agenda is None:
        raise Http404
    return calendrier.agenda_response(request, agenda)


def atelier_ics(request, slug):
    atelier = (
        AtelierPage.objects.live().public().filter(locale=Locale.get_active(), slug=slug).first()
    )
    if atelier is None:
        raise Http404
    return calendrier.atelier_response(request, atelier)
