"""The choices of a workshop's fields, apart from the page models so that the modules its
routes use (listing, calendar files) can read them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Format(models.TextChoices):
    PRESENTIEL = "presentiel", _("En présentiel")
    DISTANCE = "distance", _("À distance (visio)")
    HYBRIDE = "hybride", _("Hybride")


class Statut(models.TextChoices):
    A_VENIR = "a-venir", _("À venir")
    COMPLET = "complet", _("Complet")
    ANNULE = "annule", _("Annulé")
    PASSE = "passe", _("Passé")
