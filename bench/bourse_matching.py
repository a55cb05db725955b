"""Matching of the bourse d'entraide against its judged set: recall@5 of the expected offres
and of the expected ressources.

    .venv/bin/python bench/bourse_matching.py [--json] [--sans-ressources]

Builds a fresh SQLite database in a temporary directory and migrates it (the editors'
synonyms of the search come with the migrations), reads bench/bourse_jugements.json (dates in
days from today; no ``fin``: the bourse's default length), then ranks, for each demande, every
offre with ``bourse.correspondances.classer`` — the code the annonce pages will run.

recall@5: the share of a demande's expected offres found in its first five proposals,
averaged over the demandes that expect at least one. False proposals: an offre judged not
relevant (``attendu.pas``) among the first five, or any proposal to a demande that expects
none.

Ressources: the demo is loaded (``load_demo``, ``update_index``, files in a temporary
MEDIA_ROOT), then ``bourse.ressources_utiles.ressources_pour`` lists five pages for each
demande; recall@5 of its ``attendu.ressources``, over the demandes that expect some.
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
os.environ["MEDIA_ROOT"] = f"{TEMPORARY}/media"
os.environ["PRIVATE_MEDIA_ROOT"] = f"{TEMPORARY}/private"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from bourse import correspondances, ressources_utiles  # noqa: E402
from search import requetes  # noqa: E402

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


def mesurer_ressources(jugements):
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    requetes.forget_synonyms()
    today = timezone.localdate()
    locale = Locale.objects.get(language_code="fr")
    lignes = []
    for entree in jugements["demandes"]:
        attendues = entree["attendu"]["ressources"]
        if not attendues:
            continue
        demande = annonce(entree, "demande", today)
        trouvees = [e.page.slug for e in ressources_utiles.ressources_pour(demande, locale)]
        rappel = len(set(attendues) & set(trouvees)) / len(attendues)
        lignes.append({"demande": entree["cle"], "attendues": attendues, "trouvees": trouvees,
                       "rappel": rappel})  # fmt: skip
    return {
        "jugees": len(lignes),
        "recall_at_5": sum(ligne["rappel"] for ligne in lignes) / len(lignes),
        "lignes": lignes,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sans-ressources", action="store_true")
    args = parser.parse_args()
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    jugements = json.loads((BENCH_DIR / "bourse_jugements.json").read_text())
    figures = mesurer(jugements)
    if not args.sans_ressources:
        figures["ressources"] = mesurer_ressources(jugements)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2, default=str))
        return
    for ligne in figures.get("ressources", {}).get("lignes", []):
        if ligne["rappel"] < 1:
            print(
                f"{ligne['demande']}: attendues {ligne['attendues']}, trouvées {ligne['trouvees']}"
            )
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
    if "ressources" in figures:
        ressources = figures["ressources"]
        print(
            f"ressources : recall@5 {ressources['recall_at_5']:.3f} sur "
            f"{ressources['jugees']} demandes"
        )


if __name__ == "__main__":
    main()
