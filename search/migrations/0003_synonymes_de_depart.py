from django.db import migrations

SYNONYMES = [
    "RH, ressources humaines",
    "AG, assemblée générale",
    "CA, conseil d'administration",
    "asso, association",
    "subvention, financement public",
    "mécénat, fundraising",
    "IAE, insertion par l'activité économique",
    "mairie, commune, collectivité",
]


def create(apps, schema_editor):
    Synonyme = apps.get_model("search", "Synonyme")
    for expressions in SYNONYMES:
        Synonyme.objects.get_or_create(langue="fr", expressions=expressions)


def delete(apps, schema_editor):
    apps.get_model("search", "Synonyme").objects.filter(expressions__in=SYNONYMES).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_configuration_francaise")]

    operations = [migrations.RunPython(create, delete)]
