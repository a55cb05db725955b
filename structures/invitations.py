"""Inviting a colleague to join a structure by e-mail.

A member (or staff) invites an address; the e-mail carries a link signed for this one purpose
(``lien``). Whoever follows it, signed up with the address the link proves (allauth's verified
e-mail stash) or signed in, joins the structure by confirming on the page: a GET never joins,
because mail scanners and link previews open links before people do. Accepting is one
atomic UPDATE of the invitation, so that of two people confirming at once only one joins."""

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from ressources import emails as notifications

from . import adhesions
from .models import Adhesion, Invitation, Structure, nouveau_jeton

USAGE = "structures.invitation"
EXPIREE = ngettext_lazy(
    "Cette invitation a expiré : elle était valable %(jours)d jour. Demandez à un membre de "
    "la structure de vous inviter à nouveau.",
    "Cette invitation a expiré : elle était valable %(jours)d jours. Demandez à un membre de "
    "la structure de vous inviter à nouveau.",
    "jours",
)


class InvitationError(Exception):
    """Why an invitation cannot be used; ``status``: the HTTP status of the page saying so
    (410: it existed, 400: the link was never valid)."""

    def __init__(self, message, status=410):
        super().__init__(message)
        self.status = status


def peut_inviter(user, structure):
    """Members of the structure and staff (the same who decide on requests to join)."""
    return adhesions.peut_decider(user, structure)


def normaliser(email):
    return (email or "").strip().lower()


def deja_membre(structure, email):
    """Whether a member of ``structure`` has ``email`` (their account's or a confirmed one)."""
    adhesions = structure.adhesions.filter(statut=Adhesion.Statut.ACCEPTEE)
    return (
        adhesions.filter(user__email__iexact=email).exists()
        or adhesions.filter(
            user__emailaddress__email__iexact=email, user__emailaddress__verified=True
        ).exists()
    )


@transaction.atomic
def inviter(structure, email, by):
    """Invite ``email`` to ``structure`` and send the link. An address already invited gets
    the same link again with a new validity (no second invitation); a used invitation is
    made new (the person left since). InvitationError if the address is a member's."""
    email = normaliser(email)
    if deja_membre(structure, email):
        raise InvitationError(_("%(email)s est déjà membre de cette structure.") % {"email": email})
    invitation, created = Invitation.objects.select_for_update().get_or_create(
        structure=structure, email=email, defaults={"invited_by": by}
    )
    if not created:
        invitation.invited_by = by
        invitation.created_at = timezone.now()
        if invitation.accepted_at is not None:
            invitation.accepted_at = None
            invitation.token = nouveau_jeton()
        invitation.save()
    envoyer(invitation)
    return invitation, created


def envoyer(invitation):
    notifications.notify(
        [invitation.email],
        "structures/emails/invitation",
        {
            "invitation": invitation,
            "structure": invitation.structure,
            "invite_par": invitation.invited_by,
            "url": notifications.absolute(lien(invitation)),
            "jours": Invitation.VALIDITE.days,
        },
    )


def lien(invitation):
    return reverse("invitation", args=[signing.Signer(salt=USAGE).sign(invitation.token)])


def invitation_de(signed, now=None):
    """The pending invitation a signed link gives, or InvitationError saying why not."""
    try:
        token = signing.Signer(salt=USAGE).unsign(signed)
    except signing.BadSignature:
        raise InvitationError(
            _("Ce lien d'invitation n'est pas valable : il a peut-être été mal copié."),
            status=400,
        ) from None
    invitation = (
        Invitation.objects.filter(token=token).select_related("structure", "invited_by").first()
    )
    if invitation is None:
        raise InvitationError(
            _("Cette invitation n'existe plus : elle a été annulée par la structure.")
        )
    if invitation.accepted_at is not None:
        raise InvitationError(_("Cette invitation a déjà servi : elle ne vaut qu'une fois."))
    if invitation.expiree(now):
        raise InvitationError(EXPIREE % {"jours": Invitation.VALIDITE.days})
    return invitation


@transaction.atomic
def accepter(invitation, user, now=None):
    """Make ``user`` a member through ``invitation``; of two people accepting at once, the
    first wins and the other gets InvitationError."""
    now = now or timezone.now()
    used = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, created_at__gt=now - Invitation.VALIDITE
    ).update(accepted_at=now)
    if not used:
        raise InvitationError(_("Cette invitation a déjà servi : elle ne vaut qu'une fois."))
    invitation.accepted_at = now
    decision = {
        "statut": Adhesion.Statut.ACCEPTEE,
        "decided_by": invitation.invited_by,
        "decided_at": now,
    }
    adhesion, created = Adhesion.objects.get_or_create(
        structure=invitation.structure, user=user, defaults=decision
    )
    if not created and adhesion.statut != Adhesion.Statut.ACCEPTEE:
        Adhesion.objects.filter(pk=adhesion.pk).update(**decision)
    return adhesion


def annuler(invitation_pk, user):
    """Cancel a pending invitation of one of ``user``'s structures (staff: any); False if
    there is none such (already used, cancelled, or not theirs)."""
    invitations = Invitation.objects.filter(pk=invitation_pk, accepted_at__isnull=True)
    if not user.is_staff:
        invitations = invitations.filter(structure__in=Structure.objects.of_member(user))
    deleted, _rows = invitations.delete()
    return bool(deleted)
