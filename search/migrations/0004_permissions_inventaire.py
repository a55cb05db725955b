"""Network staff (Éditeurs, Modérateurs) see the inventory in the admin; Éditeurs keep the
synonyms of the search."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

INVENTAIRE_GROUPS = ["Éditeurs", "Modérateurs"]
SYNONYMES_GROUPS = ["Éditeurs"]
SYNONYMES_ACTIONS = ["add", "change", "delete", "view"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    inventaire = Permission.objects.filter(
        content_type__app_label="search", codename="view_recherchedujour"
    )
    synonymes = Permission.objects.filter(
        content_type__app_label="search",
        codename__in=[f"{action}_synonyme" for action in SYNONYMES_ACTIONS],
    )
    for group in Group.objects.filter(name__in=INVENTAIRE_GROUPS):
        group.permissions.add(*inventaire)
    for group in Group.objects.filter(name__in=SYNONYMES_GROUPS):
        group.permissions.add(*synonymes)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_synonymes_de_depart"),
        ("ressources", "0002_locales_groupes_classement"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
