"""PostgreSQL: a French text search configuration that also folds accents, so that
« benevole » finds « bénévole ». ``unaccent`` is a trusted extension (PostgreSQL ≥ 13): the
database owner may create it. Nothing to do on SQLite, whose FTS5 folds accents itself."""

from django.db import migrations

from ._configurations import text_search_configuration


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(*text_search_configuration("entraide_fr", "french"))]
