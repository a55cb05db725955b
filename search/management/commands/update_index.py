"""Wagtail's ``update_index``, which first rebuilds the public search entries from the live
pages and has the public search's engine index them (with its own progress display), then
updates Wagtail's indexes as usual (the admin's search; and the entries on Elasticsearch)."""

from django.db import connection
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search import results_cache
from search.indexation import synchroniser_tout
from search.models import Entree


class Command(WagtailUpdateIndex):
    help = (
        "Reconstruit les entrées de la recherche publique depuis les pages en ligne, "
        "puis met à jour les index de recherche."
    )

    def handle(self, **options):
        verbose = options.get("verbosity", 1) > 0

        def progress(model, done, total):
            if verbose:
                self.stdout.write(
                    f"\r  {model._meta.verbose_name_plural} : {done}/{total}", ending=""
                )
                self.stdout.flush()
                if done >= total:
                    self.stdout.write("")

        if verbose:
            self.stdout.write("Entrées de la recherche publique :")
        count = synchroniser_tout(progress=progress)
        if verbose:
            self.stdout.write(f"  {count} entrées (pages en ligne et publiques).")
        super().handle(**options)
        analyze()
        results_cache.forget()  # the results kept while the index was rebuilt


def analyze():
    """Fresh planner statistics for the entries, which both databases plan their searches
    with."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(Entree._meta.db_table)}")
