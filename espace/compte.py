"""The account itself, in the data export: what the person gave and what the site noted, one
row per address."""

from allauth.account.models import EmailAddress


def donnees(user):
    personne = {
        "nom": user.get_full_name(),
        "inscrit_le": user.date_joined,
        "derniere_connexion": user.last_login,
    }
    adresses = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    lignes = adresses.values_list("email", "primary", "verified")
    return [
        {"adresse": email, "principale": principale, "verifiee": verifiee, **personne}
        for email, principale, verifiee in (list(lignes) or [(user.email, True, False)])
    ]
