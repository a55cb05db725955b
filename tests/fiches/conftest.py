import pytest

from fiches.services import get_or_create_fiche_index
from tests.factories import build_site_tree


@pytest.fixture
def fiches_index(db):
    """/fr/fiches/, under a fresh French home page (with /fr/ressources/ beside it)."""
    home, _index = build_site_tree()
    return get_or_create_fiche_index(home)
