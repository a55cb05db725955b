"""The queries behind every listing of ressources, written once.

Each function returns template context and runs a fixed number of SQL queries, whatever the
number of ressources: cards only use the fields they were read with (never ``.specific``),
taxonomy names are looked up once per listing, and what a card of one type shows besides comes
from that type's ``enrich_cards`` (``ressources.registry``), once for the whole list. The page
models hand their querysets in: this module sits below them and imports none.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, prefetch_related_objects
from django.utils import translation

from . import langues
from .filters import RessourceFilterSet
from .models.taxonomy import Domaine, Public
from .registry import Registered, registered_types

PER_PAGE = 12
RELATED_COUNT = 3


def with_taxonomy_labels(cards):
    """Attach ``domaine_labels`` (slug, name) in the active language to each card (a page),
    ``autre_langue`` (its language when not the reader's) and its name, its type's
    ``listing_template``, and what its type adds (``enrich_cards``). A translated
    page still points at the source-language terms (wagtail-localize keeps many-to-many fields
    in sync), so names are looked up by slug."""
    cards = list(cards)
    if not cards:
        return cards
    names = _names(Domaine)
    language = translation.get_language()
    for card in cards:
        card.listing_template = getattr(
            card.specific_class, "listing_template", Registered.listing_template
        )
        card.domaine_labels = [
            (domaine.slug, names.get(domaine.slug, domaine.nom)) for domaine in card.domaines.all()
        ]
        # Read in the source language until translated (``langues.with_untranslated``).
        card.autre_langue = langues.other_language(getattr(card, "langue", ""))
        card.autre_langue_nom = langues.language_name(card.autre_langue)
        if card.autre_langue:
            card.version_originale = langues.version_originale_url(card, language)
    for model in registered_types().values():
        model.enrich_cards(cards)
    return cards


def _names(model):
    language = translation.get_language()
    return dict(model.objects.filter(locale__language_code=language).values_list("slug", "nom"))


def ressource_listing(
    request, ressources, filterset_class=RessourceFilterSet, domaine=None, untranslated=None
):
    """A filtered, sorted page of ``ressources`` (live pages of one language), of a
    ``domaine`` when given; the type filter offers the registered types among them. When
    that finds nothing and ``untranslated`` is given (``langues.untranslated_fallback``), the
    same listing of those pages instead, ``langue_source`` naming their language."""
    if domaine is not None:
        ressources = ressources.filter(domaines__slug=domaine.slug)
    filterset = filterset_class(
        request.GET or None,
        queryset=ressources,
        request=request,
        types=registered_types(base=ressources.model),
    )
    if domaine is not None:
        del filterset.filters["domaine"]
    results = filterset.qs.order_by(*filterset.ordering).prefetch_related("domaines")
    page = paginate(request, results)
    if not page.paginator.count and untranslated is not None:
        context = ressource_listing(request, untranslated, filterset_class, domaine)
        return context | {"langue_source": langues.language_name(settings.LANGUAGE_CODE)}
    return {
        "filterset": filterset,
        "filter_form": filterset.form,
        "ressources": page,
        "paginator": page.paginator,
        "result_count": page.paginator.count,
        "elided_page_range": elided_page_range(page),
    }


def paginate(request, results, per_page=PER_PAGE):
    """The requested page of results; out-of-range or non-numeric numbers give the nearest page."""
    page = Paginator(results, per_page).get_page(request.GET.get("page"))
    page.object_list = with_taxonomy_labels(page.object_list)
    return page


def elided_page_range(page):
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


def latest(ressources, count):
    """The ``count`` ressources published last, as cards."""
    return with_taxonomy_labels(
        ressources.defer_streamfields()
        .order_by("-last_published_at")
        .prefetch_related("domaines")[:count]
    )


def domaines_with_counts(ressources, locale):
    """The domaines of ``locale``, each with ``ressource_count``: how many of ``ressources``
    (live pages of that language) treat it."""
    counts = dict(
        ressources.order_by()
        .values_list("domaines__slug")
        .annotate(n=Count("pk", distinct=True))
        .values_list("domaines__slug", "n")
    )
    domaines = list(Domaine.objects.filter(locale=locale))
    for domaine in domaines:
        domaine.ressource_count = counts.get(domaine.slug, 0)
    return domaines


def related_ressources(page, candidates):
    """The guide's chosen related ressources among ``candidates`` (the live ressources of its
    language), or else the latest of its domains."""
    chosen_ids = []
    if hasattr(page, "ressources_liees"):
        chosen_ids = [lien.ressource_id for lien in page.ressources_liees.all()]
    candidates = candidates.exclude(pk=page.pk).prefetch_related("domaines")
    if chosen_ids:
        found = {r.pk: r for r in candidates.filter(pk__in=chosen_ids)}
        related = [found[pk] for pk in chosen_ids if pk in found]
        if related:
            return with_taxonomy_labels(related)
    slugs = [domaine.slug for domaine in page.domaines.all()]
    same_domain = (
        candidates.filter(domaines__slug__in=slugs)
        .distinct()
        .order_by("-last_published_at")[:RELATED_COUNT]
    )
    return with_taxonomy_labels(same_domain)


def ressource_page_context(page, candidates):
    """A ressource's publics named in the active language, and its related ressources among
    ``candidates``. Its domaines and publics are read once here for everything the page shows
    them in (labels, related ressources, the vocabulary links and JSON-LD of the head)."""
    prefetch_related_objects([page], "domaines", "publics")
    with_taxonomy_labels([page])
    names = _names(Public)
    return {
        "publics": [names.get(public.slug, public.nom) for public in page.publics.all()],
        "related_ressources": related_ressources(page, candidates),
    }
