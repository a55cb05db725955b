"""Structures and adhésions now live in the ``structures`` app, in the same tables
(``fiches_structure``, ``fiches_adhesion``): the fiches' foreign key follows them and this app's
state lets them go, without a change to the database. Their content types move to the new app
label, so that the permissions already given to groups (and the admin's history of changes)
stay attached to them."""

import django.db.models.deletion
from django.db import migrations, models

MOVED_MODELS = ["structure", "adhesion"]


def move_content_types(from_label, to_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in MOVED_MODELS:
            if not ContentType.objects.filter(app_label=from_label, model=model).exists():
                continue
            # A content type under the new label exists only if a migrate stopped half-way
            # created it (post_migrate): empty, it gives way to the one that has the history.
            ContentType.objects.filter(app_label=to_label, model=model).delete()
            ContentType.objects.filter(app_label=from_label, model=model).update(app_label=to_label)

    return move


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("fiches", "0006_textes_rendus_et_cles_de_recherche"),
        ("structures", "0001_initial"),
        # The ateliers' foreign key must point to the new model before the old one goes.
        ("evenements", "0003_structures_dans_leur_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="fichepage",
                    name="structure",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="fiches",
                        to="structures.structure",
                        verbose_name="structure",
                    ),
                ),
                migrations.DeleteModel(name="Adhesion"),
                migrations.DeleteModel(name="Structure"),
            ],
        ),
        migrations.RunPython(
            move_content_types("fiches", "structures"),
            move_content_types("structures", "fiches"),
        ),
    ]
