"""Who the lifecycle e-mails of an annonce go to (issue 19, point 4): its author, or, when that
account is gone or inactive, the members of its structure; and the animators of a
département, or the Modérateurs when nobody animates it."""

from django.contrib.auth import get_user_model

from structures.models import Adhesion

from .tasks import moderateurs


def actifs(users):
    return list(
        users.filter(is_active=True).exclude(email="").distinct().values_list("email", flat=True)
    )


def auteurs(annonce):
    """The author's address, else those of the structure's members (accepted ones)."""
    auteur = annonce.auteur
    if auteur is not None and auteur.is_active and auteur.email:
        return [auteur.email]
    membres = get_user_model().objects.filter(
        adhesions__structure_id=annonce.structure_id,
        adhesions__statut=Adhesion.Statut.ACCEPTEE,
    )
    return sorted(actifs(membres))


def animateurs(departements):
    """The addresses of the animators named for one of ``departements`` (codes); nobody named
    (an annonce only « à distance » has no département) → the Modérateurs."""
    users = get_user_model().objects.filter(departements_animes__departement__in=list(departements))
    trouves = sorted(actifs(users)) if departements else []
    return trouves or sorted(moderateurs())
