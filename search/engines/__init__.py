"""The public search's engines: one interface (``base.Engine``), three implementations.

On the database, the search runs queries of its own on the search entries, through public
APIs only: on PostgreSQL ``django.contrib.postgres.search`` on two weighted search vectors
with GIN indexes (``postgres``), on SQLite an FTS5 table beside the entries (``sqlite``).
Wagtail's database backend serves the admin, not this search: it ranks every match with a
subquery per row on SQLite, and on PostgreSQL it matches ``title || body``, which no index
answers. On Elasticsearch, the search goes through Wagtail's search API and backend
(``wagtail``), configured by settings (``search.backends.elasticsearch``).
"""

from django.conf import settings
from django.db import connection

from .base import CAP, Engine, Tally
from .postgres import PostgresEngine
from .sqlite import SQLiteEngine
from .wagtail import WagtailEngine

__all__ = ["CAP", "Engine", "Tally", "engine"]


def engine():
    """The engine of the settings (``PUBLIC_SEARCH_ENGINE``) and of the database."""
    if settings.PUBLIC_SEARCH_ENGINE == "elasticsearch":
        return WagtailEngine()
    if connection.vendor == "postgresql":
        return PostgresEngine()
    return SQLiteEngine()
