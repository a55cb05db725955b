from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale

from ressources.listing import live_ressources, with_taxonomy_labels

MAX_QUERY_LENGTH = 200
PER_PAGE = 12


def search(request):
    """A first search page over the live ressources of the active language.
    Facets, synonyms and the search inventory come with the search issue."""
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    page = None
    if query:
        ressources = live_ressources(Locale.get_active()).prefetch_related("domaines")
        results = ressources.search(query)
        page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
        page.object_list = with_taxonomy_labels(page.object_list)
    return render(request, "search/search.html", {"query": query, "ressources": page})
