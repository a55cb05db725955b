from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvenementsConfig(AppConfig):
    name = "evenements"
    verbose_name = _("Ateliers")

    def ready(self):
        from . import signals  # noqa: F401
