"""How PostgreSQL stores what a search reads (nothing changes on SQLite).

- Wagtail's index table keeps its long vectors and texts out of its rows (TOAST storage past
  128 bytes, the smallest target PostgreSQL allows), while the title vector stays in the row
  (``STORAGE MAIN``): after its GIN indexes have found the matches, PostgreSQL reads 20 MB of
  rows for 100,000 entries instead of 463 MB, and ranks on the titles without fetching
  anything else. Rows already written keep their layout until they are written again:
  ``python manage.py update_index`` (or ``VACUUM FULL wagtailsearch_indexentry``) once.
- A covering index on the entries: their language, id, end date, type and département, all a
  search needs to count its matches and group them, read from the index alone.

``search.backends.postgres`` explains the queries these serve; the figures are in the README.
"""

from django.db import migrations

ENTRY_INDEX = "search_entree_recherche"


def statements(apps, schema_editor):
    """Each change, and how to undo it."""
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    return [
        (
            f"ALTER TABLE {table} SET (toast_tuple_target = 128)",
            f"ALTER TABLE {table} RESET (toast_tuple_target)",
        ),
        (
            f"ALTER TABLE {table} ALTER COLUMN title SET STORAGE MAIN",
            f"ALTER TABLE {table} ALTER COLUMN title SET STORAGE EXTENDED",
        ),
        (
            f"CREATE INDEX IF NOT EXISTS {ENTRY_INDEX} ON search_entree "
            "(locale_id, page_id) INCLUDE (fin, type, departement)",
            f"DROP INDEX IF EXISTS {ENTRY_INDEX}",
        ),
    ]


def on_postgresql(undo):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        changes = statements(apps, schema_editor)
        for forward, backward in reversed(changes) if undo else changes:
            schema_editor.execute(backward if undo else forward)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_permissions_inventaire"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(on_postgresql(undo=False), on_postgresql(undo=True))]
