"""The RSS feed of a query, for those who prefer it to e-mail: the same parameters as « Me
prévenir » (``/fr/alertes/flux/?quoi=ressources&domaine=…``), the latest items it finds."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ressources import emails

from . import nouveautes, requetes
from .models import Alerte


class FluxDeLaRequete(Feed):
    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except requetes.ParametresInvalides as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")

    def get_object(self, request):
        quoi, criteres = requetes.lire(request.GET)
        return Alerte(
            quoi=quoi,
            criteres=criteres,
            langue=get_language(),
            description=requetes.description(quoi, criteres),
        )

    def title(self, obj):
        return _("Entraide – %(description)s") % {"description": obj.description}

    def description(self, obj):
        return _("Les dernières publications d'Entraide : %(description)s.") % {
            "description": obj.description
        }

    def link(self, obj):
        return nouveautes.adresse_de_la_liste(obj.quoi, obj.criteres, obj.langue)

    def items(self, obj):
        return nouveautes.trouver(obj)

    def item_title(self, item):
        return item.titre

    def item_link(self, item):
        return emails.absolute(item.url) if item.url.startswith("/") else item.url

    def item_description(self, item):
        return item.chapo

    def item_pubdate(self, item):
        return item.publiee

    def item_categories(self, item):
        return [item.type_label]
