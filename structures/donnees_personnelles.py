"""What the structures app keeps about a person, for « télécharger mes données » and for
deleting an account (« Mon espace »).

Memberships go with the account (``Adhesion.user`` cascades); invitations are kept by
address, so they are deleted here: those the person sent and those sent to any of their
addresses."""

from django.db.models import Q

from ressources.comptes import toutes_les_adresses

from .models import Adhesion, Invitation


def invitations_de(user):
    condition = Q(invited_by=user)
    for address in toutes_les_adresses(user):
        condition |= Q(email__iexact=address)
    return Invitation.objects.filter(condition)


def date(value):
    return value.isoformat() if value else None


def donnees(user):
    """JSON-serialisable: the person's memberships (asked, accepted, refused) and the
    invitations they sent or received."""
    adhesions = Adhesion.objects.filter(user=user).select_related("structure").order_by("pk")
    invitations = invitations_de(user).select_related("structure").order_by("pk")
    return {
        "adhesions": [
            {
                "structure": adhesion.structure.nom,
                "structure_slug": adhesion.structure.slug,
                "statut": adhesion.statut,
                "message": adhesion.message,
                "demandee_le": date(adhesion.created_at),
                "decidee_le": date(adhesion.decided_at),
            }
            for adhesion in adhesions
        ],
        "invitations": [
            {
                "structure": invitation.structure.nom,
                "email": invitation.email,
                "envoyee_par_moi": invitation.invited_by_id == user.pk,
                "envoyee_le": date(invitation.created_at),
                "acceptee_le": date(invitation.accepted_at),
            }
            for invitation in invitations
        ],
    }


def supprimer_pour(user):
    """Delete the invitations the person sent or received; returns how many."""
    deleted, _rows = invitations_de(user).delete()
    return deleted
