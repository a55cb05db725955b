"""An entry's type is the ``type_key`` its page type declares (``ressources.registry``), its
label the type's ``search_label``: the choices leave the field. Nothing changes in the
database (Django writes no SQL for choices)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0008_libelle_synonymes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="entree",
            name="type",
            field=models.CharField(max_length=10, verbose_name="type"),
        ),
    ]
