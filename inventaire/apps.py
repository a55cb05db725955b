from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InventaireConfig(AppConfig):
    name = "inventaire"
    verbose_name = _("Inventaire")

    def ready(self):
        # Connect the receivers of the searches typed and of the downloads.
        from . import search_log, telechargements  # noqa: F401
