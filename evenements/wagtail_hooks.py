from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import acces, admin_views
from .models import AtelierPage

admin_urlpatterns = [
    path(
        "<int:page_id>/inscriptions/",
        admin_views.InscriptionsView.as_view(),
        name="inscriptions",
    ),
    path(
        "<int:page_id>/inscriptions.csv",
        admin_views.InscriptionsCsvView.as_view(),
        name="csv",
    ),
    path(
        "<int:page_id>/inscriptions/message/",
        admin_views.MessageView.as_view(),
        name="message",
    ),
    path(
        "<int:page_id>/inscriptions/<int:inscription_id>/annuler/",
        admin_views.AnnulerInscriptionView.as_view(),
        name="annuler",
    ),
    path(
        "<int:page_id>/inscriptions/<int:inscription_id>/promouvoir/",
        admin_views.PromouvoirInscriptionView.as_view(),
        name="promouvoir",
    ),
]


@hooks.register("register_admin_urls")
def register_inscriptions_urls():
    """/admin/ateliers/<id>/inscriptions/ (and .csv, message/, <inscription>/annuler/ and
    <inscription>/promouvoir/)."""
    return [path("ateliers/", include((admin_urlpatterns, "evenements_admin")))]


def inscriptions_button(page, user, priority):
    """« Inscriptions » on a workshop, for its animators and the Éditeurs (the views check it
    again)."""
    page_class = page.specific_class
    if page_class is None or not issubclass(page_class, AtelierPage):
        return
    if not acces.peut_gerer_inscriptions(page, user):
        return
    yield Button(
        _("Inscriptions"),
        reverse("evenements_admin:inscriptions", args=[page.pk]),
        icon_name="group",
        attrs={"title": _("Voir les inscriptions, les exporter, écrire aux inscrits")},
        priority=priority,
    )


@hooks.register("register_permissions")
def register_permissions():
    """« Voir et gérer les inscriptions de tous les ateliers » in the groups' admin form."""
    app_label, codename = acces.GERER_INSCRIPTIONS.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    yield from inscriptions_button(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    yield from inscriptions_button(page, user, priority=3)
