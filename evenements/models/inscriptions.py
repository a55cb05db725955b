"""Who registered for a workshop. Personal data is deleted on cancellation and anonymised
some time after the workshop (counts are kept). Only the workshop's animators and the holders
of ``evenements.gerer_inscriptions`` (the Éditeurs) see it."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(24)


class Inscription(models.Model):
    class Statut(models.TextChoices):
        CONFIRMEE = "confirmee", _("Confirmée")
        ATTENTE = "attente", _("Liste d'attente")

    atelier = models.ForeignKey(
        "evenements.AtelierPage",
        verbose_name=_("atelier"),
        on_delete=models.CASCADE,
        related_name="inscriptions",
    )
    statut = models.CharField(_("statut"), max_length=20, choices=Statut.choices)
    nom = models.CharField(_("nom"), max_length=150)
    email = models.EmailField(_("adresse e-mail"))
    structure = models.CharField(_("structure"), max_length=200, blank=True)
    besoins = models.TextField(
        _("besoins particuliers"),
        blank=True,
        max_length=1000,
        help_text=_("Accessibilité, interprétariat, garde d'enfants… Nous ferons de notre mieux."),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("inscrit le"), default=timezone.now)
    promue_at = models.DateTimeField(_("sortie de la liste d'attente le"), null=True, blank=True)
    rappel_envoye_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)
    anonymisee_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["created_at", "pk"]
        # Given to the Éditeurs (migration 0002); a workshop's animators need no permission.
        permissions = [
            ("gerer_inscriptions", _("Voir et gérer les inscriptions de tous les ateliers"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["atelier", "email"],
                condition=models.Q(anonymisee_at__isnull=True),
                name="inscription_une_par_email",
            )
        ]

    def __str__(self):
        return f"{self.nom} – {self.atelier}"
