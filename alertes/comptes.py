"""What « Mon espace » (``espace``) needs of the alerts: a person's alerts (made signed in, or
for one of the account's verified addresses), their rows for the data export, and deleting
them with the account (every address the account ever held: what was asked in the person's
name goes too)."""

from django.db.models import Q

from ressources.comptes import adresses_verifiees, toutes_les_adresses

from . import requetes
from .models import Alerte


def alertes_de(user):
    """The alerts of ``user``, the latest first."""
    return Alerte.objects.filter(Q(user=user) | Q(email__in=adresses_verifiees(user)))


def donnees_personnelles(user):
    """Their alerts as rows (flat, JSON- and CSV-ready) for the data export."""
    return [
        {
            "alerte": alerte.description,
            "liste": alerte.quoi,
            "requete": requetes.querystring(alerte.criteres),
            "langue": alerte.langue,
            "frequence": alerte.get_frequence_display(),
            "email": alerte.email,
            "creee_le": alerte.created_at.isoformat(),
            "confirmee_le": alerte.confirmed_at.isoformat() if alerte.confirmed_at else "",
            "nouveautes_envoyees_jusqu_au": (
                alerte.envoyee_jusqu_a.isoformat() if alerte.envoyee_jusqu_a else ""
            ),
        }
        for alerte in alertes_de(user).order_by("created_at", "pk")
    ]


#: The name each app's module gives it (``espace.sections``).
donnees = donnees_personnelles


def supprimer_pour(user):
    """Delete every alert of ``user``, by account or by any of its addresses. How many."""
    deleted, _details = Alerte.objects.filter(
        Q(user=user) | Q(email__in=toutes_les_adresses(user))
    ).delete()
    return deleted
