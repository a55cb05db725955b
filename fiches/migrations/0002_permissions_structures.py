"""Network staff (Éditeurs, Modérateurs) see structures in the admin and mark them « vérifiée »."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF_GROUPS = ["Éditeurs", "Modérateurs"]
ACTIONS = ["view", "change"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("fiches")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="fiches",
        content_type__model="structure",
        codename__in=[f"{action}_structure" for action in ACTIONS],
    )
    for group in Group.objects.filter(name__in=STAFF_GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("fiches", "0001_structures"),
        ("ressources", "0002_locales_groupes_classement"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
