"""PostgreSQL: an English text search configuration that also folds accents, for the
English pages: with the French one, « volunteer » was stemmed « volunte » and did not find
« volunteers » (« volunteer »). Entries already indexed keep their French vectors until
``update_index`` runs once (README). Nothing to do on SQLite, which stems the searched
words in their language (``search.backends.sqlite``)."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'entraide_en') THEN
        CREATE TEXT SEARCH CONFIGURATION entraide_en (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION entraide_en
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS entraide_en;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_index_par_date")]

    operations = [migrations.RunPython(create, drop)]
