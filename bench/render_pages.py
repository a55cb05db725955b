"""Render time of the home, listing and guide pages with N ressources.

    python bench/render_pages.py [--count 10000] [--requests 50]

Uses DATABASE_URL (default: a fresh SQLite file in a temporary directory); run it on PostgreSQL
with `scripts/with-postgres .venv/bin/python bench/render_pages.py`. Pages are rendered through
Django's test client, so the figures include routing, queries and templates, not the network.
"""

import argparse
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
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from ressources import services  # noqa: E402
from ressources.models import Domaine, GuidePage, Niveau, Public  # noqa: E402

WORDS = [
    "association",
    "bénévoles",
    "statuts",
    "financement",
    "subvention",
    "assemblée",
    "générale",
    "salarié",
    "contrat",
    "budget",
    "trésorerie",
    "mécénat",
    "collecte",
    "partenariat",
    "coopérative",
    "gouvernance",
    "bureau",
    "adhérents",
    "communication",
    "numérique",
    "évaluation",
    "impact",
    "insertion",
    "alimentation",
    "circulaire",
]


def paragraph(rng, words=80):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generate(count, rng):
    fr = Locale.objects.get(language_code="fr")
    home = services.get_or_create_home(fr)
    index = services.get_or_create_index(home)
    domaines = list(Domaine.objects.filter(locale=fr))
    publics = list(Public.objects.filter(locale=fr))
    existing = GuidePage.objects.count()
    now = timezone.now()
    started = time.perf_counter()
    for n in range(existing, count):
        with transaction.atomic():
            guide = GuidePage(
                title=f"Guide n°{n} : {paragraph(rng, 5)}",
                slug=f"guide-{n}",
                chapo=paragraph(rng, 30),
                body=[
                    ("intertitre", "Pourquoi"),
                    ("paragraphe", f"<p>{paragraph(rng, 150)}</p>"),
                    ("intertitre", "Comment"),
                    ("paragraphe", f"<p>{paragraph(rng, 150)}</p>"),
                ],
                niveau=rng.choice(Niveau.values),
                first_published_at=now - timezone.timedelta(minutes=n),
                last_published_at=now - timezone.timedelta(minutes=n),
                live=True,
            )
            guide.domaines.set(rng.sample(domaines, 2))
            guide.publics.set(rng.sample(publics, 1))
            index.add_child(instance=guide)
        if n and n % 1000 == 0:
            print(f"  {n} ressources ({time.perf_counter() - started:.0f} s)", flush=True)
    return index


def timings(client, url, requests):
    client.get(url)  # warm caches
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    samples.sort()
    p95 = samples[max(0, round(0.95 * len(samples)) - 1)]
    return statistics.median(samples), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    rng = random.Random(2026)

    call_command("migrate", verbosity=0)
    print(f"Database: {connection.vendor}; generating {args.count} guides…", flush=True)
    started = time.perf_counter()
    index = generate(args.count, rng)
    print(f"Generated in {time.perf_counter() - started:.0f} s", flush=True)

    guide = GuidePage.objects.live().order_by("-pk").first()
    pages = {
        "home": "/fr/",
        "listing": index.url,
        "listing, page 50": f"{index.url}?page=50",
        "listing, 2 filters": f"{index.url}?domaine=juridique-statuts&niveau=debutant",
        "domain page": "/fr/domaines/ressources-humaines/",
        "guide": guide.url,
    }
    client = Client()
    print(f"\n{'page':<22}{'median ms':>10}{'p95 ms':>10}")
    for label, url in pages.items():
        median, p95 = timings(client, url, args.requests)
        print(f"{label:<22}{median:>10.1f}{p95:>10.1f}")


if __name__ == "__main__":
    main()
