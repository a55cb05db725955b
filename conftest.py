"""`make test` runs the suite on SQLite (tests marked ``postgresql`` deselected), then on the
throwaway PostgreSQL with ENTRAIDE_EXPECT_POSTGRESQL=1: that pass must really be on PostgreSQL,
and it leaves out the tests that touch no database or are marked ``engine_independent`` (what
they check is rendering, files or messages, the same on any engine: the SQLite pass runs them)."""

import os

import pytest

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def uses_a_database(item):
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(fixtures & DATABASE_FIXTURES)


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    if not os.environ.get("ENTRAIDE_EXPECT_POSTGRESQL"):
        return
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine != "django.db.backends.postgresql":
        raise pytest.UsageError(f"The PostgreSQL pass is running on {engine}.")
    kept = [
        item
        for item in items
        if uses_a_database(item) and item.get_closest_marker("engine_independent") is None
    ]
    if len(kept) < len(items):
        kept_ids = {id(item) for item in kept}
        config.hook.pytest_deselected(items=[item for item in items if id(item) not in kept_ids])
        items[:] = kept
