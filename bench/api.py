"""Response time and SQL queries of the public API's list requests with 10 and 1,000 items.

    python bench/api.py [--counts 10 1000] [--requests 30]

Uses DATABASE_URL (default: a fresh SQLite file in a temporary directory); on PostgreSQL:
`scripts/with-postgres .venv/bin/python bench/api.py`. Items are made with the tests'
factories (tests/factories.py): fiches (with domaines, publics and a structure, what a
partner asks for) and guides, half each. Requests go through Django's test client: routing,
queries and serialisation, not the network.
"""

import argparse
import os
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

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from fiches.services import get_or_create_fiche_index  # noqa: E402
from ressources.models import RessourcePage  # noqa: E402
from tests.factories import (  # noqa: E402
    FichePageFactory,
    GuidePageFactory,
    StructureFactory,
    build_site_tree,
    domaine,
    public,
)

URLS = {
    "fiches + domaines, publics, structure": (
        "/api/v2/pages/?type=fiche&fields=domaines,publics,structure&limit=100"
    ),
    "every type, default fields": "/api/v2/pages/?limit=100",
    "every type, last page": "/api/v2/pages/?limit=100&offset={last}",
    "filtered (domaine + département)": (
        "/api/v2/pages/?domaine=ressources-humaines&departement=69&limit=100"
    ),
    "search": "/api/v2/pages/?search=fiche&limit=100",
    "structures, every field": "/api/v2/structures/?fields=*&limit=100",
}


def generate(count, site):
    """Pages up to ``count`` (fiches and guides, half each)."""
    index, fiches, structures = site
    domaines = [domaine("ressources-humaines"), domaine("numerique")]
    publics = [public("benevoles")]
    for n in range(RessourcePage.objects.count(), count):
        with transaction.atomic():
            if n % 2:
                GuidePageFactory(parent=index, domaines=domaines, publics=publics)
            else:
                FichePageFactory(
                    parent=fiches,
                    structure=structures[n % len(structures)],
                    domaines=domaines,
                    publics=publics,
                )


def measure(client, url, requests):
    client.get(url)  # warms the caches a first request fills
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries)  # now: the next requests clear the log
    assert response.status_code == 200, (url, response.content[:200])
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[max(0, round(0.95 * len(samples)) - 1)]
    return len(response.json()["items"]), count, statistics.median(samples), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[10, 1000])
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    settings.API_RATE = "1000000/m"  # the bench is one client asking many times

    call_command("migrate", verbosity=0)
    home, index = build_site_tree()
    structures = [StructureFactory(departement=code) for code in ("69", "75", "13", "2A")]
    site = (index, get_or_create_fiche_index(home), structures)
    client = Client()
    print(f"Database: {connection.vendor}")
    for count in args.counts:
        started = time.perf_counter()
        generate(count, site)
        print(f"\n{count} items (made in {time.perf_counter() - started:.0f} s)")
        print(f"{'list request':<40}{'items':>6}{'queries':>9}{'median ms':>11}{'p95 ms':>8}")
        for label, url in URLS.items():
            url = url.format(last=max(0, count - 100))
            items, queries, median, p95 = measure(client, url, args.requests)
            print(f"{label:<40}{items:>6}{queries:>9}{median:>11.1f}{p95:>8.1f}")


if __name__ == "__main__":
    main()
