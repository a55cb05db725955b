"""The Modérateurs read and moderate the annonces and their reports in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPES = ["Modérateurs"]
PERMISSIONS = ["view_annonce", "change_annonce", "view_signalement", "change_signalement"]


def accorder(apps, schema_editor):
    app_config = apps.get_app_config("bourse")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="bourse", codename__in=PERMISSIONS
    )
    for groupe in Group.objects.filter(name__in=GROUPES):
        groupe.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("bourse", "0001_annonces"),
        ("ressources", "0002_locales_groupes_classement"),
    ]

    operations = [migrations.RunPython(accorder, migrations.RunPython.noop)]
