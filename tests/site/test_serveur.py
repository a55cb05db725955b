"""The application server of production (gunicorn, set up by site/gunicorn.py) serves the site:
started as a process of its own on the test database, it answers a page and a search. On
PostgreSQL, whose test database another process can open."""

import os
import subprocess

import pytest

from tests.browser import browser_db
from tests.factories import GuidePageFactory, build_site_tree
from tests.servers import GUNICORN, ROOT, database_url, free_port, get, wait_for

# Committed data another process can read; the database as migrations left it given back
# afterwards, as the browser tests have it (``browser_db``).
pytestmark = [pytest.mark.postgresql, browser_db]


@pytest.fixture
def serveur():
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "entraide.settings.test",
        "DATABASE_URL": database_url(),
        "PORT": str(port),
        "BIND_ADDRESS": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
    }
    process = subprocess.Popen(
        [str(GUNICORN), "-c", "python:entraide.gunicorn", "entraide.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_gunicorn_serves_pages_and_searches(serveur):
    home, index = build_site_tree()
    GuidePageFactory(parent=index, title="Rédiger des statuts associatifs", slug="statuts")

    status, _headers, html = get(serveur, "/fr/ressources/statuts/")
    assert status == 200 and "Rédiger des statuts associatifs" in html

    status, _headers, html = get(serveur, "/fr/recherche/?q=statuts")
    assert status == 200 and "Rechercher une ressource" in html
