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


def tune(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(f"ALTER TABLE {table} SET (toast_tuple_target = 128)")
    schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN title SET STORAGE MAIN")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {ENTRY_INDEX} ON search_entree "
        "(locale_id, page_id) INCLUDE (fin, type, departement)"
    )


def untune(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(f"ALTER TABLE {table} RESET (toast_tuple_target)")
    schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN title SET STORAGE EXTENDED")
    schema_editor.execute(f"DROP INDEX IF EXISTS {ENTRY_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_permissions_inventaire"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(tune, untune)]
