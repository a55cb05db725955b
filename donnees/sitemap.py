"""The sitemap, with the translations of each page (``hreflang`` alternates), so that search
engines show people the page in their language."""

from collections import defaultdict

from django.db.models import Count
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SitemapTraduit(Sitemap):
    """Wagtail's sitemap (live, public pages of the site) in every language: the site's root
    is the French home page, the other languages' trees are its translations'. A page
    published in several languages lists them all, itself included, as Google asks."""

    def items(self):
        pages = Page.objects.none()
        for root in self.get_wagtail_site().root_page.get_translations(inclusive=True):
            pages |= root.get_descendants(inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        alternates = self.alternates_by_location()
        for url in urls:
            url["alternates"] = alternates.get(url["location"], [])
        return urls

    def alternates_by_location(self):
        """``{page URL: [{"lang_code", "location"}]}`` of the pages that have a live, public
        translation, in two queries for the whole site."""
        public = Page.objects.live().public()
        translated = (
            public.order_by()
            .values("translation_key")
            .annotate(langues=Count("locale", distinct=True))
            .filter(langues__gt=1)
            .values("translation_key")
        )
        groups = defaultdict(list)
        pages = public.filter(translation_key__in=translated).select_related("locale")
        for page in pages.order_by("locale__language_code", "path"):
            location = page.get_full_url(self.request)
            if location:
                groups[page.translation_key].append(
                    {"lang_code": page.locale.language_code, "location": location}
                )
        return {
            alternate["location"]: group
            for group in groups.values()
            if len(group) > 1
            for alternate in group
        }
