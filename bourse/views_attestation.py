"""« Attestation » of a structure's exchanges for a year, as a page and as a PDF: members of
that structure only (anyone else gets a 404), never cached nor indexed (``personnelle``)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from ressources import emails
from ressources.pages_personnelles import personnelle
from structures.models import Structure

from . import attestation_pdf
from .attestation import CE_QUE_CEST, VALORISATION, annee_valide, annees_par_structure
from .attestation import attestation as attestation_de


def structure_et_annee(request, slug, annee):
    if not annee_valide(annee):
        raise Http404
    return get_object_or_404(Structure.objects.of_member(request.user), slug=slug)


@login_required
@personnelle
def attestation(request, slug, annee):
    structure = structure_et_annee(request, slug, annee)
    annees = annees_par_structure([structure])
    return render(
        request,
        "bourse/attestation.html",
        {
            "attestation": attestation_de(structure, annee),
            "structure": structure,
            "annee": annee,
            "annees": annees[0][1] if annees else [],
            "ce_que_c_est": CE_QUE_CEST,
            "valorisation": VALORISATION,
        },
    )


@login_required
@personnelle
def attestation_pdf_vue(request, slug, annee):
    structure = structure_et_annee(request, slug, annee)
    adresse = emails.absolute(reverse("attestation", args=[slug, annee]))
    contenu = attestation_pdf.document(
        attestation_de(structure, annee), adresse, (CE_QUE_CEST, VALORISATION)
    )
    response = HttpResponse(contenu, content_type="application/pdf")
    nom = f"attestation-entraide-{structure.slug}-{annee}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{nom}"'
    return response
