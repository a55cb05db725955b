"""A registrant's personal links, signed for one purpose each: one shows the registration (and
its calendar file), the other cancels it; a link that shows cannot cancel. The signature has no
timestamp, so a link is the same in every e-mail; links stop working some time after the
workshop's end, and for good once the registration is cancelled or anonymised (new token)."""

from datetime import timedelta

from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models.inscriptions import Inscription

# Personal links stop working this long after the workshop's end.
LIENS_VALABLES_APRES = timedelta(days=30)
VOIR = "evenements.inscription.voir"
ANNULER = "evenements.inscription.annuler"
EXPIRE = ngettext_lazy(
    "Ce lien a expiré : les liens personnels cessent de fonctionner %(jours)d jour après la "
    "fin de l'atelier.",
    "Ce lien a expiré : les liens personnels cessent de fonctionner %(jours)d jours après la "
    "fin de l'atelier.",
    "jours",
)


class LienInvalide(Exception):
    pass


def _signe(inscription, usage):
    return signing.Signer(salt=usage).sign(inscription.token)


def _route(inscription, name, usage):
    """A route of the workshop's agenda (``AgendaPage``), which serves the personal pages."""
    agenda = inscription.atelier.agenda
    return (agenda.url or "") + agenda.reverse_subpage(name, args=[_signe(inscription, usage)])


def voir(inscription):
    """The personal page: status, visio link, calendar file."""
    return _route(inscription, "inscription", VOIR)


def calendrier(inscription):
    """The participant's own calendar file (with the visio link)."""
    return _route(inscription, "inscription_ics", VOIR)


def annuler(inscription):
    """The confirmation page that cancels the registration and deletes its data."""
    return _route(inscription, "inscription_annuler", ANNULER)


def inscription_de(signed, usage, now=None):
    """The registration a link signed for ``usage`` gives access to, or LienInvalide."""
    token = _token(signed, usage)
    inscription = (
        Inscription.objects.filter(token=token, anonymisee_at__isnull=True)
        .select_related("atelier")
        .first()
    )
    if inscription is None:
        raise LienInvalide(
            _(
                "Cette inscription n'existe plus : elle a été annulée, ou l'atelier est passé "
                "depuis longtemps."
            )
        )
    if not inscription.atelier.liens_valables(now or timezone.now()):
        raise LienInvalide(EXPIRE % {"jours": LIENS_VALABLES_APRES.days})
    return inscription


def _token(signed, usage):
    try:
        return signing.Signer(salt=usage).unsign(signed)
    except signing.BadSignature:
        pass
    if usage == ANNULER and _signed_for(signed, VOIR):
        raise LienInvalide(
            _(
                "Ce lien permet de voir votre inscription, pas de l'annuler : pour annuler, "
                "ouvrez le lien « Annuler mon inscription » de l'e-mail reçu en vous inscrivant."
            )
        )
    raise LienInvalide(_("Ce lien n'est pas valable : il a peut-être été mal copié."))


def _signed_for(signed, usage):
    try:
        signing.Signer(salt=usage).unsign(signed)
    except signing.BadSignature:
        return False
    return True
