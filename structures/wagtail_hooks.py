"""The structures in the Wagtail admin, and those a search names, shown above its results."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import StatusFlagColumn
from wagtail.admin.viewsets.model import ModelViewSet

from . import raccourcis
from .models import Structure


class StructureViewSet(ModelViewSet):
    """Staff see every structure and mark the ones they checked as « vérifiée »."""

    model = Structure
    icon = "group"
    menu_label = _("Structures")
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        "nom",
        "type_structure",
        "departement",
        StatusFlagColumn(
            "verifiee",
            label=_("Vérifiée"),
            true_label=_("Vérifiée"),
            false_label=_("À vérifier"),
            sort_key="verifiee",
        ),
        "created_at",
    ]
    list_filter = ["verifiee", "type_structure", "departement"]
    search_fields = ["nom", "siret", "rna"]
    panels = [
        FieldPanel("nom"),
        FieldPanel("type_structure"),
        FieldPanel("siret"),
        FieldPanel("rna"),
        FieldPanel("departement"),
        FieldPanel("site_web"),
        FieldPanel("description"),
        FieldPanel("verifiee"),
    ]


structure_viewset = StructureViewSet("structures")


@hooks.register("register_admin_viewset")
def register_structure_viewset():
    return structure_viewset


@hooks.register("search_shortcuts")
def structure_shortcuts(text, locale):
    """« Structure : Les Amis du Jardin Partagé » above the results of a search that names it
    (structures are the same in every language)."""
    return [
        {"genre": _("Structure"), "nom": structure.nom, "url": structure.get_absolute_url()}
        for structure in raccourcis.nommees(text)
    ]
