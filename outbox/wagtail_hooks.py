"""The outbox's place in the admin: « Courriels non envoyés » in the Settings menu, shown
with their number when some have been given up."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class UnsentEmailsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [path("courriels/", include((admin_views.urlpatterns, "outbox")))]


@hooks.register("register_settings_menu_item")
def register_unsent_emails_menu_item():
    return UnsentEmailsMenuItem(
        _("Courriels non envoyés"),
        reverse("outbox:unsent"),
        name="courriels",
        icon_name="mail",
        order=900,
    )


@hooks.register("register_permissions")
def register_permissions():
    """« Can view / change courriel » in the groups' admin form."""
    return Permission.objects.filter(
        content_type__app_label="outbox", codename__in=["view_email", "change_email"]
    )
