"""python manage.py restaurer <dossier>: replace the database and the files on disk by those
of a backup made by ``sauvegarder``. Stop the site and the worker first."""

import subprocess

from django.core.management.base import BaseCommand, CommandError

from ... import backup


class Command(BaseCommand):
    help = "Remplace la base de données et les fichiers sur disque par ceux d'une sauvegarde."

    def add_arguments(self, parser):
        parser.add_argument("dossier")
        parser.add_argument("--noinput", action="store_false", dest="interactive")

    def handle(self, *args, dossier, interactive, **options):
        if interactive:
            answer = input("Tout ce que contient la base sera remplacé. Taper « oui » : ")
            if answer.strip().lower() != "oui":
                raise CommandError("Restauration annulée.")
        try:
            manifest = backup.restore(dossier)
        except (OSError, ValueError, KeyError, subprocess.CalledProcessError) as error:
            raise CommandError(f"Restauration impossible : {error}") from error
        self.stdout.write(f"Sauvegarde du {manifest['date']} restaurée.")
