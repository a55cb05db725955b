"""The OpenSearch description of one language's search, so that a browser can add it."""

from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language


def opensearch(request):
    """Points at the search page (``{searchTerms}`` in ``q``), in the address's language."""
    search_url = request.build_absolute_uri(reverse("recherche"))
    return render(
        request,
        "donnees/opensearch.xml",
        {
            "search_template": f"{search_url}?q={{searchTerms}}",
            "self_url": request.build_absolute_uri(reverse("opensearch")),
            "icon_url": request.build_absolute_uri(static("favicon-32.png")),
            "language": get_language(),
        },
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
