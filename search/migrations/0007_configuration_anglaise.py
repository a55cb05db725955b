"""PostgreSQL: an English text search configuration that also folds accents, for the
English pages: with the French one, « write » was stemmed « writ » and did not find
« Writing » (kept whole). Entries already indexed keep their French vectors until
``update_index`` runs once (README). Nothing to do on SQLite, which stems the searched
words in their language (``search.backends.sqlite``)."""

from django.db import migrations

from ._configurations import text_search_configuration


class Migration(migrations.Migration):
    dependencies = [("search", "0006_index_par_date")]

    operations = [migrations.RunPython(*text_search_configuration("entraide_en", "english"))]
