"""Wagtail's database search backend, with French word forms on SQLite too.

PostgreSQL stems and folds accents itself, with the ``entraide_fr`` text search configuration
that ``search/migrations/0002`` creates. SQLite's FTS5 folds accents (``unicode61``) but has no
stemmer: there, ``search.backends.sqlite`` searches each word as the prefix of its stem.
"""

from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = database_backend(params)
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    if type(backend) is SQLiteSearchBackend:
        from .sqlite import FrenchSQLiteSearchBackend

        return FrenchSQLiteSearchBackend(params)
    return backend
