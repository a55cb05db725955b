from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertesConfig(AppConfig):
    """Alerts (issue 18): saved queries on listings, searches and the agenda, sent as digests
    of what is new by e-mail, with or without an account."""

    name = "alertes"
    verbose_name = _("Alertes")
