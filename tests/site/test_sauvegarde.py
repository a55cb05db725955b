"""A backup (``manage.py sauvegarder``) restored (``manage.py restaurer``) into an empty
database and empty folders gives back the content and the files, as a real restore would on a
new machine. On PostgreSQL, with its own pg_dump and pg_restore."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection

from tests.browser import browser_db
from tests.factories import GuidePageFactory, build_site_tree
from tests.servers import ROOT, database_url

pytestmark = [pytest.mark.postgresql, browser_db]


def manage(*args, database, media, private):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": database,
            "MEDIA_ROOT": str(media),
            "PRIVATE_MEDIA_ROOT": str(private),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def empty_database():
    """A new, empty database on the test server, dropped afterwards."""
    name = f"restauration_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restored_on_an_empty_machine_gives_back_pages_and_files(tmp_path, empty_database):
    _home, index = build_site_tree()
    GuidePageFactory(parent=index, title="Tenir une assemblée générale", slug="ag")
    public = storages["default"].save("images/affiche.png", ContentFile(b"\x89PNG affiche"))
    private = storages["private"].save("fiches/budget.ods", ContentFile(b"PK budget"))
    here = {"media": settings.MEDIA_ROOT, "private": settings.PRIVATE_MEDIA_ROOT}

    manage("sauvegarder", str(tmp_path / "sauvegarde"), database=database_url(), **here)
    elsewhere = {"media": tmp_path / "media", "private": tmp_path / "prive"}
    restored_url = database_url().rsplit("/", 1)[0] + f"/{empty_database}"
    manage(
        "restaurer", "--noinput", str(tmp_path / "sauvegarde"), database=restored_url, **elsewhere
    )

    with psycopg.connect(restored_url) as restored:
        titles = [row[0] for row in restored.execute("SELECT title FROM wagtailcore_page")]
    assert "Tenir une assemblée générale" in titles
    assert Path(elsewhere["media"], public).read_bytes() == b"\x89PNG affiche"
    assert Path(elsewhere["private"], private).read_bytes() == b"PK budget"
