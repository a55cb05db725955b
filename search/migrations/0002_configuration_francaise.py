"""PostgreSQL: a French text search configuration that also folds accents, so that
« benevole » finds « bénévole ». ``unaccent`` is a trusted extension (PostgreSQL ≥ 13): the
database owner may create it. Nothing to do on SQLite, whose FTS5 folds accents itself."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'entraide_fr') THEN
        CREATE TEXT SEARCH CONFIGURATION entraide_fr (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION entraide_fr
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS entraide_fr;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
