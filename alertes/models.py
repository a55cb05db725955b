"""A saved query (« Me prévenir »): what to look for, how often, and where to write."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def nouveau_token():
    return secrets.token_urlsafe(24)


class Frequence(models.TextChoices):
    QUOTIDIENNE = "quotidienne", _("Chaque jour")
    HEBDOMADAIRE = "hebdomadaire", _("Chaque semaine")


class Quoi(models.TextChoices):
    """Which listing the query filters; its parameters are those of that listing."""

    RESSOURCES = "ressources", _("Ressources")
    FICHES = "fiches", _("Fiches pratiques")
    ATELIERS = "ateliers", _("Ateliers")
    RECHERCHE = "recherche", _("Recherche")
    BOURSE = "bourse", _("Bourse d'entraide")


class AlerteQuerySet(models.QuerySet):
    def confirmees(self):
        return self.filter(confirmed_at__isnull=False)


class Alerte(models.Model):
    quoi = models.CharField(_("liste"), max_length=12, choices=Quoi.choices)
    #: The canonical, allow-listed parameters (``alertes.requetes``): {name: [values]}.
    criteres = models.JSONField(_("critères"), default=dict)
    #: A digest of ``quoi`` and ``criteres`` sorted: the same query always gives the same key.
    cle = models.CharField(_("clé de la requête"), max_length=64)
    description = models.CharField(_("description"), max_length=500)
    langue = models.CharField(_("langue"), max_length=10, default="fr")
    frequence = models.CharField(
        _("fréquence"), max_length=12, choices=Frequence.choices, default=Frequence.HEBDOMADAIRE
    )
    email = models.EmailField(_("adresse e-mail"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alertes",
    )
    token = models.CharField(max_length=64, unique=True, default=nouveau_token, editable=False)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    #: The high-water mark: what was published up to then has been sent (or was there before
    #: the alert was confirmed).
    envoyee_jusqu_a = models.DateTimeField(_("nouveautés envoyées jusqu'au"), null=True)
    #: The last period (« 2026-12-07 », « 2026-W49 ») whose digest was claimed: at most one
    #: e-mail per period, however often the command runs.
    derniere_periode = models.CharField(max_length=10, blank=True)

    objects = AlerteQuerySet.as_manager()

    class Meta:
        verbose_name = _("alerte")
        verbose_name_plural = _("alertes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "quoi", "cle", "langue"], name="alerte_unique_par_adresse"
            )
        ]
        indexes = [models.Index(fields=["frequence", "derniere_periode"])]

    def __str__(self):
        return self.description

    @property
    def confirmee(self):
        return self.confirmed_at is not None
