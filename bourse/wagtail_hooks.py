"""The bourse in the admin (« Annonces à modérer ») and on a structure's page (its published
annonces, through the structures' page sections hook)."""

from django.template.loader import render_to_string
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from structures.views import PAGE_SECTIONS_HOOK

from . import admin_views
from .models import AnimateurDepartement, Annonce
from .views import annonces_listees


class AnnoncesAModererViewSet(ModelViewSet):
    """The list the Modérateurs work from; each title opens the decision page."""

    model = Annonce
    index_view_class = admin_views.AnnoncesAModererIndexView
    icon = "help"
    menu_label = _("Annonces à modérer")
    menu_order = 315
    add_to_admin_menu = True
    ordering = ["created_at"]
    list_filter = ["etat", "sens", "nature"]
    search_fields = ["titre", "description"]
    # The edit form (and the add form, for superusers only: the Modérateurs may not add) keeps
    # an annonce whole; changes of state go through the decision page.
    form_fields = ["structure", "sens", "nature", "titre", "description", "a_distance", "fin"]
    list_display = [
        TitleColumn("titre", label=_("Titre"), url_name="bourse_moderer"),
        Column("structure", label=_("Structure")),
        Column("etat", label=_("État"), accessor="get_etat_display"),
        Column("signalements_ouverts", label=_("Signalements")),
        DateColumn("created_at", label=_("Créée le")),
        DateColumn("fin", label=_("Fin")),
    ]


annonces_viewset = AnnoncesAModererViewSet("annonces_a_moderer")


@hooks.register("register_admin_viewset")
def register_annonces_viewset():
    return annonces_viewset


class AnimateursViewSet(ModelViewSet):
    """Staff name who animates the bourse of each département (issue 19, point 4): those
    members of the Animateurs group are told of demandes left without an answer and of
    shared-job groups. Its permissions go to no group: only administrators (superusers)
    see it in « Paramètres »."""

    model = AnimateurDepartement
    icon = "group"
    menu_label = _("Animation de la bourse")
    add_to_settings_menu = True
    form_fields = ["user", "departement"]
    list_display = ["departement", "user"]
    list_filter = ["departement"]


animateurs_viewset = AnimateursViewSet("animateurs_bourse")


@hooks.register("register_admin_viewset")
def register_animateurs_viewset():
    return animateurs_viewset


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("bourse/moderer/", include(admin_views.urlpatterns))]


@hooks.register(PAGE_SECTIONS_HOOK)
def annonces_de_la_structure(request, structure):
    """On a structure's page, its annonces running now, newest first."""
    annonces = annonces_listees(structure.annonces.publiques())
    return render_to_string(
        "bourse/structure_annonces.html", {"annonces": annonces}, request=request
    )
