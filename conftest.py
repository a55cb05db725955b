"""`make test` runs the suite on SQLite (tests marked ``postgresql`` deselected), then on the
throwaway PostgreSQL with ENTRAIDE_EXPECT_POSTGRESQL=1: that pass must really be on PostgreSQL."""

import os

import pytest


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if os.environ.get("ENTRAIDE_EXPECT_POSTGRESQL") and engine != "django.db.backends.postgresql":
        raise pytest.UsageError(f"The PostgreSQL pass is running on {engine}.")
