from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
