from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InventaireConfig(AppConfig):
    name = "inventaire"
    verbose_name = _("Inventaire")

    def ready(self):
        from . import search_log  # noqa: F401 (receives the searches typed)
