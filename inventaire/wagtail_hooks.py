"""The inventory's place in the admin (its menu, its reports' addresses, its permission in the
group form), and the most frequent searches handed to the search page."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_bourse, admin_retours, admin_views, search_log


class InventaireMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.peut_voir_inventaire(request.user)


inventaire_menu = Menu(register_hook_name="register_inventaire_menu_item")


@hooks.register("register_admin_urls")
def register_inventaire_urls():
    patterns = admin_views.urlpatterns + admin_retours.urlpatterns + admin_bourse.urlpatterns
    return [path("inventaire/", include((patterns, "inventaire")))]


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


@hooks.register("register_inventaire_menu_item")
def register_retours_menu_item():
    return menu_item(admin_retours.RetoursView, "comment", 500)


@hooks.register("register_inventaire_menu_item")
def register_bourse_menu_item():
    return menu_item(admin_bourse.BourseView, "help", 600)


@hooks.register("register_permissions")
def register_inventaire_permission():
    """Shown in the admin's group form as « Recherche du jour : voir » (the inventory)."""
    return Permission.objects.filter(
        content_type__app_label="inventaire", codename="view_recherchedujour"
    )


@hooks.register("popular_searches")
def recherches_frequentes(locale):
    """Shown by the search page when nothing is typed yet (see ``search.views``)."""
    return search_log.popular(locale)
