"""A contributor's fiches in « Mon espace » (the page is the ``espace`` app's): where each
stands, and what they wrote, for the data they take away."""

from wagtail.models import Locale

from structures.models import Structure

from . import moderation
from .models import FicheIndexPage, FichePage


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


def mes_fiches(user):
    """The context of ``fiches/mes_fiches.html``: the fiches of ``user``'s structures, latest
    first, each with its state and what they may do with it."""
    fiches = (
        moderation.fiches_of(user)
        .select_related("structure")
        .order_by("-latest_revision_created_at")
    )
    return {
        "fiches": moderation.describe(fiches),
        "proposer_url": proposer_url(),
        "peut_proposer": Structure.objects.of_member(user).exists(),
    }


def donnees(user):
    """The fiches ``user`` created, for the data export (they stay with their structure when
    the account is deleted)."""
    fiches = FichePage.objects.filter(owner=user).select_related("structure")
    return [
        {
            "titre": fiche.draft_title,
            "structure": fiche.structure.nom,
            "etat": str(fiche.etat.label),
            "adresse": fiche.full_url if fiche.live else "",
            "creee_le": fiche.first_published_at or fiche.latest_revision_created_at,
        }
        for fiche in moderation.describe(fiches.order_by("pk"))
    ]
