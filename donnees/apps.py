from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonneesConfig(AppConfig):
    """The network's knowledge for other systems (issue 17): feeds, open vocabularies,
    datasets, the API. It reads every content app and no app reads it."""

    name = "donnees"
    verbose_name = _("Données ouvertes")

    def ready(self):
        from . import signals  # noqa: F401
