from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_verification, admin_views
from .admin_access import visible_pages
from .models import Domaine, Public


class DomaineViewSet(SnippetViewSet):
    model = Domaine
    icon = "folder-open-inverse"
    list_display = ["nom", "slug", "ordre"]
    search_fields = ["nom"]


class PublicViewSet(SnippetViewSet):
    model = Public
    icon = "group"
    list_display = ["nom", "slug", "ordre"]
    search_fields = ["nom"]


class TaxonomieViewSetGroup(SnippetViewSetGroup):
    items = (DomaineViewSet, PublicViewSet)
    menu_icon = "tag"
    menu_label = _("Classement")
    menu_name = "classement"
    menu_order = 300


register_snippet(TaxonomieViewSetGroup)


@hooks.register("construct_page_chooser_queryset")
def only_pages_the_user_may_see(pages, request):
    """The page chooser lists and finds only pages whose title the user may read."""
    return visible_pages(request.user, pages)


# Registered after Wagtail's own page bulk actions (order 0), which they replace.
for bulk_action in (
    admin_views.DeleteBulkAction,
    admin_views.MoveBulkAction,
    admin_views.PublishBulkAction,
    admin_views.UnpublishBulkAction,
):
    hooks.register("register_bulk_action", bulk_action, order=1)


class PagesARevoirMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(request.user, ["change", "publish"])


@hooks.register("register_admin_urls")
def register_verification_urls():
    return [path("pages-a-revoir/", include((admin_verification.urlpatterns, "verification")))]


@hooks.register("register_reports_menu_item")
def register_pages_a_revoir_menu_item():
    return PagesARevoirMenuItem(
        _("Pages à revoir"),
        reverse("verification:pages_a_revoir"),
        name="pages-a-revoir",
        icon_name="time",
        order=1050,
    )
