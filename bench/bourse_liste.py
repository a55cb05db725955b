"""Response time and SQL queries of the bourse's filtered listing (issue 19: p95 < 150 ms at
20,000 annonces on PostgreSQL, constant queries).

    scripts/with-postgres .venv/bin/python bench/bourse_liste.py [--counts 200 20000]

Uses DATABASE_URL (default: a fresh SQLite file in a temporary directory). 450 structures;
annonces are written in bulk (every nature and sens, one to three of 20 départements, a third
« à distance », one or two domaines; three in four published and running, the rest drafts,
withdrawn, fulfilled or past their end), then each listing is asked through Django's test
client: routing, filters, queries and the template, not the network.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "entraide.settings.test")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bourse.models import Annonce, AnnonceDepartement, Etat, Nature, Sens  # noqa: E402
from fiches import rendering  # noqa: E402
from ressources.models import Domaine  # noqa: E402
from tests.factories import StructureFactory, build_site_tree  # noqa: E402

DEPARTEMENTS = ["01", "13", "21", "29", "31", "33", "34", "35", "38", "44",
                "59", "63", "67", "69", "75", "76", "84", "93", "974", "2A"]  # fmt: skip
URLS = {
    "every annonce": "/fr/bourse/",
    "demandes, one nature": "/fr/bourse/?sens=demande&nature=competence",
    "département or à distance": "/fr/bourse/?departement=35&a_distance=on",
    "domaine + département": "/fr/bourse/?domaine=gestion-comptabilite-fiscalite&departement=69",
    "everything at once": (
        "/fr/bourse/?sens=offre&nature=materiel&domaine=cooperation-mutualisation"
        "&departement=13&a_distance=on"
    ),
    "page 20": "/fr/bourse/?page=20",
}
TEXTE = "Nous cherchons une structure qui a déjà fait la même démarche : deux heures suffiraient."


def generate(count, structures, domaines, rng):
    today = timezone.localdate()
    html = rendering.to_html(TEXTE)
    etats = [Etat.PUBLIEE] * 6 + [Etat.BROUILLON, Etat.RETIREE, Etat.POURVUE, Etat.PUBLIEE]
    start = Annonce.objects.count()
    annonces = []
    for n in range(start, count):
        etat = etats[n % len(etats)]
        passee = n % 10 == 9  # published but past its end date
        annonces.append(
            Annonce(
                sens=Sens.values[n % 2],
                nature=Nature.values[n % len(Nature.values)],
                titre=f"Annonce {n}",
                description=TEXTE,
                description_html=html,
                a_distance=n % 3 == 0,
                fin=today + datetime.timedelta(days=-5 if passee else rng.randint(1, 180)),
                structure=structures[n % len(structures)],
                etat=etat,
                published_at=None if etat == Etat.BROUILLON else timezone.now(),
            )
        )
    with transaction.atomic():
        made = Annonce.objects.bulk_create(annonces, batch_size=1000)
        AnnonceDepartement.objects.bulk_create(
            [
                AnnonceDepartement(annonce=annonce, departement=code)
                for annonce in made
                for code in rng.sample(DEPARTEMENTS, rng.randint(1, 3))
            ],
            batch_size=2000,
        )
        Through = Annonce.domaines.through
        Through.objects.bulk_create(
            [
                Through(annonce_id=annonce.pk, domaine_id=domaine.pk)
                for annonce in made
                for domaine in rng.sample(domaines, rng.randint(1, 2))
            ],
            batch_size=2000,
        )


def measure(client, url, requests):
    client.get(url)  # warms the caches a first request fills
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries)  # now: each request empties Django's query log
    assert response.status_code == 200, (url, response.status_code)
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[max(0, round(0.95 * len(samples)) - 1)]
    return count, statistics.median(samples), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[200, 20000])
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    build_site_tree()
    rng = random.Random(19)
    structures = [StructureFactory(departement=rng.choice(DEPARTEMENTS)) for _ in range(450)]
    domaines = list(Domaine.objects.filter(locale__language_code="fr"))
    client = Client()
    print(f"Database: {connection.vendor}")
    for count in args.counts:
        started = time.perf_counter()
        generate(count, structures, domaines, rng)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        publiques = Annonce.objects.publiques().count()
        made = time.perf_counter() - started
        print(f"\n{count} annonces, {publiques} public (made in {made:.0f} s)")
        print(f"{'listing':<32}{'queries':>9}{'median ms':>11}{'p95 ms':>8}")
        for label, url in URLS.items():
            queries, median, p95 = measure(client, url, args.requests)
            print(f"{label:<32}{queries:>9}{median:>11.1f}{p95:>8.1f}")


if __name__ == "__main__":
    main()
