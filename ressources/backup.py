"""A backup is the database and the files on the local disk, in one folder; a restore puts
them back. PostgreSQL through its own tools (``pg_dump`` in its custom format, ``pg_restore``),
SQLite through Python's backup API, the files as tar archives. Files on S3 are not copied:
the buckets keep them (turn their versioning on, or mirror them with ``rclone``)."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils import timezone

DATABASE_FILE = {"postgresql": "base.dump", "sqlite3": "base.sqlite3"}
MANIFEST = "sauvegarde.json"


def vendor():
    return settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]


def postgresql_arguments():
    """libpq's connection options of the default database, and its password in PGPASSWORD."""
    database = settings.DATABASES["default"]
    options = ["--dbname", database["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            options += [flag, str(database[key])]
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return options, environment


def copy_sqlite(source, target):
    """SQLite's online backup: a consistent copy even while the site writes."""
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)


def file_folders():
    """{archive name: folder} of the storages kept on this machine's disk."""
    folders = {}
    for archive, alias in (("fichiers-publics", "default"), ("fichiers-prives", "private")):
        storage = storages[alias]
        if isinstance(storage, FileSystemStorage):
            folders[archive] = Path(storage.location)
    return folders


def save(folder):
    """Write the backup into ``folder`` (created); returns what it holds."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    kind = vendor()
    target = folder / DATABASE_FILE[kind]
    if kind == "postgresql":
        options, environment = postgresql_arguments()
        command = ["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *options]
        subprocess.run(command, env=environment, check=True)
    else:
        copy_sqlite(settings.DATABASES["default"]["NAME"], target)
    archives = []
    for archive, source in file_folders().items():
        with tarfile.open(folder / f"{archive}.tar.gz", "w:gz") as tar:
            if source.exists():
                tar.add(source, arcname=".")
        archives.append(archive)
    manifest = {"date": timezone.now().isoformat(), "base": kind, "fichiers": archives}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return manifest


def restore(folder):
    """Replace the database and the files on disk by those of the backup in ``folder``."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    if manifest["base"] != vendor():
        raise ValueError(f"backup of a {manifest['base']} database, not {vendor()}")
    source = folder / DATABASE_FILE[manifest["base"]]
    if manifest["base"] == "postgresql":
        options, environment = postgresql_arguments()
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", *options, str(source)]
        subprocess.run(command, env=environment, check=True)
    else:
        copy_sqlite(source, settings.DATABASES["default"]["NAME"])
    for archive, destination in file_folders().items():
        if archive not in manifest["fichiers"]:
            continue
        if destination.exists():
            shutil.rmtree(destination)
        destination.mkdir(parents=True)
        with tarfile.open(folder / f"{archive}.tar.gz") as tar:
            tar.extractall(destination, filter="data")
    return manifest
