"""Who animates the bourse in a département: the members of the Animateurs group staff name
for it. They are told when a demande of their département stays without an answer and when
several structures nearby ask for the same part-time skill (a possible shared job)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ressources.territoires import DEPARTEMENT_CHOICES

GROUPE_ANIMATEURS = "Animateurs"


class AnimateurDepartement(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("animateur ou animatrice"),
        on_delete=models.CASCADE,
        related_name="departements_animes",
        limit_choices_to={"groups__name": GROUPE_ANIMATEURS},
    )
    departement = models.CharField(_("département"), max_length=3, choices=DEPARTEMENT_CHOICES)

    class Meta:
        verbose_name = _("animation d'un département")
        verbose_name_plural = _("animation des départements")
        ordering = ["departement", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "departement"], name="animateur_departement_unique"
            )
        ]

    def __str__(self):
        return f"{self.get_departement_display()} — {self.user}"
