from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BourseConfig(AppConfig):
    """La bourse d'entraide (issue 19): structures offer and ask each other for help
    (annonces, conversations between structures, outcomes). It reads the content apps below
    it to match annonces with resources; alerts, open data, the Inventaire and « Mon espace »
    read it."""

    name = "bourse"
    verbose_name = _("Bourse d'entraide")

    def ready(self):
        """The annonces are a source of the site search (``ressources.registry``), kept in
        step by ``bourse.signals``."""
        from ressources.registry import register_source

        from . import cherchable, signals  # noqa: F401 (signals: connects its receivers)

        register_source(cherchable.SOURCE)
