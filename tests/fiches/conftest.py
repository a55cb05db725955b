import pytest
from django.test.utils import override_settings

from fiches.models import PieceJointe
from fiches.services import get_or_create_fiche_index
from tests.factories import build_site_tree


@pytest.fixture(scope="session", autouse=True)
def private_media_root(tmp_path_factory):
    """Contributors' files go to a temporary folder, never to var/private.

    The field's storage is built once, when the model is imported, from PRIVATE_MEDIA_ROOT:
    overriding the setting is not enough, the storage is rebuilt with the model's own
    callable after the override."""
    root = tmp_path_factory.mktemp("private")
    field = PieceJointe._meta.get_field("fichier")
    original = field.storage
    with override_settings(PRIVATE_MEDIA_ROOT=root):
        field.storage = field._storage_callable()
        try:
            yield root
        finally:
            field.storage = original


@pytest.fixture
def fiches_index(db):
    """/fr/fiches/, under a fresh French home page (with /fr/ressources/ beside it)."""
    home, _index = build_site_tree()
    return get_or_create_fiche_index(home)
