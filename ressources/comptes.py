"""What the site knows of a signed-in person's addresses (django-allauth). Registrations and
alerts are kept by address, not by account: an account reaches those of its *verified*
addresses only, or signing up with somebody else's address would show their registrations."""

from allauth.account.models import EmailAddress


def adresses_verifiees(user):
    """The verified addresses of ``user``, in lower case (one query)."""
    if not user.is_authenticated:
        return []
    return sorted(
        {
            address.lower()
            for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
                "email", flat=True
            )
        }
    )


def toutes_les_adresses(user):
    """Every address of ``user``: the account's and those allauth holds, verified or not,
    in lower case (for forgetting a person: what was asked in their name goes too)."""
    emails = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    return sorted({address.lower() for address in [*emails, user.email] if address})
