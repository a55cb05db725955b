"""The index pages of the site's sections (ressources, fiches, agenda) share their place in
the tree and an introduction; each app adds its listing."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .. import json_ld


class SectionPage(Page):
    """A section of one language's site, right under its home page, once."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["ressources.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def json_ld(self, request):
        """schema.org: a listing page (its items are described on their own pages)."""
        return json_ld.collection_page(request, self, self.intro)
