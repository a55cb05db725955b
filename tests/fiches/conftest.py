import pytest

from fiches.services import get_or_create_fiche_index
from tests.factories import StructureFactory, build_site_tree
from tests.fiches.helpers import contributor


@pytest.fixture
def fiches_index(db):
    """/fr/fiches/, under a fresh French home page (with /fr/ressources/ beside it)."""
    home, _index = build_site_tree()
    return get_or_create_fiche_index(home)


@pytest.fixture
def claire(fiches_index):
    """A contributor of « Asso du Quartier »."""
    return contributor(email="claire@asso-quartier.example")


@pytest.fixture
def asso(claire):
    return StructureFactory(nom="Asso du Quartier", membres=[claire])
