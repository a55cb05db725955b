"""The pages every public site in France owes its readers — mentions légales, accessibility
statement, personal data — written by the editors and linked from every page's footer."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .. import json_ld

FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class InformationPage(Page):
    """A page of plain text under a home page, listed in the footer of that language's site."""

    body = RichTextField(_("texte"), features=FEATURES)

    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["ressources.HomePage"]
    subpage_types = []
    template = "ressources/information_page.html"

    class Meta:
        verbose_name = _("page d'information")
        verbose_name_plural = _("pages d'information")

    def json_ld(self, request):
        return json_ld.creative_work(request, self, "WebPage")
