"""The public, read-only API (issue 17, point 1): Wagtail's API v2 under /api/v2/, with three
endpoints: ``pages`` (guides, modèles, fiches, ateliers), ``documents`` and ``structures``.

Only what anyone may already read on the site: live pages without a view restriction
(``.live().public()``, whoever asks: no session is read), as published (a page's row is its
live version, drafts stay in revisions); the documents those pages offer for download; the
structures' public fields. Each endpoint accepts a fixed list of query parameters
(``donnees.api_parametres``): anything else is a 400 with a message, never a 500. A list
reads what its items show once for all of them (``paginate_queryset``): its queries do not
grow with its length."""

from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from evenements.models import AtelierDocument, AtelierPage
from ressources.api import collections_restreintes
from ressources.models import ModeleFichier, ModelePage, RessourceDocument
from ressources.registry import registered_types
from structures import annuaire
from structures.models import Structure, TypeStructure

from . import api_parametres as parametres

#: Never more than this far into a list (and the database's integers): a 400 beyond.
OFFSET_MAX = 1_000_000
COMMUNS = frozenset({"limit", "offset", "fields", "order"})
PARAMETRES_DETAIL = frozenset({"fields", "rich_text_format"})


class JSONSeulement(BaseContentNegotiation):
    """JSON, whatever the request asks: no ``?format=`` and no browsable HTML API."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class Pagination(WagtailPagination):
    """Wagtail's ``limit``/``offset``, up to ``WAGTAILAPI_LIMIT_MAX``, with its messages."""

    def paginate_queryset(self, queryset, request, view=None):
        maximum = settings.WAGTAILAPI_LIMIT_MAX
        offset = parametres.entier("offset", request.GET.get("offset", "0"), OFFSET_MAX)
        limit = parametres.entier("limit", request.GET.get("limit", str(min(20, maximum))), maximum)
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]


class Ordre(BaseFilterBackend):
    """``?order=``, among the fields the endpoint sorts on (``view.ordres(model)``)."""

    def filter_queryset(self, request, queryset, view):
        if "order" not in request.GET:
            return queryset
        return queryset.order_by(
            *parametres.ordre(request.GET["order"], view.ordres(queryset.model))
        )


class Recherche(BaseFilterBackend):
    """``?search=``, as Wagtail's SearchFilter does, on the words typed only
    (``api_parametres.termes``): last, as search results cannot be filtered further."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        mots = parametres.termes(request.GET["search"])
        if not mots:
            return queryset.none()
        try:
            return get_search_backend().search(
                mots, queryset, operator="and", order_by_relevance="order" not in request.GET
            )
        except (FilterFieldError, OrderByFieldError) as erreur:
            raise parametres.ParametreInvalide(
                _("Ce tri ou ce filtre ne se combine pas avec une recherche : %(champ)s.")
                % {"champ": erreur.field_name}
            ) from erreur


class Publique:
    """What the three endpoints share: anonymous (no session, no CSRF), JSON only, the
    allow-listed parameters, messages in the request's language, listing and detail views
    only (not Wagtail's ``find``), and lists whose relations are read once."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    renderer_classes = (JSONRenderer,)
    content_negotiation_class = JSONSeulement
    pagination_class = Pagination
    parametres = COMMUNS
    #: The relations an item's fields read, prefetched for a whole list: {field: lookups}.
    relations = {}

    def check_query_parameters(self, queryset):
        parametres.refuser_inconnus(self.request.GET, self.parametres)

    def detail_view(self, request, pk):
        parametres.refuser_inconnus(request.GET, PARAMETRES_DETAIL)
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"message": _("Introuvable.")}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, BadRequestError) and not isinstance(exc, parametres.ParametreInvalide):
            # Wagtail's own messages (the ``fields`` syntax), in English: said to be so.
            message = _("Requête invalide : %(detail)s") % {"detail": exc}
            return Response({"message": message}, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)

    def paginate_queryset(self, queryset):
        items = list(super().paginate_queryset(queryset))
        fields = set(self.get_serializer_class().Meta.fields)
        lookups = self.relations_of(items[0] if items else None)
        prefetch_related_objects(
            items,
            *[lookup for name, found in lookups.items() if name in fields for lookup in found],
        )
        return items

    def relations_of(self, item):
        return self.relations

    def ordres(self, model):
        return ("id",)

    @classmethod
    def get_urlpatterns(cls):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "find"]


