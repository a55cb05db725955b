"""When an editor last checked a guide or a modèle, and by when it must be checked again:
amounts, thresholds and laws change every 1 January, and a page nobody rereads goes wrong
quietly (issue 18)."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

#: How long a check holds unless the editor says otherwise.
DUREE_PAR_DEFAUT = datetime.timedelta(days=365)


def aujourd_hui():
    return timezone.localdate()  # TIME_ZONE is Paris


def dans_un_an():
    return aujourd_hui() + DUREE_PAR_DEFAUT


class Verification(models.Model):
    """Mixed into the page types editors write and must keep true."""

    verifie_le = models.DateField(
        _("vérifié le"),
        null=True,
        blank=True,
        help_text=_("Montré aux lecteurs : le jour où le contenu a été relu et confirmé."),
    )
    a_revoir_avant = models.DateField(
        _("à revoir avant le"),
        default=dans_un_an,
        help_text=_(
            "Les éditeurs sont prévenus à l'approche de cette date ; passée, la page le "
            "signale aux lecteurs. Un an au plus pour un contenu juridique ou financier."
        ),
    )

    verification_panels = [
        MultiFieldPanel(
            [FieldPanel("verifie_le"), FieldPanel("a_revoir_avant")],
            heading=_("Vérification"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def a_revoir(self):
        """Past the date by which it had to be checked again."""
        return self.a_revoir_avant is not None and self.a_revoir_avant < aujourd_hui()
