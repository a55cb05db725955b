"""The application server of production (gunicorn, set up by site/gunicorn.py) serves the site:
started as a process of its own on the test database, it answers a page and a search. On
PostgreSQL, whose test database another process can open."""

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.browser import browser_db
from tests.factories import GuidePageFactory, build_site_tree

# Committed data another process can read; the database as migrations left it given back
# afterwards, as the browser tests have it (``browser_db``).
pytestmark = [pytest.mark.postgresql, browser_db]

GUNICORN = Path(sys.executable).parent / "gunicorn"
ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The test database, as ``DATABASE_URL`` names it (a Unix socket's folder as the host)."""
    database = connection.settings_dict
    host = urllib.parse.quote(database["HOST"] or "", safe="")
    user = urllib.parse.quote(database["USER"] or "", safe="")
    port = f":{database['PORT']}" if database["PORT"] else ""
    return f"postgresql://{user}@{host}{port}/{database['NAME']}"


def get(port, path):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": "localhost"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read().decode()


def wait_for(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stdout.read())
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not start listening")


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
