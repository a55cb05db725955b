"""The one-click links of the lifecycle e-mails (issue 19, point 4): « Toujours d'actualité »,
« Pourvue », « Retirer », for an author who does not log in.

Each link is signed for one purpose (a « renouveler » link cannot withdraw) and names the
annonce AND its end date at the time of the e-mail: once the annonce is renewed (a new end
date) or closed, the old links stop working, so a link kept in a mailbox cannot act twice or
undo a later choice. They also expire after ``VALABLE`` (a mailbox is not a safe forever)."""

from datetime import date, timedelta

from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Annonce, Etat

RENOUVELER = "renouveler"
POURVUE = "pourvue"
RETIRER = "retirer"
ACTIONS = (RENOUVELER, POURVUE, RETIRER)
#: A link of the e-mail sent 7 days before the end still works a while after the end.
VALABLE = timedelta(days=30)
SEL = "bourse.cycle."


class LienInvalide(Exception):
    """A link that cannot act; ``status`` 400 (forged or mistyped) or 410 (too late)."""

    status = 400


class LienPerime(LienInvalide):
    status = 410


def _signer(action):
    return signing.TimestampSigner(salt=SEL + action)


def signer(annonce, action):
    """The signed part of the address: ``<pk>.<fin>`` with a timestamp, for ``action``."""
    return _signer(action).sign(f"{annonce.pk}.{annonce.fin.isoformat()}")


def lien(annonce, action):
    """The path of the page that shows the button for ``action``."""
    return reverse("annonce_lien", args=[action, signer(annonce, action)])


def liens(annonce):
    """{action: path} for an e-mail."""
    return {action: lien(annonce, action) for action in ACTIONS}


def lire(action, signed):
    """``(annonce, fin)`` the link was made for, or ``LienInvalide`` saying why, in French."""
    try:
        valeur = _signer(action).unsign(signed, max_age=VALABLE)
        pk, fin = valeur.split(".", 1)
        annonce = Annonce.objects.select_related("structure").filter(pk=int(pk)).first()
        fin = date.fromisoformat(fin)
    except signing.SignatureExpired as error:
        raise LienPerime(
            _(
                "Ce lien a expiré (il est valable %(jours)d jours) : connectez-vous et gérez "
                "l'annonce depuis « Mes annonces »."
            )
            % {"jours": VALABLE.days}
        ) from error
    except (signing.BadSignature, ValueError) as error:
        raise LienInvalide(
            _("Ce lien n'est pas valable : il a peut-être été mal copié.")
        ) from error
    if annonce is None:
        raise LienPerime(_("Cette annonce n'existe plus."))
    if annonce.fin != fin or annonce.etat in (Etat.POURVUE, Etat.RETIREE):
        raise LienPerime(
            _(
                "Ce lien a déjà servi : l'annonce a été renouvelée ou close depuis cet e-mail. "
                "Son état actuel : %(etat)s."
            )
            % {"etat": annonce.get_etat_display()}
        )
    if annonce.etat not in (Etat.PUBLIEE, Etat.EXPIREE):
        raise LienPerime(_("Cette annonce n'est plus publiée : gérez-la depuis « Mes annonces »."))
    return annonce, fin
