"""Listings show 12 ressources a page, and any ``page`` parameter gives a page, never an error."""

import pytest

from ressources.listing import PER_PAGE
from ressources.models import Niveau
from tests import markup
from tests.factories import GuidePageFactory, build_site_tree

pytestmark = pytest.mark.django_db

URL = "/fr/ressources/"
TOTAL = 27  # three pages: 12, 12 and 3
TITLES = [f"Guide numéro {number:02d}" for number in range(1, TOTAL + 1)]  # most recent first
INTERMEDIAIRES = 5  # the most recent guides are for an intermediate level: one page of them


@pytest.fixture(scope="module")
def ressources(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        for age, title in enumerate(TITLES):
            niveau = Niveau.INTERMEDIAIRE if age < INTERMEDIAIRES else Niveau.DEBUTANT
            GuidePageFactory(parent=index, title=title, age_hours=age + 1, niveau=niveau)


def page_of(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200
    return response


def test_listing_shows_twelve_ressources_a_page(client, ressources):
    response = page_of(client)

    assert PER_PAGE == 12
    assert markup.card_titles(response.content) == TITLES[:12]
    assert markup.result_count(response.content) == "27 ressources, page 1 sur 3"


def test_listing_second_page_continues_where_the_first_stopped(client, ressources):
    response = page_of(client, "?page=2")

    assert markup.card_titles(response.content) == TITLES[12:24]
    assert markup.result_count(response.content) == "27 ressources, page 2 sur 3"


@pytest.mark.parametrize("value", ["999", "9" * 400])
def test_listing_page_beyond_the_last_shows_the_last_page(client, ressources, value):
    response = page_of(client, f"?page={value}")

    assert markup.card_titles(response.content) == TITLES[24:]


@pytest.mark.parametrize("value", ["abc", "", "1.5", "%00", "deux"])
def test_listing_page_that_is_not_a_number_shows_the_first_page(client, ressources, value):
    response = page_of(client, f"?page={value}")

    assert markup.card_titles(response.content) == TITLES[:12]


@pytest.mark.parametrize("value", ["-1", "0"])
def test_listing_page_below_one_gives_a_page_not_an_error(client, ressources, value):
    response = page_of(client, f"?page={value}")

    titles = markup.card_titles(response.content)
    assert titles in (TITLES[:12], TITLES[24:])


def test_listing_pagination_links_keep_the_filters(client, ressources):
    response = page_of(client, "?type=guide&tri=az&page=2")

    hrefs = markup.links(response.content)
    assert "?type=guide&tri=az&page=1" in hrefs
    assert "?type=guide&tri=az&page=3" in hrefs
    assert markup.card_titles(response.content) == sorted(TITLES)[12:24]


def test_listing_marks_the_current_page_in_the_pagination(client, ressources):
    response = page_of(client, "?page=3")

    current = [
        attrs["href"]
        for attrs in markup.elements(response.content, "a")
        if attrs.get("aria-current") == "page" and "page=" in attrs.get("href", "")
    ]
    assert current == ["?page=3"]
    assert "Page suivante" not in response.content.decode()
    assert "Page précédente" in response.content.decode()


def test_listing_with_a_single_page_shows_no_pagination(client, ressources):
    response = page_of(client, "?niveau=intermediaire")

    assert markup.card_titles(response.content) == TITLES[:INTERMEDIAIRES]
    assert markup.result_count(response.content) == f"{INTERMEDIAIRES} ressources"
    assert 'class="pagination"' not in response.content.decode()
    assert "page=2" not in response.content.decode()


def test_empty_listing_says_so_and_shows_no_pagination(client, ressources):
    response = page_of(client, "?niveau=avance")

    assert markup.card_titles(response.content) == []
    assert markup.result_count(response.content) == "Aucune ressource"
    assert 'class="pagination"' not in response.content.decode()
