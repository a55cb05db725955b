"""The public search's own storage (``search.engines``), and Wagtail's table left as it is.

- PostgreSQL: two weighted search vectors on the entries, each with a GIN index, filled for the
  entries already there. The entries leave Wagtail's index table, which gets back the storage
  settings migration 0005 had changed, and the covering index 0005 added goes (the queries
  no longer need it).
- SQLite: an FTS5 table of the entries' words, filled for the entries already there.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

import search.models

CONFIGS = "CASE WHEN left(l.language_code, 2) = 'en' THEN 'entraide_en' ELSE 'entraide_fr' END"
FILL_VECTORS = f"""
UPDATE search_entree e SET
  search_vector =
      setweight(to_tsvector(({CONFIGS})::regconfig, e.title), 'A')
      || setweight(to_tsvector(({CONFIGS})::regconfig, e.chapo), 'B')
      || setweight(to_tsvector(({CONFIGS})::regconfig, e.taxons || ' ' || e.structure), 'C')
      || setweight(to_tsvector(({CONFIGS})::regconfig, e.texte), 'D'),
  title_vector =
      setweight(to_tsvector(({CONFIGS})::regconfig, e.title), 'A')
      || setweight(to_tsvector(({CONFIGS})::regconfig, e.chapo), 'B')
      || setweight(to_tsvector(({CONFIGS})::regconfig, e.taxons || ' ' || e.structure), 'C')
FROM wagtailcore_locale l WHERE l.id = e.locale_id
"""
FULL_TEXT_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_entree_fts USING fts5("
    "title, chapo, taxons, texte, tokenize = 'unicode61 remove_diacritics 2')"
)
FILL_FULL_TEXT = (
    "INSERT INTO search_entree_fts (rowid, title, chapo, taxons, texte) "
    "SELECT page_id, title, chapo, taxons || ' ' || structure, texte FROM search_entree"
)
GIN_INDEXES = [
    GinIndex(fields=["search_vector"], name="search_entree_vector"),
    GinIndex(fields=["title_vector"], name="search_entree_title_vector"),
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    Entree = apps.get_model("search", "Entree")
    if vendor == "postgresql":
        # Rows of a few hundred bytes: the text and the full vector out of them (TOAST), the
        # short vector in them, so reading the rows to rank on it stays cheap.
        schema_editor.execute("ALTER TABLE search_entree SET (toast_tuple_target = 128)")
        schema_editor.execute("ALTER TABLE search_entree ALTER COLUMN title_vector SET STORAGE MAIN")
        schema_editor.execute(FILL_VECTORS)  # before the indexes: built once, not row by row
        for index in GIN_INDEXES:
            schema_editor.add_index(Entree, index)
        _restore_wagtail_table(apps, schema_editor)
        schema_editor.execute("DROP INDEX IF EXISTS search_entree_recherche")
    elif vendor == "sqlite":
        schema_editor.execute(FULL_TEXT_TABLE)
        schema_editor.execute(FILL_FULL_TEXT)
    _leave_wagtail_index(apps)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    Entree = apps.get_model("search", "Entree")
    if vendor == "postgresql":
        for index in GIN_INDEXES:
            schema_editor.remove_index(Entree, index)
        schema_editor.execute("ALTER TABLE search_entree RESET (toast_tuple_target)")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_entree_fts")


def _restore_wagtail_table(apps, schema_editor):
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(f"ALTER TABLE {table} RESET (toast_tuple_target)")
    schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN title SET STORAGE EXTENDED")


def _leave_wagtail_index(apps):
    """The entries' rows in Wagtail's index table, which the public search no longer reads."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
    content_type = ContentType.objects.filter(app_label="search", model="entree").first()
    if content_type is not None:
        IndexEntry.objects.filter(content_type=content_type).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0012_sigles"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="entree",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="entree",
            name="title_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.CreateModel(
            name="EntreeFullText",
            fields=[
                (
                    "entree",
                    models.OneToOneField(
                        db_column="rowid",
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="search.entree",
                    ),
                ),
                ("table", search.models.FullTextTable(db_column="search_entree_fts")),
                ("title", models.TextField()),
                ("chapo", models.TextField()),
                ("taxons", models.TextField()),
                ("texte", models.TextField()),
            ],
            options={"db_table": "search_entree_fts", "managed": False},
        ),
        migrations.AddIndex(
            model_name="entree",
            index=models.Index(fields=["fin"], name="search_entree_fin"),
        ),
        migrations.AddIndex(
            model_name="entree",
            index=models.Index(fields=["departement", "type"], name="search_entree_departement"),
        ),
        migrations.RunPython(forward, backward),
    ]
