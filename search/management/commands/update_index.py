"""Wagtail's ``update_index``, which first rebuilds the public search entries from the live
pages (with its own progress display), then indexes everything as usual."""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search.indexation import synchroniser_tout


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
