from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EspaceConfig(AppConfig):
    """« Mon espace » (issue 18): what a signed-in person has on the site, gathered from every
    app (registrations, fiches, structures, alerts), their data to take away and the deletion
    of their account. It reads the apps below it; none reads it."""

    name = "espace"
    verbose_name = _("Mon espace")
