"""What « Mon espace » shows of the bourse: the annonces of the person's structures."""

from django.db.models import Prefetch

from structures.models import Structure

from .attestation import annees_par_structure
from .models import Annonce, Conversation


def mes_annonces(user):
    """The context of ``bourse/mes_annonces.html``: the annonces with the outcome of each of
    their conversations, and the years each structure has an attestation for (a fixed
    number of queries)."""
    conversations = Conversation.objects.select_related("structure").order_by("created_at", "pk")
    annonces = (
        Annonce.objects.de_membre(user)
        .select_related("structure")
        .prefetch_related(Prefetch("conversations", queryset=conversations))
    )
    structures = list(Structure.objects.of_member(user).order_by("nom"))
    return {
        "annonces": annonces.order_by("-updated_at", "-pk"),
        "attestations": annees_par_structure(structures),
    }


def donnees(user):
    """The annonces ``user`` wrote, for the data export (they stay with their structure when
    the account is deleted: their author becomes « nobody »)."""
    annonces = Annonce.objects.filter(auteur=user).select_related("structure").order_by("pk")
    return [
        {
            "titre": annonce.titre,
            "sens": annonce.get_sens_display(),
            "nature": annonce.get_nature_display(),
            "etat": annonce.get_etat_display(),
            "structure": annonce.structure.nom,
            "description": annonce.description,
            "publiee_le": annonce.published_at,
            "fin": annonce.fin,
        }
        for annonce in annonces
    ]
