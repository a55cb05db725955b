from django.shortcuts import render
from wagtail.models import Locale
from wagtail.search.utils import parse_query_string

from ressources.listing import elided_page_range, live_ressources, paginate

MAX_QUERY_LENGTH = 200


def search(request):
    """A first search page over the live ressources of the active language.
    Facets, synonyms and the search inventory come with the search issue."""
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    context = {"query": query, "ressources": None}
    if query:
        ressources = live_ressources(Locale.get_active()).prefetch_related("domaines")
        _filters, parsed = parse_query_string(query)  # balanced quotes become phrases
        page = paginate(request, ressources.search(parsed))
        context.update(ressources=page, elided_page_range=elided_page_range(page))
    return render(request, "search/search.html", context)
