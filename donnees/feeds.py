"""RSS 2.0 and Atom feeds of the latest published pages: every type, the ressources (guides,
modèles, fiches), one type, or one domaine, in the language of the address.

Only what anyone may already read: live, public pages of the active language, never a
cancelled workshop (it has left search and listings too). Each page type is read once with
what its items show (domaines, a fiche's structure): the queries do not grow with the items.
"""

from dataclasses import dataclass, field
from datetime import datetime
from heapq import nlargest

from django.contrib.syndication.views import Feed
from django.http import HttpResponseNotFound
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from evenements.models import AtelierPage
from ressources.models import Domaine, HomePage, RessourcePage
from ressources.registry import registered_types

ITEMS = 20
#: The group of types under /flux/ressources/: what the ressources listing shows.
RESSOURCES = "ressources"


class Inconnu(LookupError):
    """An unknown domaine or type in a feed's address: a 404 that says which."""


@dataclass
class Selection:
    """What one feed shows: its name, the HTML page it stands for, the page types and the
    domaine it is limited to."""

    title: str
    description: str
    link: str
    models: list
    domaine: Domaine | None = None
    request: object = None
    locale: Locale | None = None


@dataclass
class Entry:
    title: str
    link: str
    description: str
    published: datetime
    updated: datetime
    categories: list = field(default_factory=list)
    author: str = ""


def home_url(request, locale):
    home = HomePage.objects.live().filter(locale=locale).first()
    return home.get_url(request) if home else f"/{locale.language_code}/"


def selection(request, type_key=None, slug=None):
    """The ``Selection`` of the address's parameters; ``Inconnu`` for an unknown one."""
    locale = Locale.get_active()
    home = home_url(request, locale)
    if slug is not None:
        domaine = Domaine.objects.filter(locale=locale, slug=slug).first()
        if domaine is None:
            raise Inconnu(_("Domaine inconnu : %(slug)s.") % {"slug": slug})
        return Selection(
            title=_("Entraide – %(domaine)s") % {"domaine": domaine.nom},
            description=_("Les dernières publications du domaine « %(domaine)s ».")
            % {"domaine": domaine.nom},
            link=f"{home}domaines/{domaine.slug}/",
            models=list(registered_types().values()),
            domaine=domaine,
            request=request,
            locale=locale,
        )
    if type_key == RESSOURCES:
        models = list(registered_types(RessourcePage).values())
        label = _("Ressources")
    elif type_key in registered_types():
        models = [registered_types()[type_key]]
        label = str(models[0]._meta.verbose_name_plural).capitalize()
    elif type_key is not None:
        raise Inconnu(_("Type de contenu inconnu : %(type)s.") % {"type": type_key})
    else:
        models = list(registered_types().values())
        label = _("Nouveautés")
    return Selection(
        title=_("Entraide – %(label)s") % {"label": label},
        description=_("Les dernières publications d'Entraide : %(label)s.") % {"label": label},
        link=home,
        models=models,
        request=request,
        locale=locale,
    )


def latest(model, chosen):
    """The ``ITEMS`` latest pages of one type in the selection, with what their items show."""
    pages = model.objects.live().public().filter(locale=chosen.locale)
    if issubclass(model, AtelierPage):
        pages = pages.filter(annule=False)
    if chosen.domaine is not None:
        pages = pages.filter(domaines=chosen.domaine)
    return (
        pages.select_related(*model.search_select_related)
        .prefetch_related("domaines")
        .order_by("-first_published_at", "-pk")[:ITEMS]
    )


def entry(page, request):
    return Entry(
        title=page.title,
        link=page.get_url(request),
        description=page.feed_description(),
        published=page.first_published_at,
        updated=page.last_published_at or page.first_published_at,
        categories=[domaine.nom for domaine in page.domaines.all()],
        author=page.feed_author(),
    )


class DerniersContenus(Feed):
    """RSS 2.0. The address's ``type_key`` or ``slug`` choose the ``Selection``."""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except Inconnu as error:
            return HttpResponseNotFound(str(error), content_type="text/plain; charset=utf-8")

    def get_object(self, request, type_key=None, slug=None):
        return selection(request, type_key=type_key, slug=slug)

    def title(self, obj):
        return obj.title

    def description(self, obj):
        return obj.description

    def subtitle(self, obj):
        return obj.description

    def link(self, obj):
        return obj.link

    def items(self, obj):
        pages = [page for model in obj.models for page in latest(model, obj)]
        newest = nlargest(ITEMS, pages, key=lambda page: (page.first_published_at, page.pk))
        return [entry(page, obj.request) for page in newest]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.link

    def item_description(self, item):
        return item.description

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return item.categories

    def item_author_name(self, item):
        return item.author or None


class DerniersContenusAtom(DerniersContenus):
    feed_type = Atom1Feed
