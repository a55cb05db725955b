"""One migration per test run, not one per pytest-xdist worker.

Creating the test database by migrations (about 270 of them, Wagtail's mostly) costs 20 to
55 s of a worker's time. The first worker of a run builds a template database under a file
lock; every worker then starts from a copy of it: PostgreSQL clones it (``CREATE DATABASE …
TEMPLATE``, Django's ``clone_test_db``), SQLite copies it into the worker's in-memory database
with the standard library's backup API. Django's own ``setup_databases(keepdb=True)`` then
finds the migrations applied and does the rest as usual (checks, serialized data)."""

import fcntl
import sqlite3
from contextlib import contextmanager

from django.db import connection

SQLITE = "django.db.backends.sqlite3"


@contextmanager
def locked(path):
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_template(template_name):
    """Migrate a database of that name, then point the connection back where it was."""
    settings_dict = connection.settings_dict
    name, test_name = settings_dict["NAME"], settings_dict["TEST"].get("NAME")
    settings_dict["TEST"]["NAME"] = template_name
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    connection.close()
    settings_dict["NAME"], settings_dict["TEST"]["NAME"] = name, test_name


def _copy_for_worker(template_name, worker):
    """Give this worker its own copy of the template, as its test database. Returns what
    must stay open for the copy to live (SQLite's in-memory database), or None."""
    settings_dict = connection.settings_dict
    if settings_dict["ENGINE"] == SQLITE:
        # Django names the default in-memory test database so; it lives while a
        # connection to it is open.
        keeper = sqlite3.connect(
            f"file:memorydb_{connection.alias}?mode=memory&cache=shared", uri=True
        )
        with sqlite3.connect(template_name) as template:
            template.backup(keeper)
        settings_dict["TEST"]["NAME"] = None
        return keeper
    name = settings_dict["NAME"]
    settings_dict["NAME"] = template_name
    connection.creation.clone_test_db(suffix=worker, verbosity=0)
    settings_dict["TEST"]["NAME"] = connection.creation.get_test_db_clone_settings(worker)["NAME"]
    settings_dict["NAME"] = name
    connection.close()
    return None


def prepare_from_template(shared_dir, run_id, worker):
    """Before ``setup_databases(keepdb=True)``: this worker's test database, migrated."""
    settings_dict = connection.settings_dict
    if settings_dict["ENGINE"] == SQLITE:
        template_name = str(shared_dir / f"template-{run_id}.sqlite3")
    else:
        template_name = f"test_{settings_dict['NAME']}_template_{run_id}"
    with locked(shared_dir / f"template-{run_id}.lock"):
        built = shared_dir / f"template-{run_id}.built"
        if not built.exists():
            _build_template(template_name)
            built.touch()
        return _copy_for_worker(template_name, worker)
