from django.db import migrations, models


class Migration(migrations.Migration):
    """Results sorted by date: PostgreSQL reads the entries in date order, the latest first,
    and checks each until a page is full (2 ms instead of 0.4 s for a word found in nine
    entries out of ten, at 100,000 entries)."""

    dependencies = [("search", "0005_stockage_recherche_postgresql")]

    operations = [
        migrations.AddIndex(
            model_name="entree",
            index=models.Index(fields=["locale", "date"], name="search_entr_locale__a733e1_idx"),
        ),
    ]
