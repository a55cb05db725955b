"""The public annonces in the sitemap (issue 19, point 2), beside Wagtail's pages: each with
the day it last changed. Only ``Annonce.objects.publiques()``, read when the sitemap is asked
for: an annonce past its end date, withdrawn or fulfilled is not listed, with no job to run.

Annonces are written in French and have no translation: each is listed once, at its French
address, whatever language the robot's request asks for."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import translation

from .models import Annonce


class AnnoncesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Annonce.objects.publiques().only("pk", "updated_at").order_by("pk")

    def location(self, annonce):
        with translation.override(settings.LANGUAGE_CODE):
            return annonce.get_absolute_url()

    def lastmod(self, annonce):
        return annonce.updated_at
