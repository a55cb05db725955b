"""Glue between the accounts library (django-allauth) and the brute-force lockout (django-axes)."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Q


def identifiant_de_connexion(request, credentials):
    """What django-axes counts a log-in attempt against: the account it names, whatever the
    form and the identifier. allauth's form sends ``email``; Wagtail's and Django's send
    ``username``, where people may type their username or their address (allauth's backend
    accepts both), in any case. So all the ways of naming one account add up to one lockout,
    « compte:<id> ». What names no account (or several) counts as typed, in lower case."""
    typed = identifiant_saisi(request, credentials)
    compte = compte_nomme(typed)
    return f"compte:{compte}" if compte is not None else typed


def identifiant_saisi(request, credentials):
    credentials = credentials or {}
    value = (
        credentials.get("email")
        or credentials.get("username")
        or request.POST.get("login")
        or request.POST.get("username")
        or ""
    )
    return value.strip().lower()


def compte_nomme(identifiant):
    """The id of the one account ``identifiant`` names (its username, its address or one of
    its confirmed or unconfirmed addresses, case ignored), else None."""
    if not identifiant:
        return None
    User = get_user_model()
    adresses = EmailAddress.objects.filter(email__iexact=identifiant).values("user_id")
    comptes = User.objects.filter(
        Q(**{f"{User.USERNAME_FIELD}__iexact": identifiant})
        | Q(email__iexact=identifiant)
        | Q(pk__in=adresses)
    ).values_list("pk", flat=True)[:2]
    comptes = list(comptes)
    return comptes[0] if len(comptes) == 1 else None
