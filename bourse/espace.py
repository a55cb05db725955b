"""What « Mon espace » shows of the bourse: the annonces of the person's structures."""

from .models import Annonce


def mes_annonces(user):
    """The context of ``bourse/mes_annonces.html``."""
    annonces = Annonce.objects.de_membre(user).select_related("structure")
    return {"annonces": annonces.order_by("-updated_at", "-pk")}


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
