"""The daily tally of searches now lives in the ``inventaire`` app, in the same table
(``search_recherchedujour``): this app's state lets it go, without a change to the database.
Its content type moves to the new app label, so that the permission already given to groups
(``view_recherchedujour``: « see the inventory ») stays attached to it."""

from django.db import migrations

MOVED_MODELS = ["recherchedujour"]


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
        ("search", "0009_type_declare_par_les_pages"),
        ("inventaire", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="RechercheDuJour")],
        ),
        migrations.RunPython(
            move_content_types("search", "inventaire"),
            move_content_types("inventaire", "search"),
        ),
    ]
