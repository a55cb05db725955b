"""Generation time and SQL queries of the open datasets (donnees/publication.py) with N items.

    python bench/jeux.py [--count 10000] [--steps 1000,10000] [--valider]

A mix of page types (40 % guides, 20 % modèles, 25 % fiches by 1 structure in 5, 15 %
workshops), published, plus the structures. At each step the datasets are written three times
(median and queries of the last); ``--valider`` then runs Frictionless on the package and
prints its summary. Uses DATABASE_URL (default: a fresh SQLite file in a temporary directory);
on PostgreSQL: `scripts/with-postgres .venv/bin/python bench/jeux.py`.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "entraide.settings.test")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Collection, Locale  # noqa: E402

from donnees import publication  # noqa: E402
from evenements.models import AtelierPage  # noqa: E402
from evenements.services import get_or_create_agenda  # noqa: E402
from fiches.models import FichePage  # noqa: E402
from fiches.services import get_or_create_fiche_index  # noqa: E402
from ressources import services  # noqa: E402
from ressources.models import (  # noqa: E402
    Domaine,
    GuidePage,
    ModeleFichier,
    ModelePage,
    Niveau,
    Public,
    RessourceDocument,
)
from structures.models import Structure  # noqa: E402

WORDS = [
    "association",
    "bénévoles",
    "statuts",
    "financement",
    "subvention",
    "budget",
    "mécénat",
    "insertion",
]
MIX = ((0.40, "guide"), (0.20, "modele"), (0.25, "fiche"), (0.15, "atelier"))


def words(rng, count):
    return " ".join(rng.choice(WORDS) for _ in range(count)).capitalize() + "."


class Tree:
    """Where the pages go, and what they point at."""

    def __init__(self, rng):
        fr = Locale.objects.get(language_code="fr")
        home = services.get_or_create_home(fr)
        self.rng = rng
        self.index = services.get_or_create_index(home)
        self.fiches = get_or_create_fiche_index(home)
        self.agenda = get_or_create_agenda(home)
        self.domaines = list(Domaine.objects.filter(locale=fr))
        self.publics = list(Public.objects.filter(locale=fr))
        self.documents = [
            RessourceDocument.objects.create(
                title=f"Modèle {n}",
                file=ContentFile(b"PK\x03\x04", name=f"modele-{n}.odt"),
                collection=Collection.get_first_root_node(),
            )
            for n in range(10)
        ]
        self.structures = []

    def structure(self, n):
        if n % 5 == 0 or not self.structures:
            self.structures.append(
                Structure.objects.create(
                    nom=f"Structure {n}",
                    type_structure="association",
                    departement=self.rng.choice(["69", "75", "2A", "974"]),
                    description=words(self.rng, 12),
                )
            )
        return self.structures[-1]

    def page(self, kind, n, now):
        common = {
            "title": f"{kind} {n} : {words(self.rng, 4)}",
            "slug": f"{kind}-{n}",
            "chapo": words(self.rng, 25),
            "first_published_at": now - timedelta(minutes=n),
            "last_published_at": now - timedelta(minutes=n),
            "live": True,
        }
        niveau = self.rng.choice(Niveau.values)
        if kind == "guide":
            return self.index, GuidePage(
                **common, niveau=niveau, body=[("paragraphe", f"<p>{words(self.rng, 150)}</p>")]
            )
        if kind == "modele":
            page = ModelePage(
                **common, niveau=niveau, usage="<p>À adapter.</p>", version_date=now.date()
            )
            page.fichiers = [ModeleFichier(document=self.rng.choice(self.documents))]
            return self.index, page
        if kind == "fiche":
            return self.fiches, FichePage(
                **common,
                niveau=niveau,
                structure=self.structure(n),
                situation=words(self.rng, 60),
                etapes=words(self.rng, 120),
            )
        debut = now + timedelta(days=self.rng.randint(-300, 300))
        return self.agenda, AtelierPage(
            **common,
            debut=debut,
            fin=debut + timedelta(hours=2),
            description=f"<p>{words(self.rng, 60)}</p>",
            format="distance",
            capacite=20,
        )

    def add(self, kind, n, now):
        parent, page = self.page(kind, n, now)
        with transaction.atomic():
            parent.add_child(instance=page)
            page.domaines.set(self.rng.sample(self.domaines, 2))
            if kind != "atelier":
                page.publics.set(self.rng.sample(self.publics, 1))


def kinds(count):
    for share, kind in MIX:
        yield from [kind] * round(count * share)


def grow(tree, start, count):
    """Pages ``start`` to ``count`` (their types in the same mix at every size)."""
    now = timezone.now()
    started = time.perf_counter()
    planned = list(kinds(count))
    tree.rng.shuffle(planned)
    for n in range(start, count):
        tree.add(planned[n], n, now)
        if n and n % 1000 == 0:
            print(f"  {n} pages ({time.perf_counter() - started:.0f} s)", flush=True)


def measure(runs=3):
    samples = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            manifeste = publication.publier()
            samples.append(time.perf_counter() - started)
    return statistics.median(samples), len(queries), manifeste


def report(size, manifeste):
    fichiers = manifeste["fichiers"]
    rows = {name: stats["rows"] for name, stats in fichiers.items() if name.endswith(".csv")}
    octets = sum(stats["bytes"] for stats in fichiers.values())
    print(f"    rows: {rows}; {octets / 1_000_000:.1f} MB in all", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", default="1000,10000")
    parser.add_argument("--valider", action="store_true")
    args = parser.parse_args()
    steps = [int(step) for step in args.steps.split(",")]
    call_command("migrate", verbosity=0)
    media = Path(tempfile.mkdtemp())
    # Pages are added without the search index's signal handlers (not what is measured).
    backends = {"default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}
    with override_settings(MEDIA_ROOT=media, WAGTAILSEARCH_BACKENDS=backends):
        tree = Tree(random.Random(2026))
        print(f"Database: {connection.vendor}", flush=True)
        print(f"{'pages':>8}{'median s':>10}{'queries':>9}", flush=True)
        start = 0
        for size in steps:
            grow(tree, start, size)
            start = size
            seconds, queries, manifeste = measure()
            print(f"{size:>8}{seconds:>10.2f}{queries:>9}", flush=True)
            report(size, manifeste)
        if args.valider:
            started = time.perf_counter()
            call_command("valider_donnees")
            print(f"Validated in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
