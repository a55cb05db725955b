"""Fills what 0005 added for the fiches and structures already there: each fiche's texts
rendered (``fiches.rendering``), each structure's search key (``structures.annuaire``); and, on
PostgreSQL, the trigram index that serves the structures' search (``LIKE '%mot%'``).

Revisions saved before keep no rendered text: their preview renders them, and they are
rendered for good when they are saved or published."""

from django.db import migrations

from fiches import rendering
from structures import annuaire

TEXTS = ("situation", "etapes", "reussites", "pieges", "liens")
SEARCH_KEY_INDEX = "fiches_structure_search_key_trgm"


def fill(apps, schema_editor):
    FichePage = apps.get_model("fiches", "FichePage")
    for fiche in FichePage.objects.only(*TEXTS, "rendered_texts").iterator():
        rendered = rendering.render_all({field: getattr(fiche, field) for field in TEXTS})
        FichePage.objects.filter(pk=fiche.pk).update(rendered_texts=rendered)
    Structure = apps.get_model("fiches", "Structure")
    for structure in Structure.objects.only("nom").iterator():
        Structure.objects.filter(pk=structure.pk).update(search_key=annuaire.fold(structure.nom))


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {SEARCH_KEY_INDEX} ON fiches_structure "
            "USING gin (search_key gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {SEARCH_KEY_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("fiches", "0005_longueurs_bornees"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
