"""Messages of the contact form, handed to the task worker and sent by e-mail to the staff:
the site keeps no copy of its own (the outbox forgets a sent e-mail after 30 days, the task
queue a finished task after ``prune_db_task_results``' 14 days).

Who receives them: the addresses of ``CONTACT_DESTINATAIRES`` (an environment variable, a
comma-separated list) when set; else the active editors and moderators (the network's staff,
who answer readers and fix the pages); else the site's ``ADMINS``."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import emails

GROUPES_DESTINATAIRES = ("Éditeurs", "Modérateurs")
SUJETS = [
    ("question", _("Une question sur une ressource ou un atelier")),
    ("erreur", _("Signaler une erreur")),
    ("partenariat", _("Proposer un partenariat ou une ressource")),
    ("compte", _("Mon compte ou ma structure")),
    ("donnees_personnelles", _("Mes données personnelles (accès, rectification, effacement)")),
    ("accessibilite", _("Un problème d'accessibilité")),
    ("autre", _("Autre chose")),
]


def destinataires():
    if settings.CONTACT_DESTINATAIRES:
        return list(settings.CONTACT_DESTINATAIRES)
    equipe = emails.adresses_des_groupes(*GROUPES_DESTINATAIRES)
    return equipe or [address for _name, address in settings.ADMINS]
