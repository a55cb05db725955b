"""A signed-in person's registrations, for « Mon espace », the data they take away and the
deletion of their account. Registrations are made by address, without an account: a person
sees those of their verified addresses."""

from django.db.models import Q

from ressources.comptes import adresses_verifiees

from . import inscriptions
from .models.inscriptions import Inscription


def _de(adresses):
    if not adresses:
        return Inscription.objects.none()
    par_adresse = Q()
    for adresse in adresses:
        par_adresse |= Q(email__iexact=adresse)
    return Inscription.objects.filter(par_adresse, anonymisee_at__isnull=True)


def inscriptions_de(user):
    """Their registrations not yet anonymised, soonest workshop first, with their workshop."""
    return _de(adresses_verifiees(user)).select_related("atelier").order_by("atelier__debut", "pk")


def a_venir_et_passees(user):
    """(upcoming, past): past ones latest first."""
    toutes = list(inscriptions_de(user))
    a_venir = [i for i in toutes if not i.atelier.est_passe]
    passees = [i for i in reversed(toutes) if i.atelier.est_passe]
    return a_venir, passees


def inscription_de(user, pk):
    """One of their registrations, or None (somebody else's is not theirs to see)."""
    return inscriptions_de(user).filter(pk=pk).first()


def donnees(user):
    """Their registrations as rows for the data export."""
    return [
        {
            "atelier": inscription.atelier.title,
            "debut": inscription.atelier.debut,
            "statut": inscription.get_statut_display(),
            "nom": inscription.nom,
            "email": inscription.email,
            "structure": inscription.structure,
            "besoins": inscription.besoins,
            "inscrit_le": inscription.created_at,
        }
        for inscription in inscriptions_de(user)
    ]


def supprimer_pour(user):
    """Their registrations go: upcoming ones are cancelled (the seat goes to the waitlist,
    as when they cancel themselves, but nobody is told who left), past ones are anonymised now
    rather than 90 days after the workshop (which keeps its count of participants)."""
    a_venir, passees = a_venir_et_passees(user)
    for inscription in a_venir:
        inscriptions.annuler(inscription, oubli=True)
    inscriptions.anonymiser(Inscription.objects.filter(pk__in=[i.pk for i in passees]))
