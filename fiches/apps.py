from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FichesConfig(AppConfig):
    name = "fiches"
    verbose_name = _("Fiches pratiques")

    def ready(self):
        from . import signals  # noqa: F401
