"""The public pages of structures: the directory, a structure's page, registering one,
asking to join it and its members deciding."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from ressources import json_ld

from . import adhesions, annuaire
from .forms import AdhesionForm, StructureForm
from .models import Adhesion, Structure

STRUCTURES_PER_PAGE = 30
#: The Wagtail hook through which other apps add a section to a structure's page: each
#: function gets ``(request, structure)`` and returns HTML. The fiches a structure wrote come
#: this way, so that this app knows nothing of fiches.
PAGE_SECTIONS_HOOK = "structure_page_sections"


def structure_list(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    structures = annuaire.matching(Structure.objects.all(), query)
    page = Paginator(structures, STRUCTURES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "structures/structure_list.html",
        {
            "query": query,
            "structures": page,
            "elided_page_range": page.paginator.get_elided_page_range(page.number),
            "json_ld": json_ld.breadcrumb_list(
                request, json_ld.home_trail(request, (_("Structures"), reverse("structures")))
            ),
        },
    )


def structure_detail(request, slug, form=None):
    structure = get_object_or_404(Structure, slug=slug)
    adhesion = None
    if request.user.is_authenticated:
        adhesion = structure.adhesions.filter(user=request.user).first()
    sections = [section(request, structure) for section in hooks.get_hooks(PAGE_SECTIONS_HOOK)]
    return render(
        request,
        "structures/structure_detail.html",
        {
            "structure": structure,
            "adhesion": adhesion,
            "form": form or AdhesionForm(),
            "sections": sections,
            "json_ld": [
                structure.json_ld(request),
                json_ld.breadcrumb_list(
                    request,
                    json_ld.home_trail(
                        request,
                        (_("Structures"), reverse("structures")),
                        (structure.nom, structure.get_absolute_url()),
                    ),
                ),
            ],
        },
    )


@login_required
def structure_create(request):
    form = StructureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            structure = adhesions.creer_structure(form, request.user)
        except IntegrityError:  # the same number registered a moment ago by someone else
            form.add_error(
                None, _("Cette structure vient d'être inscrite : cherchez-la pour la rejoindre.")
            )
            return render(request, "structures/structure_form.html", {"form": form})
        messages.success(request, _("La structure « %(nom)s » est créée.") % {"nom": structure.nom})
        return redirect("mon_espace")
    return render(request, "structures/structure_form.html", {"form": form})


@login_required
@require_POST
def structure_join(request, slug):
    structure = get_object_or_404(Structure, slug=slug)
    form = AdhesionForm(request.POST)
    if not form.is_valid():  # the person's message comes back, with what is wrong
        return structure_detail(request, slug, form=form)
    try:
        adhesions.demander(structure, request.user, form.cleaned_data["message"])
    except adhesions.AdhesionError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, _("Votre demande a été envoyée aux membres de la structure."))
    return redirect(structure)


@login_required
@require_POST
def adhesion_decide(request, pk, accepter):
    adhesion = get_object_or_404(Adhesion.objects.select_related("structure", "user"), pk=pk)
    if not adhesions.peut_decider(request.user, adhesion.structure):
        raise Http404
    try:
        adhesions.decider(adhesion, accepter=accepter, by=request.user)
    except adhesions.AdhesionError as error:
        messages.info(request, str(error))
    else:
        messages.success(
            request, _("La demande de %(email)s est traitée.") % {"email": adhesion.user.email}
        )
    return redirect("mon_espace")
