"""What the search tests share."""

from search import indexation


def index_everything():
    """What ``update_index`` does for the public search: entries rebuilt from the live pages
    and indexed by the engine (factories make live pages without publishing them, so no
    signal wrote their entries)."""
    indexation.synchroniser_tout()
