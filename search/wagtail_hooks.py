from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonyme


class SynonymeViewSet(SnippetViewSet):
    """Editors keep the words people use for the same thing: « AG, assemblée générale »."""

    model = Synonyme
    icon = "resubmit"
    menu_label = _("Synonymes")
    menu_name = "synonymes"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["expressions", "locale"]
    list_filter = ["locale"]
    search_fields = ["expressions"]


register_snippet(SynonymeViewSet)
