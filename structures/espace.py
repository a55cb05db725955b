"""« Mes structures » in « Mon espace »: the person's structures with their members, the
requests to join them and the invitations under way, and the person's own requests. A fixed
number of SQL queries (five), whatever the number of structures, members or invitations."""

from dataclasses import dataclass

from django.db.models import Prefetch

from .models import Adhesion, Invitation, Structure


@dataclass
class MesStructures:
    #: Each with ``membres`` (accepted memberships, their users), ``demandes`` (pending
    #: requests, their users) and ``invitations_en_cours`` (not used yet, expired included).
    structures: list
    #: The person's own requests still waiting for an answer (their structures selected).
    en_attente: list

    @property
    def demandes(self):
        """Every request to join one of the structures, oldest first."""
        found = [demande for structure in self.structures for demande in structure.demandes]
        return sorted(found, key=lambda demande: demande.created_at)


def mes_structures(user):
    if not user.is_authenticated:
        return MesStructures(structures=[], en_attente=[])
    adhesions = Adhesion.objects.select_related("user").order_by("created_at")
    structures = Structure.objects.of_member(user).prefetch_related(
        Prefetch(
            "adhesions",
            queryset=adhesions.filter(statut=Adhesion.Statut.ACCEPTEE),
            to_attr="membres",
        ),
        Prefetch(
            "adhesions",
            queryset=adhesions.filter(statut=Adhesion.Statut.EN_ATTENTE),
            to_attr="demandes",
        ),
        Prefetch(
            "invitations",
            queryset=Invitation.objects.filter(accepted_at__isnull=True)
            .select_related("invited_by")
            .order_by("-created_at"),
            to_attr="invitations_en_cours",
        ),
    )
    en_attente = Adhesion.objects.filter(
        user=user, statut=Adhesion.Statut.EN_ATTENTE
    ).select_related("structure")
    return MesStructures(structures=list(structures), en_attente=list(en_attente))
