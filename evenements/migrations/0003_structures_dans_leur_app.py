"""The animators' structure is now ``structures.Structure``: the same table (``fiches_structure``),
so only the migration state changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("evenements", "0002_inscriptions_animateurs"),
        ("structures", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="atelieranimateur",
                    name="structure",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="structures.structure",
                        verbose_name="structure",
                    ),
                ),
            ],
        ),
    ]
