"""What the search tests share."""

from wagtail.search.backends import get_search_backend

from search import indexation
from search.models import Entree


def index_everything():
    """What ``update_index`` does: entries rebuilt from the live pages, then indexed
    (factories make live pages without publishing them, so no signal wrote their entries)."""
    indexation.synchroniser_tout()
    backend = get_search_backend()
    for entree in Entree.objects.all():
        backend.add(entree)
