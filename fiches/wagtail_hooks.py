from django.template.loader import render_to_string
from wagtail import hooks

from ressources.listing import with_taxonomy_labels
from structures.views import PAGE_SECTIONS_HOOK


@hooks.register(PAGE_SECTIONS_HOOK)
def fiches_de_la_structure(request, structure):
    """On a structure's page, the fiches it published, newest first."""
    fiches = structure.fiches.live().public().defer("rendered_texts").order_by("-last_published_at")
    return render_to_string(
        "fiches/structure_fiches.html",
        {"fiches": with_taxonomy_labels(fiches.prefetch_related("domaines"))},
        request=request,
    )
