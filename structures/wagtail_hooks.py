"""The structures in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import StatusFlagColumn
from wagtail.admin.viewsets.model import ModelViewSet

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
