"""The bourse over 180 simulated days (issue 19): every reminder, bump and escalation sent
exactly once; no annonce past its end or closed ever in the listing, the feeds, the sitemap,
the search or the digests.

    .venv/bin/python bench/bourse_simulation.py [--structures 450] [--jours 180] [--graine 19]
    scripts/with-postgres .venv/bin/python bench/bourse_simulation.py

Uses DATABASE_URL (default: a fresh SQLite file in a temporary directory, migrated). The
simulation itself is tests/bourse/simulation.py (a small run is a test): structures post
annonces every day (offre or demande, any nature, end 7 to 180 days later), some are
answered by a conversation, renewed, fulfilled or withdrawn through the links of their
reminders; each day runs ``expirer_annonces``, ``cycle_annonces`` and ``envoyer_alertes``
with ``django.utils.timezone.now`` moved, the tasks at once, and checks the outbox and the
public pages against the simulation's own record. Exits 1 if anything did not hold.
"""

import argparse
import io
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "entraide.settings.test")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/simulation.sqlite3"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bourse.models import Annonce  # noqa: E402
from tests.bourse.simulation import Simulation, bilan  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--structures", type=int, default=450)
    parser.add_argument("--jours", type=int, default=180)
    parser.add_argument("--graine", type=int, default=19)
    parser.add_argument("--fin-max", type=int, default=180)
    args = parser.parse_args()
    setup_test_environment()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 410s of used links
    # As in the tests: through the outbox (counted), delivered to Django's test mailbox.
    settings.EMAIL_BACKEND = "outbox.backends.OutboxBackend"
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    debut = time.perf_counter()
    simulation = Simulation(args.structures, args.jours, args.graine, args.fin_max)
    resultat = bilan(simulation.lancer())
    resultat["base"] = connection.vendor
    resultat["annonces"] = Annonce.objects.count()
    resultat["états à la fin"] = dict(
        sorted(
            (etat, Annonce.objects.filter(etat=etat).count())
            for etat in Annonce.objects.values_list("etat", flat=True).distinct()
        )  # fmt: skip
    )
    resultat["durée (s)"] = round(time.perf_counter() - debut, 1)
    print(json.dumps(resultat, ensure_ascii=False, indent=2))
    return 1 if resultat["erreurs"] else 0


if __name__ == "__main__":
    sys.exit(main())
