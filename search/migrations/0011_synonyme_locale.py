"""A group of synonyms says its language as a Wagtail ``Locale``, as every other model does,
rather than as a language code. The rows keep their language: each code becomes its locale
(created if the site no longer has it), and back."""

import django.db.models.deletion
from django.db import migrations, models

import search.models


def checked_at_once(schema_editor):
    """On PostgreSQL, foreign keys checked at each statement rather than at commit: rows
    written with a pending check would stop the ``ALTER TABLE`` that follows."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def codes_to_locales(apps, schema_editor):
    checked_at_once(schema_editor)
    Synonyme = apps.get_model("search", "Synonyme")
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in Synonyme.objects.values_list("langue", flat=True).distinct():
        locale, _created = Locale.objects.get_or_create(language_code=code)
        Synonyme.objects.filter(langue=code).update(locale=locale)


def locales_to_codes(apps, schema_editor):
    checked_at_once(schema_editor)
    Synonyme = apps.get_model("search", "Synonyme")
    Locale = apps.get_model("wagtailcore", "Locale")
    for locale in Locale.objects.filter(pk__in=Synonyme.objects.values("locale")):
        Synonyme.objects.filter(locale=locale).update(langue=locale.language_code)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0010_recherches_du_jour_dans_l_inventaire"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="synonyme",
            name="locale",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="langue",
            ),
        ),
        migrations.RunPython(codes_to_locales, locales_to_codes),
        migrations.AlterModelOptions(
            name="synonyme",
            options={
                "ordering": ["locale__language_code", "expressions"],
                "verbose_name": "groupe de synonymes",
                "verbose_name_plural": "synonymes",
            },
        ),
        migrations.RemoveField(model_name="synonyme", name="langue"),
        migrations.AlterField(
            model_name="synonyme",
            name="locale",
            field=models.ForeignKey(
                default=search.models.default_locale,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="langue",
            ),
        ),
    ]
