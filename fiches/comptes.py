"""Glue between the accounts library (django-allauth) and the brute-force lockout (django-axes)."""


def identifiant_de_connexion(request, credentials):
    """The account a log-in attempt is for: allauth sends ``email``, Wagtail's admin
    ``username``; counted in lower case so that « Claire@… » and « claire@… » add up."""
    credentials = credentials or {}
    value = (
        credentials.get("email")
        or credentials.get("username")
        or request.POST.get("login")
        or request.POST.get("username")
        or ""
    )
    return value.strip().lower()
