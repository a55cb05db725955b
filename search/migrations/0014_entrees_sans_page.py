"""Search entries for objects that are not pages (issue 19: the annonces of the bourse).

The entries get an id of their own: ``page`` becomes an optional one-to-one link, beside
``objet`` (``"annonce:12"``) and ``url``; one of the two names what the entry is. Entries are
derived data (``update_index`` rebuilds them all), so the table is made again rather than
altered: emptied, dropped with its links to domaines and publics, created anew with the
PostgreSQL storage settings and GIN indexes of migration 0013; SQLite's full text table is
emptied (its ``rowid`` is now the entry's id).

After this migration, run ``manage.py update_index``: until then the search finds nothing."""

import django.contrib.postgres.search
import django.db.models.deletion
import modelsearch.index
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

import search.models

GIN_INDEXES = [
    GinIndex(fields=["search_vector"], name="search_entree_vector"),
    GinIndex(fields=["title_vector"], name="search_entree_title_vector"),
]


def vider(apps, schema_editor):
    apps.get_model("search", "Entree").objects.all().delete()
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DELETE FROM search_entree_fts")


def stockage(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Entree = apps.get_model("search", "Entree")
    schema_editor.execute("ALTER TABLE search_entree SET (toast_tuple_target = 128)")
    schema_editor.execute("ALTER TABLE search_entree ALTER COLUMN title_vector SET STORAGE MAIN")
    for index in GIN_INDEXES:
        schema_editor.add_index(Entree, index)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0013_moteurs_a_nous"),
        ("ressources", "0002_locales_groupes_classement"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(vider, migrations.RunPython.noop),
        migrations.DeleteModel(name="EntreeFullText"),
        migrations.DeleteModel(name="Entree"),
        migrations.CreateModel(
            name="Entree",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                (
                    "page",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.page",
                    ),
                ),
                (
                    "objet",
                    models.CharField(
                        blank=True, max_length=40, null=True, unique=True, verbose_name="objet"
                    ),
                ),
                ("url", models.CharField(blank=True, max_length=300, verbose_name="adresse")),
                (
                    "locale",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                    ),
                ),
                ("type", models.CharField(max_length=10, verbose_name="type")),
                ("title", models.CharField(max_length=255, verbose_name="titre")),
                ("chapo", models.TextField(blank=True, verbose_name="en bref")),
                ("texte", models.TextField(blank=True, verbose_name="texte")),
                (
                    "date",
                    models.DateTimeField(
                        help_text="Publication, ou début d'un atelier.", verbose_name="date"
                    ),
                ),
                ("fin", models.DateTimeField(blank=True, null=True, verbose_name="fin")),
                (
                    "departement",
                    models.CharField(blank=True, max_length=3, verbose_name="département"),
                ),
                ("structure", models.CharField(blank=True, max_length=255, verbose_name="structure")),
                (
                    "taxons",
                    models.TextField(
                        blank=True,
                        help_text="Leurs noms dans la langue de la page, pour la recherche.",
                        verbose_name="domaines et publics",
                    ),
                ),
                (
                    "search_vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "title_vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "domaines",
                    models.ManyToManyField(blank=True, related_name="+", to="ressources.domaine"),
                ),
                (
                    "publics",
                    models.ManyToManyField(blank=True, related_name="+", to="ressources.public"),
                ),
            ],
            options={
                "verbose_name": "entrée de recherche",
                "verbose_name_plural": "entrées de recherche",
                "indexes": [
                    models.Index(
                        fields=["locale", "type", "date"], name="search_entr_locale__723f72_idx"
                    ),
                    models.Index(fields=["locale", "date"], name="search_entr_locale__a733e1_idx"),
                    models.Index(fields=["fin"], name="search_entree_fin"),
                    models.Index(
                        fields=["departement", "type"], name="search_entree_departement"
                    ),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("objet__isnull", True), ("page__isnull", False)),
                            models.Q(("objet__isnull", False), ("page__isnull", True)),
                            _connector="OR",
                        ),
                        name="search_entree_page_ou_objet",
                    )
                ],
            },
            bases=(modelsearch.index.Indexed, models.Model),
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
        migrations.RunPython(stockage, migrations.RunPython.noop),
    ]
