"""What « Mon espace » shows of the bourse: the annonces of the person's structures."""

from .models import Annonce


def mes_annonces(user):
    """The context of ``bourse/mes_annonces.html``."""
    annonces = Annonce.objects.de_membre(user).select_related("structure")
    return {"annonces": annonces.order_by("-updated_at", "-pk")}
