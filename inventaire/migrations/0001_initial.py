"""The daily tally of searches comes from ``search``, where it was born (its migration 0001
created the table): this migration only takes it into this app's state, table untouched
(``db_table`` keeps its name); ``search`` 0010 then lets it go and moves its content type, so
that the permission given to the Éditeurs and Modérateurs (« see the inventory ») follows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("search", "0009_type_declare_par_les_pages"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RechercheDuJour",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("jour", models.DateField(verbose_name="jour")),
                        ("langue", models.CharField(max_length=5, verbose_name="langue")),
                        ("requete", models.CharField(max_length=200, verbose_name="recherche")),
                        (
                            "nombre",
                            models.PositiveIntegerField(default=0, verbose_name="nombre"),
                        ),
                        (
                            "sans_resultat",
                            models.PositiveIntegerField(default=0, verbose_name="sans résultat"),
                        ),
                        (
                            "resultats",
                            models.PositiveIntegerField(
                                default=0, verbose_name="résultats (dernière fois)"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "recherche du jour",
                        "verbose_name_plural": "recherches du jour",
                        "db_table": "search_recherchedujour",
                        "indexes": [
                            models.Index(
                                fields=["langue", "jour"], name="search_rech_langue_8b86c8_idx"
                            )
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("jour", "langue", "requete"),
                                name="recherche_unique_par_jour",
                            )
                        ],
                    },
                ),
            ],
        ),
    ]
