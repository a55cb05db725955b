"""A structure's page shows the fiches it published: a section the fiches app adds to the
structures' pages (a Wagtail hook), the structures app knowing nothing of fiches."""

import pytest
from bs4 import BeautifulSoup

from fiches.services import get_or_create_fiche_index
from tests.factories import FichePageFactory, StructureFactory, build_site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def fiches(db):
    home, _index = build_site_tree()
    return get_or_create_fiche_index(home)


@pytest.fixture
def jardin(db):
    return StructureFactory(nom="Les Jardins du quartier")


def fiches_section(client, structure):
    response = client.get(structure.get_absolute_url())
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return page.find("section", attrs={"aria-labelledby": "titre-fiches-structure"})


def test_a_structure_page_lists_the_fiches_it_published_and_no_other(client, fiches, jardin):
    FichePageFactory(parent=fiches, structure=jardin, title="Notre première paie")
    FichePageFactory(parent=fiches, structure=jardin, title="Un brouillon", live=False)
    FichePageFactory(parent=fiches, title="La fiche d'une autre structure")

    section = fiches_section(client, jardin)

    titles = [" ".join(title.get_text().split()) for title in section.select(".card__title")]
    assert titles == ["Notre première paie"]
    assert section.find("a", string=lambda text: text and "Notre première paie" in text)


def test_a_structure_without_a_published_fiche_says_so(client, fiches, jardin):
    FichePageFactory(parent=fiches, structure=jardin, title="Un brouillon", live=False)

    section = fiches_section(client, jardin)

    assert "Cette structure n'a pas encore publié de fiche." in section.get_text()
    assert not section.select(".card__title")
