"""The repository is consistent with itself: no model change without its migration,
no French UI string without its English translation."""

import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

BASE_DIR = Path(settings.BASE_DIR)
IGNORED = [".venv", "var", "tests", "bench", "static", "scripts"]


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"Missing migrations:\n{out.getvalue()}")


def test_english_catalogue_translates_every_ui_string(tmp_path, settings, monkeypatch):
    """makemessages writes into the ``locale/`` folder of the tree it walks: it walks a copy
    made of links to the sources, so the checkout's catalogue is never rewritten (the SQLite
    and PostgreSQL passes run this test at the same time)."""
    project = tmp_path / "project"
    project.mkdir()
    for source in BASE_DIR.iterdir():
        if (
            source.name not in IGNORED
            and source.name != "locale"
            and not source.name.startswith(".")
        ):
            (project / source.name).symlink_to(source)
    shutil.copytree(BASE_DIR / "locale", project / "locale")
    settings.LOCALE_PATHS = [project / "locale"]
    monkeypatch.chdir(project)
    call_command(
        "makemessages",
        locale=["en"],
        ignore_patterns=IGNORED,
        no_location=True,
        symlinks=True,
        verbosity=0,
    )
    po_file = project / "locale" / "en" / "LC_MESSAGES" / "django.po"
    untranslated = msgids(po_file, "--untranslated")
    fuzzy_ids = msgids(po_file, "--only-fuzzy")
    assert not untranslated, "Untranslated strings (run `make messages`):\n" + "\n".join(
        untranslated
    )
    assert not fuzzy_ids, "Fuzzy translations to review:\n" + "\n".join(fuzzy_ids)


def msgids(po_file, selection):
    """The msgids of the entries msgattrib selects, the catalogue's header left out."""
    output = subprocess.run(
        ["msgattrib", selection, "--no-obsolete", str(po_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in output.splitlines() if line.startswith("msgid ")][1:]
