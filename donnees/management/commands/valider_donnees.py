"""python manage.py valider_donnees: check the current data package with the Frictionless
library (a development dependency: ``pip install -e '.[dev]'``; this module is only imported
when the command runs) and print its report's summary: every file against its Table Schema,
its size and hash, the foreign keys between datasets."""

import frictionless
from django.core.management.base import BaseCommand, CommandError

from ...publication import DATAPACKAGE, lire_manifeste, storage


def chemin_du_paquet():
    """Where Frictionless reads the current ``datapackage.json``: a path on the disk, or its
    public URL on object storage; None before the first generation."""
    manifeste = lire_manifeste()
    if manifeste is None:
        return None
    name = f"{manifeste['dossier']}/{DATAPACKAGE}"
    try:
        return storage().path(name)
    except NotImplementedError:
        return storage().url(name)


def valider(path=None):
    """Frictionless's report on the package (its resources, schemas, sizes and hashes)."""
    path = path or chemin_du_paquet()
    if path is None:
        raise CommandError("Aucun jeu de données n'est encore publié : publier_donnees d'abord.")
    return frictionless.validate(path)


class Command(BaseCommand):
    help = "Valide le paquet de données ouvertes avec Frictionless et affiche le résumé."

    def handle(self, *args, **options):
        report = valider()
        self.stdout.write(report.to_summary())
        if not report.valid:
            raise CommandError("Le paquet de données n'est pas valide.")
        self.stdout.write(self.style.SUCCESS("Paquet valide."))
