"""« Mon espace »: a contributor's fiches and where each stands, their structures, and the
requests to join them they have to answer."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from wagtail.models import Locale

from structures import espace

from .. import moderation
from ..models import FicheIndexPage


def fiche_index():
    """Where new fiches go: the fiches page of the active language, else the default one."""
    index = FicheIndexPage.objects.filter(locale=Locale.get_active()).first()
    return index or FicheIndexPage.objects.filter(locale=Locale.get_default()).first()


def proposer_url():
    """« Proposer une fiche »: the route of the fiches index (``FicheIndexPage.proposer``)."""
    index = fiche_index()
    if index is None or index.url is None:
        return ""
    return index.url + index.reverse_subpage("proposer")


@login_required
def mon_espace(request):
    fiches = (
        moderation.fiches_of(request.user)
        .select_related("structure")
        .order_by("-latest_revision_created_at")
    )
    return render(
        request,
        "fiches/mon_espace.html",
        {
            "fiches": moderation.describe(fiches),
            "mes_structures": espace.mes_structures(request.user),
            "proposer_url": proposer_url(),
        },
    )
