from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from ressources import serving

from ..models import PieceJointe, Structure


def can_download(user, piece):
    """Public once the fiche is published; before that, only its structure's members (and
    the person who uploaded a file not yet attached) and the moderators in the admin."""
    fiche = piece.fiche
    if fiche is None:
        return user.is_authenticated and piece.deposee_par_id == user.pk
    if piece.publiee and fiche.live:
        return True
    if not user.is_authenticated:
        return False
    if Structure.objects.of_member(user).filter(pk=fiche.structure_id).exists():
        return True
    return fiche.permissions_for_user(user).can_publish()


@require_safe
def telecharger(request, pk):
    piece = get_object_or_404(PieceJointe.objects.select_related("fiche"), pk=pk)
    if not can_download(request.user, piece):
        raise Http404
    return serving.download(
        request, piece.fichier, piece.nom, title=piece.nom, count=piece.count_download
    )
