"""Wagtail's database search backend, with French word forms on SQLite too.

PostgreSQL stems and folds accents itself, with the ``entraide_fr`` text search configuration
that ``search/migrations/0002`` creates; ``search.backends.postgres`` makes it use its
indexes. SQLite's FTS5 folds accents (``unicode61``) but has no
stemmer: there, ``search.backends.sqlite`` searches each word as the prefix of its stem.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    """Each engine's module is imported only on that engine: modelsearch's SQLite backend
    looks up a model that exists only on SQLite, its PostgreSQL one needs psycopg."""
    backend = database_backend(params)
    if connection.vendor == "postgresql":
        from .postgres import IndexedPostgresSearchBackend  # noqa: PLC0415 (engine-specific)

        return IndexedPostgresSearchBackend(params)
    if connection.vendor != "sqlite":
        return backend
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend  # noqa: PLC0415

    if type(backend) is SQLiteSearchBackend:  # FTS5 is available
        from .sqlite import FrenchSQLiteSearchBackend  # noqa: PLC0415 (engine-specific)

        return FrenchSQLiteSearchBackend(params)
    return backend
