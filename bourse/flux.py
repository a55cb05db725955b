"""The bourse as an RSS feed (issue 19, point 2): the latest public annonces, for feed readers
and partners' sites. Only ``publiques()``: an annonce past its end, withdrawn or fulfilled
leaves the feed at once; of its author, only the structure's public name."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ressources.models.impression import refus_des_parametres

from .models import Annonce

ANNONCES = 30


class AnnoncesFlux(Feed):
    title = _("Entraide – Bourse d'entraide")
    description = _("Les dernières offres et demandes d'aide entre structures de l'ESS.")

    def __call__(self, request, *args, **kwargs):
        return refus_des_parametres(request) or super().__call__(request, *args, **kwargs)

    def link(self):
        return reverse("bourse")

    def items(self):
        publiques = Annonce.objects.publiques().select_related("structure")
        return publiques.order_by("-published_at", "-pk")[:ANNONCES]

    def item_title(self, annonce):
        return f"{annonce.get_sens_display()} – {annonce.titre}"

    def item_description(self, annonce):
        # Rendered and sanitised when saved, contact details masked (Annonce.save).
        return annonce.description_html

    def item_link(self, annonce):
        return annonce.get_absolute_url()

    def item_pubdate(self, annonce):
        return annonce.published_at

    def item_author_name(self, annonce):
        return annonce.structure.nom

    def item_categories(self, annonce):
        return [annonce.get_nature_display()]
