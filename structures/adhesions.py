"""Joining a structure: a request that a current member (or staff) accepts or refuses."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ressources import emails as notifications

from .models import Adhesion, Structure


class AdhesionError(Exception):
    pass


@transaction.atomic
def creer_structure(form, user):
    """Save a new structure from its form; the person who creates it is its first member."""
    structure = form.save(commit=False)
    structure.created_by = user
    structure.save()
    Adhesion.objects.create(
        structure=structure, user=user, statut=Adhesion.Statut.ACCEPTEE, decided_by=user
    )
    return structure


def demander(structure, user, message=""):
    """Ask to join; a refused request may be asked again."""
    adhesion, created = Adhesion.objects.get_or_create(
        structure=structure, user=user, defaults={"message": message}
    )
    if adhesion.statut == Adhesion.Statut.ACCEPTEE:
        raise AdhesionError(_("Vous êtes déjà membre de cette structure."))
    if adhesion.statut == Adhesion.Statut.EN_ATTENTE and not created:
        raise AdhesionError(_("Votre demande a déjà été envoyée à cette structure."))
    if adhesion.statut == Adhesion.Statut.REFUSEE:
        adhesion.statut = Adhesion.Statut.EN_ATTENTE
        adhesion.message = message
        adhesion.decided_at = adhesion.decided_by = None
        adhesion.save()
    membres = structure.adhesions.filter(statut=Adhesion.Statut.ACCEPTEE).select_related("user")
    notifications.notify(
        [membre.user.email for membre in membres],
        "structures/emails/adhesion_demandee",
        {
            "structure": structure,
            "demandeur": user,
            "message": message,
            "url": notifications.absolute(reverse("mon_espace")),
        },
    )
    return adhesion


def peut_decider(user, structure):
    return user.is_authenticated and (user.is_staff or structure.has_member(user))


def demandes_a_traiter(user):
    """Pending requests to join the structures ``user`` belongs to."""
    return (
        Adhesion.objects.filter(
            statut=Adhesion.Statut.EN_ATTENTE, structure__in=Structure.objects.of_member(user)
        )
        .select_related("structure", "user")
        .order_by("created_at")
    )


def decider(adhesion, accepter, by):
    """Accept or refuse a pending request; of two members deciding at once, one wins and
    the other is told it is already done."""
    statut = Adhesion.Statut.ACCEPTEE if accepter else Adhesion.Statut.REFUSEE
    if not adhesion.decide(statut, by):
        raise AdhesionError(_("Cette demande a déjà été traitée."))
    notifications.notify(
        [adhesion.user.email],
        "structures/emails/adhesion_decidee",
        {
            "adhesion": adhesion,
            "structure": adhesion.structure,
            "acceptee": accepter,
            "url": notifications.absolute(reverse("mon_espace")),
        },
    )
    return adhesion


def quitter(structure, user):
    """``user`` leaves ``structure``: their membership is deleted (they may ask again later).

    The last member may leave too: the structure stays, with its published fiches, and staff
    give it to someone else by inviting them (``invitations.peut_inviter``). Refusing would
    keep a person in an organisation they left, and could not hold anyway: deleting one's
    account ends one's memberships. Returns True if nobody is left; AdhesionError if ``user``
    was not a member (a second click, or two tabs)."""
    deleted, _rows = Adhesion.objects.filter(
        structure=structure, user=user, statut=Adhesion.Statut.ACCEPTEE
    ).delete()
    if not deleted:
        raise AdhesionError(_("Vous n'êtes plus membre de cette structure."))
    return not structure.adhesions.filter(statut=Adhesion.Statut.ACCEPTEE).exists()
