"""An alert's signed links, one purpose each: the confirmation link of the e-mail sent to an
address without an account (it expires with the unconfirmed alert), and the unsubscribe link
of every digest (no expiry: it works as long as the alert exists, and stops for good once it
is deleted). Both sign the alert's random token, never its id or address."""

from datetime import timedelta

from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Alerte

#: An alert nobody confirmed is deleted after this (``envoyer_alertes``), and its link fails.
CONFIRMATION_VALABLE = timedelta(days=3)
CONFIRMER = "alertes.confirmer"
DESABONNER = "alertes.desabonner"


class LienInvalide(Exception):
    status = 400


class AlerteDisparue(LienInvalide):
    status = 404


def confirmer(alerte):
    signed = signing.TimestampSigner(salt=CONFIRMER).sign(alerte.token)
    return reverse("alertes:confirmer", args=[signed])


def desabonner(alerte):
    signed = signing.Signer(salt=DESABONNER).sign(alerte.token)
    return reverse("alertes:desabonner", args=[signed])


def alerte_a_confirmer(signed):
    try:
        token = signing.TimestampSigner(salt=CONFIRMER).unsign(signed, max_age=CONFIRMATION_VALABLE)
    except signing.SignatureExpired as error:
        raise LienInvalide(
            _(
                "Ce lien de confirmation a expiré (il est valable %(jours)d jours) : "
                "demandez l'alerte à nouveau depuis la liste qui vous intéresse."
            )
            % {"jours": CONFIRMATION_VALABLE.days}
        ) from error
    except signing.BadSignature as error:
        raise LienInvalide(
            _("Ce lien n'est pas valable : il a peut-être été mal copié.")
        ) from error
    return _alerte(token)


def alerte_a_desabonner(signed):
    try:
        token = signing.Signer(salt=DESABONNER).unsign(signed)
    except signing.BadSignature as error:
        raise LienInvalide(
            _("Ce lien n'est pas valable : il a peut-être été mal copié.")
        ) from error
    return _alerte(token)


def _alerte(token):
    alerte = Alerte.objects.filter(token=token).first()
    if alerte is None:
        raise AlerteDisparue(
            _("Cette alerte n'existe plus : vous vous êtes déjà désabonné, ou elle a expiré.")
        )
    return alerte
