"""A day's tally says its language as a Wagtail ``Locale``, as every other model does, rather
than as a language code. The rows keep their language: each code becomes its locale (created
if the site no longer has it), and back."""

import django.db.models.deletion
from django.db import migrations, models

OLD_CONSTRAINT = "recherche_unique_par_jour"
OLD_INDEX = "search_rech_langue_8b86c8_idx"


def checked_at_once(schema_editor):
    """On PostgreSQL, foreign keys checked at each statement rather than at commit: rows
    written with a pending check would stop the ``ALTER TABLE`` that follows."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def codes_to_locales(apps, schema_editor):
    checked_at_once(schema_editor)
    RechercheDuJour = apps.get_model("inventaire", "RechercheDuJour")
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in RechercheDuJour.objects.values_list("langue", flat=True).distinct():
        locale, _created = Locale.objects.get_or_create(language_code=code)
        RechercheDuJour.objects.filter(langue=code).update(locale=locale)


def locales_to_codes(apps, schema_editor):
    checked_at_once(schema_editor)
    RechercheDuJour = apps.get_model("inventaire", "RechercheDuJour")
    Locale = apps.get_model("wagtailcore", "Locale")
    for locale in Locale.objects.filter(pk__in=RechercheDuJour.objects.values("locale")):
        RechercheDuJour.objects.filter(locale=locale).update(langue=locale.language_code)


class Migration(migrations.Migration):
    dependencies = [
        ("inventaire", "0001_initial"),
        ("search", "0010_recherches_du_jour_dans_l_inventaire"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="recherchedujour",
            name="locale",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="langue",
            ),
        ),
        migrations.RemoveConstraint(model_name="recherchedujour", name=OLD_CONSTRAINT),
        migrations.RemoveIndex(model_name="recherchedujour", name=OLD_INDEX),
        # Empty for a moment when going back, until ``locales_to_codes`` fills it.
        migrations.AlterField(
            model_name="recherchedujour",
            name="langue",
            field=models.CharField(max_length=5, null=True, verbose_name="langue"),
        ),
        migrations.RunPython(codes_to_locales, locales_to_codes),
        migrations.RemoveField(model_name="recherchedujour", name="langue"),
        migrations.AlterField(
            model_name="recherchedujour",
            name="locale",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="langue",
            ),
        ),
        migrations.AddConstraint(
            model_name="recherchedujour",
            constraint=models.UniqueConstraint(
                fields=("jour", "locale", "requete"), name=OLD_CONSTRAINT
            ),
        ),
        migrations.AddIndex(
            model_name="recherchedujour",
            index=models.Index(fields=["locale", "jour"], name="search_rech_locale__f21676_idx"),
        ),
    ]
