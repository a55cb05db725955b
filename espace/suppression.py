"""Deleting one's account (issue 18): asked from « Mon espace », confirmed by a link sent to
the account's address (valid one day), then done at once, in one transaction.

What goes: the account and its addresses, memberships and alerts (foreign keys), what each
app gives up (``sections.SECTIONS``: upcoming registrations cancelled, past ones anonymised…),
the log-in attempts kept under the account's name or addresses (django-axes), and every copy
of an e-mail to or about its addresses in the outbox. What stays: the fiches, which belong to
their structure (their author becomes « nobody »), and counts without names."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.db.models import Q

from outbox.models import Email
from ressources.comptes import toutes_les_adresses

from .sections import SECTIONS

SALT = "espace.suppression"
VALABLE = 24 * 3600  # seconds


class LienInvalide(Exception):
    pass


def jeton(user):
    """The signed part of the confirmation link: the account and its address now."""
    return signing.dumps({"compte": user.pk, "adresse": user.email}, salt=SALT)


def compte_du_jeton(valeur):
    """The account a confirmation link names, if the link is genuine, less than a day old
    and the account still has that address; else ``LienInvalide``."""
    try:
        donnees = signing.loads(valeur, salt=SALT, max_age=VALABLE)
    except signing.SignatureExpired as erreur:
        raise LienInvalide("expire") from erreur
    except signing.BadSignature as erreur:
        raise LienInvalide("invalide") from erreur
    user = get_user_model().objects.filter(pk=donnees.get("compte"), is_active=True).first()
    if user is None or user.email != donnees.get("adresse"):
        raise LienInvalide("invalide")
    return user


def oublier_connexions(user, emails):
    """django-axes keeps log-in attempts under « compte:<id> » (fiches.comptes) or the
    address typed, and the attempt's form data."""
    noms = [f"compte:{user.pk}", *emails]
    AccessLog.objects.filter(username__in=noms).delete()
    AccessFailureLog.objects.filter(username__in=noms).delete()
    tentatives = Q(username__in=noms)
    for email in emails:
        tentatives |= Q(post_data__icontains=email) | Q(get_data__icontains=email)
    AccessAttempt.objects.filter(tentatives).delete()


def oublier_courriels(emails):
    for email in emails:
        Email.objects.mentioning(email).delete()


def supprimer(user):
    """Delete ``user`` and what the site keeps about them."""
    emails = toutes_les_adresses(user)
    with transaction.atomic():
        for section in SECTIONS:
            if section.supprimer is not None:
                section.supprimer(user)
        oublier_connexions(user, emails)
        user.delete()
        # The apps' e-mails about what was just undone (a cancelled registration) are
        # written when the transaction commits: forget them after those.
        transaction.on_commit(lambda: oublier_courriels(emails))
