"""The page types people search and browse, and what each of them declares.

A page type becomes a search entry and a listing card by inheriting ``Registered`` and setting
its ``type_key``, next to its fields. The search (``search``), the listings
(``ressources.listing``) and the staff inventory read these declarations through
``registered_types()``: adding a content type touches that type's app only.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from wagtail.models import get_page_models


@dataclass(frozen=True)
class SearchEntry:
    """What a search result shows and is filtered on besides the page's title, chapô, text
    and taxonomy: its date (publication, or a workshop's start), an end after which it leaves
    search, a département, the name of the structure that wrote it, and words to find it by
    that are not in its own ``search_fields``."""

    date: datetime
    fin: datetime | None = None
    departement: str = ""
    structure: str = ""
    extra_text: str = ""


@dataclass(frozen=True)
class Followed:
    """Edits of another model that change the entries of a page type: a structure's name and
    département show on the entries of its fiches.

    ``lookup`` leads from the page type to an instance of ``model`` (``"structure"``);
    ``shown`` maps an entry column to the instance's attribute it shows
    (``{"structure": "nom"}``): only the entries that no longer show it are written again."""

    model: type
    lookup: str
    shown: dict = field(default_factory=dict)


class Registered:
    """What a page type declares to be searched and listed. A mixin for ``Page`` subclasses,
    placed before ``Page``; a type without a ``type_key`` (an abstract or base type) is not
    registered, its subclasses may be."""

    #: In URLs (``?type=guide``), listing filters and the inventory: "guide", "fiche"…
    type_key = ""
    #: The type as search results and their facet name it: « Guide pratique ».
    search_label = ""
    #: The entry's taxonomy facets this type has, among "domaines" and "publics".
    search_facets = ("domaines",)
    #: What to join and prefetch when many pages of this type become entries at once.
    search_select_related = ()
    search_prefetch_related = ()
    #: A template extending the search's result template, or None for that one.
    search_result_template = None
    #: The card of a page of this type in a listing.
    listing_template = "includes/ressource_card.html"
    #: ``Followed`` edits of other models.
    search_followed = ()
    #: The public API's filters (donnees.api): the lookup of a page's département, "" for a
    #: type that has none; the lookups of the start and end of what ``?depuis=`` and
    #: ``?jusqu_a=`` compare (its publication, a workshop's own dates).
    api_departement = ""
    api_periode = ("last_published_at", "last_published_at")
    #: What a list of pages of this type prefetches for the ``api_fields`` it shows:
    #: ``{api field: [lookups]}``, read only when the field is asked for.
    api_prefetch_related = {}

    def is_findable(self):
        """Whether people may find this page in search, besides being live and public (a
        cancelled workshop is not)."""
        return True

    def search_entry(self):
        """The ``SearchEntry`` of this page, as it is published."""
        return SearchEntry(date=self.last_published_at or self.first_published_at)

    def feed_description(self):
        """The text of its item in the feeds (donnees.feeds): its chapô, which every
        registered type has."""
        return self.chapo

    def feed_author(self):
        """Who its feed item names as its author, or "" for the site itself."""
        return ""

    @classmethod
    def downloads(cls):
        """For the inventory, a queryset of one value, the downloads of the files of the page
        ``OuterRef("pk")``; None for a type whose pages have no files."""
        return None

    @classmethod
    def enrich_cards(cls, cards):
        """Give the cards of this type among ``cards`` (pages of any type, not specific) what
        their card shows besides the fields they were read with, in a fixed number of
        queries for the whole list."""


@dataclass(frozen=True)
class ObjetTrouve:
    """What the search shows and is filtered on of an object that is not a page (an annonce
    of the bourse): its key among every such object (``"annonce:12"``), its public address,
    its title, short text (shown as the chapô) and text, its date and the end after which it
    leaves search, its département, its structure's name, its domaines (``Domaine`` rows)."""

    cle: str
    url: str
    titre: str
    chapo: str
    texte: str
    date: datetime
    fin: datetime | None = None
    departement: str = ""
    structure: str = ""
    domaines: tuple = ()


class SourceDeRecherche:
    """Objects people find in the site search that are not pages: an app declares them with
    ``register_source(instance)`` in its ``AppConfig.ready()``, and keeps their entries in step
    by calling ``search.indexation.synchroniser_objets`` when they change. The search reads
    them through ``sources()``, never the app (import-linter contract)."""

    #: In URLs (``?type=annonce``) and facets, as a page type's ``type_key``.
    type_key = ""
    #: The type as search results and their facet name it.
    search_label = ""
    #: The language of the objects' text (their entries' locale).
    language_code = "fr"

    def cle(self, pk):
        return f"{self.type_key}:{pk}"

    def objets(self, pks=None):
        """The ``ObjetTrouve`` of every object anyone may see now (of ``pks`` only, when
        given), in a fixed number of queries: an object left out has no entry."""
        raise NotImplementedError


_SOURCES = {}


def register_source(source):
    _SOURCES[source.type_key] = source


def sources():
    """``{type key: SourceDeRecherche}`` of the objects that are not pages."""
    return dict(_SOURCES)


def registered_types(base=None):
    """``{type key: page model}`` of every registered page type (of the subclasses of
    ``base`` only, when given), in the order their apps are installed."""
    return dict(_registered(base))


@cache
def _registered(base):
    """Read once: the page models are all defined when the apps are ready, and indexing
    asks for them once per page."""
    return [
        (model.type_key, model)
        for model in get_page_models()
        if issubclass(model, Registered)
        and model.type_key
        and (base is None or issubclass(model, base))
    ]


def search_labels():
    """``{type key: search label}``, of the page types and then of the other sources."""
    labels = {key: model.search_label for key, model in registered_types().items()}
    return labels | {key: source.search_label for key, source in _SOURCES.items()}
