"""Matching of the bourse d'entraide against its judged set: recall@5 of the expected offres.

    .venv/bin/python bench/bourse_matching.py [--json]

Builds a fresh SQLite database in a temporary directory and migrates it (the editors'
synonyms of the search come with the migrations), reads bench/bourse_jugements.json (dates in
days from today; no ``fin``: the bourse's default length), then ranks, for each demande, every
offre with ``bourse.correspondances.classer`` — the code the annonce pages will run.

recall@5: the share of a demande's expected offres found in its first five proposals,
averaged over the demandes that expect at least one. False proposals: an offre judged not
relevant (``attendu.pas``) among the first five, or any proposal to a demande that expects
none.
"""

import argparse
import io
import json
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
TEMPORARY = tempfile.mkdtemp(prefix="entraide-bourse-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "entraide.settings.dev")
os.environ["DATABASE_URL"] = f"sqlite:///{TEMPORARY}/bourse.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from bourse import correspondances  # noqa: E402

TOP = 5
DUREE = {"offre": 120, "demande": 60}  # days, the bourse's defaults


def annonce(entree, sens, today):
    debut = today + timedelta(days=entree.get("debut", 0))
    fin = today + timedelta(days=entree.get("fin", DUREE[sens]))
    return SimpleNamespace(**{**entree, "sens": sens, "debut": debut, "fin": fin})


def mesurer(jugements):
    today = timezone.localdate()
    offres = [annonce(offre, "offre", today) for offre in jugements["offres"]]
    lignes = []
    for entree in jugements["demandes"]:
        demande = annonce(entree, "demande", today)
        proposees = [offre.cle for offre, _score in correspondances.classer(demande, offres)]
        attendues = entree["attendu"]["offres"]
        refusees = {
            pas["offre"] if isinstance(pas, dict) else pas
            for pas in entree["attendu"].get("pas", [])
        }
        lignes.append(
            {
                "demande": entree["cle"],
                "attendues": attendues,
                "proposees": proposees[:TOP],
                "rappel": (len(set(attendues) & set(proposees[:TOP])) / len(attendues))
                if attendues
                else None,
                "fausses": sorted(
                    (refusees & set(proposees[:TOP]))
                    | (set() if attendues else set(proposees[:TOP]))
                ),
            }
        )
    jugees = [ligne for ligne in lignes if ligne["rappel"] is not None]
    return {
        "demandes": len(lignes),
        "jugees": len(jugees),
        "recall_at_5": sum(ligne["rappel"] for ligne in jugees) / len(jugees),
        "fausses_propositions": sum(len(ligne["fausses"]) for ligne in lignes),
        "lignes": lignes,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    jugements = json.loads((BENCH_DIR / "bourse_jugements.json").read_text())
    figures = mesurer(jugements)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    for ligne in figures["lignes"]:
        if ligne["rappel"] is not None and ligne["rappel"] < 1 or ligne["fausses"]:
            print(
                f"{ligne['demande']}: attendues {ligne['attendues']}, "
                f"proposées {ligne['proposees']}, fausses {ligne['fausses']}"
            )
    print(
        f"recall@5 {figures['recall_at_5']:.3f} sur {figures['jugees']} demandes jugées "
        f"({figures['demandes']} en tout); fausses propositions : "
        f"{figures['fausses_propositions']}"
    )


if __name__ == "__main__":
    main()
