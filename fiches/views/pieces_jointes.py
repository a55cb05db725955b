from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from ressources import serving
from structures.models import Structure

from ..models import PieceJointe


def is_public(piece):
    """Anyone may download it: published with its fiche, which no restriction hides."""
    fiche = piece.fiche
    return (
        fiche is not None
        and piece.publiee
        and fiche.live
        and not fiche.get_view_restrictions().exists()
    )


def is_author(user, piece):
    """The person who uploaded it, or a member of the fiche's structure."""
    if not user.is_authenticated:
        return False
    if piece.deposee_par_id == user.pk:
        return True
    fiche = piece.fiche
    return (
        fiche is not None
        and Structure.objects.of_member(user).filter(pk=fiche.structure_id).exists()
    )


def can_download(request, piece):
    """Not public (see ``is_public``): a published file of a restricted fiche for who passes
    the restriction; any other one for its authors (a file not yet attached: only the
    person who uploaded it) and the moderators."""
    fiche, user = piece.fiche, request.user
    if fiche is None:
        return user.is_authenticated and piece.deposee_par_id == user.pk
    if piece.publiee and fiche.live:
        restrictions = fiche.get_view_restrictions()
        if all(restriction.accept_request(request) for restriction in restrictions):
            return True
    if is_author(user, piece):
        return True
    return user.is_authenticated and fiche.permissions_for_user(user).can_publish()


@require_safe
def telecharger(request, pk):
    piece = get_object_or_404(PieceJointe.objects.select_related("fiche"), pk=pk)
    public = is_public(piece)
    if not (public or can_download(request, piece)):
        raise Http404
    return serving.download(
        request,
        piece.fichier,
        piece.nom,
        title=piece.nom,
        count=piece.count_download,
        public=public,
        by_author=is_author(request.user, piece),
    )
