from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Synonyme


class SynonymeViewSet(SnippetViewSet):
    """Editors keep the words people use for the same thing: « AG, assemblée générale »."""

    model = Synonyme
    icon = "resubmit"
    menu_label = _("Synonymes")
    menu_name = "synonymes"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["expressions", "langue"]
    list_filter = ["langue"]
    search_fields = ["expressions"]


register_snippet(SynonymeViewSet)


class InventaireMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.peut_voir_inventaire(request.user)


inventaire_menu = Menu(register_hook_name="register_inventaire_menu_item")


@hooks.register("register_admin_urls")
def register_inventaire_urls():
    return [path("inventaire/", include((admin_views.urlpatterns, "inventaire")))]


@hooks.register("register_admin_menu_item")
def register_inventaire_menu():
    return SubmenuMenuItem(
        _("Inventaire"), inventaire_menu, name="inventaire", icon_name="table", order=330
    )


def menu_item(view, icon_name, order):
    return InventaireMenuItem(
        view.page_title,
        reverse(f"inventaire:{view.url_name}"),
        name=f"inventaire-{view.url_name.replace('_', '-')}",
        icon_name=icon_name,
        order=order,
    )


@hooks.register("register_inventaire_menu_item")
def register_recherches_menu_item():
    return menu_item(admin_views.RecherchesFrequentesView, "search", 100)


@hooks.register("register_inventaire_menu_item")
def register_sans_resultat_menu_item():
    return menu_item(admin_views.RecherchesSansResultatView, "warning", 200)


@hooks.register("register_inventaire_menu_item")
def register_telechargements_menu_item():
    return menu_item(admin_views.TelechargementsView, "download", 300)


@hooks.register("register_inventaire_menu_item")
def register_domaines_menu_item():
    return menu_item(admin_views.DomainesView, "folder-open-inverse", 400)


@hooks.register("register_permissions")
def register_inventaire_permission():
    """Shown in the admin's group form as « Recherche du jour : voir » (the inventory)."""
    return Permission.objects.filter(
        content_type__app_label="search", codename="view_recherchedujour"
    )
