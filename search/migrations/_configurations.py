"""A PostgreSQL text search configuration that stems in a language and folds accents, for
migrations ``0002`` (French) and ``0007`` (English). The migration loader skips modules
whose name starts with an underscore."""

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
        CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {language});
        ALTER TEXT SEARCH CONFIGURATION {name}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {language}_stem;
    END IF;
END
$$;
"""


def text_search_configuration(name, language):
    """``(create, drop)`` functions for ``RunPython``: nothing to do on SQLite."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(CREATE.format(name=name, language=language))

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};")

    return create, drop
