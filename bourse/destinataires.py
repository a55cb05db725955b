"""Who the bourse's e-mails go to: the members of a structure (their verified addresses: for
the conversations and their outcomes); for the lifecycle of an annonce (issue 19, point 4), its
author, or, when that account is gone or inactive, the members of its structure; and the
animators of a département, or the Modérateurs when nobody animates it."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from structures.models import Adhesion

from .tasks import moderateurs


def membres(structure, sauf_user_id=None):
    """The verified main addresses of ``structure``'s members (accepted memberships, active
    accounts), but the sender's."""
    adresses = EmailAddress.objects.filter(
        verified=True,
        primary=True,
        user__is_active=True,
        user__adhesions__structure=structure,
        user__adhesions__statut=Adhesion.Statut.ACCEPTEE,
    )
    if sauf_user_id is not None:
        adresses = adresses.exclude(user_id=sauf_user_id)
    return sorted({email.lower() for email in adresses.values_list("email", flat=True)})


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
