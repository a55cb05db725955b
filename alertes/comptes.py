"""What « Mon espace » (``espace``) needs of the alerts: a person's alerts (by account, or
by one of the account's verified addresses), their data for the export, and deleting them
with the account."""

from allauth.account.models import EmailAddress
from django.db.models import Q

from .models import Alerte


def alertes_de(user):
    """The alerts of ``user``: made signed in, or for one of their verified addresses."""
    adresses = EmailAddress.objects.filter(user=user, verified=True).values("email")
    return Alerte.objects.filter(
        Q(user=user) | Q(email__in=adresses) | Q(email__iexact=user.email or "-")
    )


def donnees_personnelles(user):
    """JSON-serialisable data of the person's alerts, for the data export."""
    return [
        {
            "description": alerte.description,
            "liste": alerte.quoi,
            "criteres": alerte.criteres,
            "langue": alerte.langue,
            "frequence": alerte.frequence,
            "email": alerte.email,
            "creee_le": alerte.created_at.isoformat(),
            "confirmee_le": alerte.confirmed_at.isoformat() if alerte.confirmed_at else None,
            "nouveautes_envoyees_jusqu_au": (
                alerte.envoyee_jusqu_a.isoformat() if alerte.envoyee_jusqu_a else None
            ),
        }
        for alerte in alertes_de(user).order_by("created_at", "pk")
    ]


def supprimer_pour(user):
    """Delete every alert of ``user`` (by account or address). Returns how many."""
    deleted, _details = alertes_de(user).delete()
    return deleted
