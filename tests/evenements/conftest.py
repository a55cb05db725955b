import pytest

from tests.evenements.helpers import agenda_page


@pytest.fixture
def agenda(db):
    """/fr/ateliers/, empty, under a fresh French home page."""
    return agenda_page()
