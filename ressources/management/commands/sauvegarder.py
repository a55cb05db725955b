"""python manage.py sauvegarder <dossier>: the database and the files on disk, into a folder
(ressources/backup.py). Copy the folder elsewhere: a backup on the same disk is no backup."""

import subprocess

from django.core.management.base import BaseCommand, CommandError

from ... import backup


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les fichiers sur disque dans un dossier."

    def add_arguments(self, parser):
        parser.add_argument("dossier")

    def handle(self, *args, dossier, **options):
        try:
            manifest = backup.save(dossier)
        except (OSError, subprocess.CalledProcessError) as error:
            raise CommandError(f"Sauvegarde impossible : {error}") from error
        files = ", ".join(manifest["fichiers"]) or "aucun fichier sur disque (S3)"
        self.stdout.write(f"Sauvegarde écrite dans {dossier} : base {manifest['base']}, {files}.")
