"""The application server of production (gunicorn, set up by site/gunicorn.py) serves the site:
started as a process of its own on the test database, it answers a page and a search. On
PostgreSQL, whose test database another process can open."""

import pytest

from tests.browser import browser_db
from tests.factories import GuidePageFactory, build_site_tree
from tests.servers import get, gunicorn

# Committed data another process can read; the database as migrations left it given back
# afterwards, as the browser tests have it (``browser_db``).
pytestmark = [pytest.mark.postgresql, browser_db]


@pytest.fixture
def serveur():
    with gunicorn() as port:
        yield port


def test_gunicorn_serves_pages_and_searches(serveur):
    home, index = build_site_tree()
    GuidePageFactory(parent=index, title="Rédiger des statuts associatifs", slug="statuts")

    status, _headers, html = get(serveur, "/fr/ressources/statuts/")
    assert status == 200 and "Rédiger des statuts associatifs" in html

    status, _headers, html = get(serveur, "/fr/recherche/?q=statuts")
    assert status == 200 and "Rechercher une ressource" in html