class PagesPubliques(Publique, PagesAPIViewSet):
    """Live, public guides, modèles, fiches and ateliers, newest first."""

    filter_backends = [Ordre, Recherche]  # search last: its results cannot be filtered
    parametres = COMMUNS | {
        "search",
        "type",
        "locale",
        "domaine",
        "public",
        "departement",
        "depuis",
        "jusqu_a",
        "rich_text_format",
    }
    relations = {"locale": ["locale"]}

    # A viewset answers one request: what it reads once (the view restrictions that
    # ``.public()`` looks up, the parameters' terms), Wagtail asks for several times.
    @cached_property
    def pages_publiques(self):
        return Page.objects.live().public().type(*registered_types().values())

    @cached_property
    def pages_demandees(self):
        query = self.request.GET
        models = parametres.types_demandes(query.get("type", ""))
        if len(models) == 1:
            # The type's own queryset: its fields can be listed (``?fields=domaines``).
            queryset = models[0].objects.live().public()
        else:
            queryset = self.pages_publiques.type(*models)
        if "locale" in query:
            queryset = queryset.filter(locale=parametres.locale_demandee(query["locale"]))
        queryset = parametres.FiltresPages.lire(query).appliquer(queryset, models)
        return queryset.order_by("-first_published_at", "-id")

    def get_base_queryset(self):
        return self.pages_publiques

    def get_queryset(self):
        return self.pages_demandees

    def relations_of(self, item):
        model = type(item)
        return self.relations | getattr(model, "api_prefetch_related", {})

    def ordres(self, model):
        return (*parametres.ORDRES_PAGES, *getattr(model, "api_periode", ()))


def documents_publics():
    """The documents a live, public page offers for download: a modèle's files, a
    workshop's documents (its supports once it is over, as its page does). Never a fiche's
    attachments (another model, ``PieceJointe``), nor a document of a restricted collection."""
    modeles = ModelePage.objects.live().public()
    ateliers = AtelierPage.objects.live().public()
    # ``id``, not ``pk``: the search backends filter on the fields the models index.
    de_modeles = ModeleFichier.objects.filter(modele__in=modeles).values("document")
    d_ateliers = (
        AtelierDocument.objects.filter(atelier__in=ateliers)
        .filter(Q(apres_atelier=False) | Q(atelier__fin__lte=timezone.now()))
        .values("document")
    )
    offerts = Q(id__in=de_modeles) | Q(id__in=d_ateliers)
    documents = RessourceDocument.objects.filter(offerts)
    return documents.exclude(collection__in=collections_restreintes()).order_by("id")


class DocumentsPublics(Publique, DocumentsAPIViewSet):
    """The files anyone may download from a public page, at their counting address."""

    filter_backends = [Ordre, Recherche]
    parametres = COMMUNS | {"search"}
    meta_fields = ["type", "detail_url", "download_url"]
    listing_default_fields = ["id", "type", "detail_url", "title", "download_url"]
    nested_default_fields = listing_default_fields

    @cached_property
    def documents(self):
        return documents_publics()  # once per request: it reads the restrictions

    def get_queryset(self):
        return self.documents

    def ordres(self, model):
        return ("title", "created_at", "id")


class StructureHtmlUrl(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, structure):
        return self.context["request"].build_absolute_uri(structure.get_absolute_url())


class StructureSerializer(BaseSerializer):
    html_url = StructureHtmlUrl(read_only=True)


class StructuresPubliques(Publique, BaseAPIViewSet):
    """The structures of the network, with what their public page shows."""

    base_serializer_class = StructureSerializer
    model = Structure
    name = "structures"
    filter_backends = [Ordre]
    parametres = COMMUNS | {"search", "departement", "type_structure"}
    meta_fields = ["type", "detail_url", "html_url"]
    listing_default_fields = ["id", "type", "detail_url", "html_url", "nom", "departement"]

    def get_queryset(self):
        query = self.request.GET
        structures = Structure.objects.all()
        if "departement" in query:
            structures = structures.filter(departement=parametres.departement(query["departement"]))
        if "type_structure" in query:
            if query["type_structure"] not in TypeStructure.values:
                raise parametres.ParametreInvalide(
                    _("Type de structure inconnu : %(type)s. Types acceptés : %(types)s.")
                    % {"type": query["type_structure"], "types": ", ".join(TypeStructure.values)}
                )
            structures = structures.filter(type_structure=query["type_structure"])
        if "search" in query:
            structures = annuaire.matching(structures, query["search"])
        return structures.order_by("nom", "id")

    def ordres(self, model):
        return ("nom", "departement", "created_at", "id")
