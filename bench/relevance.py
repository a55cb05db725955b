"""Relevance of the public search on the demo content: recall@5 and MRR of a judged set.

    .venv/bin/python bench/relevance.py [--json] [--output FILE] [--queries FILE]
    scripts/with-postgres .venv/bin/python bench/relevance.py

``--json`` prints the figures and every query's results as JSON instead of the table;
``--output FILE`` also writes that JSON to a file (``scripts/with-postgres`` prints a line of
its own on standard output first).

Builds a fresh database (DATABASE_URL, which should name an empty database; default: a new
SQLite file in a temporary directory), migrates it, loads the demo (``load_demo``), rebuilds
the search entries and index (``update_index``), then runs each judged query through the code
the search page runs:
``search.requetes.parse`` and ``search.moteur.search`` sorted by pertinence, in the query's
language. Editors' picks, if any, come first, as on the page.

recall@5: the share of a query's expected pages found in its first five results, averaged
over the queries. MRR: the reciprocal rank of the first expected page within the first ten
results (0 if none), averaged. Uploaded demo files go to a temporary MEDIA_ROOT, removed at
the end.
"""

import argparse
import io
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
TEMPORARY = tempfile.mkdtemp(prefix="entraide-relevance-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "entraide.settings.dev")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{TEMPORARY}/relevance.sqlite3"
# The demo's files must not land in the project's var/media.
os.environ["MEDIA_ROOT"] = f"{TEMPORARY}/media"
os.environ["PRIVATE_MEDIA_ROOT"] = f"{TEMPORARY}/private"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from search import moteur, requetes, suggestions  # noqa: E402

TOP = 5
MRR_DEPTH = 10


def engine_name():
    if settings.PUBLIC_SEARCH_ENGINE == "elasticsearch":
        return "elasticsearch"
    return connection.vendor


def prepare():
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    call_command("update_index", verbosity=0)
    requetes.forget_synonyms()


def run_query(judged, locales):
    language = judged.get("language", "fr")
    with translation.override(language):
        requete = requetes.parse(judged["query"], language)
        started = time.perf_counter()
        results = moteur.search(
            requete, locales[language], moteur.Filters(), "pertinence", 1, per_page=MRR_DEPTH
        )
        entries = list(results.page.object_list) if results.count else []
        elapsed = (time.perf_counter() - started) * 1000
    slugs = [pick.page.slug for pick in results.picks] + [entree.page.slug for entree in entries]
    return slugs[:MRR_DEPTH], results, elapsed


def score(expected, slugs):
    top = slugs[:TOP]
    recall = sum(slug in top for slug in expected) / len(expected)
    rank = next((i + 1 for i, slug in enumerate(slugs[:MRR_DEPTH]) if slug in expected), None)
    return recall, (1 / rank if rank else 0.0), rank


def follow_correction(judged, locales, results):
    """What the correction of a query that finds nothing finds. The search now shows it by
    itself (``search.moteur.search``), so this only differs when the correction finds
    nothing either."""
    if results.count:
        return None, None
    language = judged.get("language", "fr")
    with translation.override(language):
        corrected = suggestions.correction(judged["query"], locales[language])
    if not corrected:
        return None, None
    slugs, results, _elapsed = run_query({**judged, "query": corrected}, locales)
    return corrected, slugs if results.count else None


def evaluate(judged_queries):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    rows = []
    for judged in judged_queries:
        slugs, results, elapsed = run_query(judged, locales)
        recall, reciprocal, rank = score(judged["expected"], slugs)
        corrected, corrected_slugs = follow_correction(judged, locales, results)
        if corrected_slugs is not None:
            corrected_recall, corrected_reciprocal, _rank = score(
                judged["expected"], corrected_slugs
            )
        else:
            corrected_recall, corrected_reciprocal = recall, reciprocal
        rows.append(
            {
                "query": judged["query"],
                "language": judged.get("language", "fr"),
                "expected": judged["expected"],
                "got": slugs,
                "count": results.count,
                "partial": results.partial,
                "recall": recall,
                "reciprocal_rank": reciprocal,
                "rank": rank,
                "ms": round(elapsed, 1),
                "correction": corrected if corrected_slugs is not None else None,
                "corrected_got": corrected_slugs,
                "recall_after_correction": corrected_recall,
                "reciprocal_rank_after_correction": corrected_reciprocal,
            }
        )
    return rows


def summary(rows):
    def mean(values):
        values = list(values)
        return sum(values) / len(values) if values else 0.0

    figures = {
        "engine": engine_name(),
        "queries": len(rows),
        "recall_at_5": round(mean(row["recall"] for row in rows), 3),
        "mrr": round(mean(row["reciprocal_rank"] for row in rows), 3),
        "recall_at_5_after_correction": round(
            mean(row["recall_after_correction"] for row in rows), 3
        ),
        "mrr_after_correction": round(
            mean(row["reciprocal_rank_after_correction"] for row in rows), 3
        ),
        "by_language": {},
    }
    for language in sorted({row["language"] for row in rows}):
        subset = [row for row in rows if row["language"] == language]
        figures["by_language"][language] = {
            "queries": len(subset),
            "recall_at_5": round(mean(row["recall"] for row in subset), 3),
            "mrr": round(mean(row["reciprocal_rank"] for row in subset), 3),
        }
    return figures


def print_report(rows, figures):
    failures = [row for row in rows if row["recall"] < 1]
    print(f"Engine: {figures['engine']}; {figures['queries']} judged queries.\n")
    if failures:
        print(f"{len(failures)} queries miss an expected page in the first {TOP}:\n")
        for row in failures:
            language = "" if row["language"] == "fr" else f" [{row['language']}]"
            mode = " (OR fallback)" if row["partial"] else ""
            print(f"« {row['query']} »{language}: {row['count']} results{mode}")
            print(f"    expected: {', '.join(row['expected'])}")
            got = [
                f"{i}. {slug}{' *' if slug in row['expected'] else ''}"
                for i, slug in enumerate(row["got"][:TOP], 1)
            ]
            print("    got:      " + ("; ".join(got) or "nothing"))
            if row["rank"] and row["rank"] > TOP:
                print(f"    first expected page at rank {row['rank']}")
            if row["correction"]:
                print(
                    f"    its correction « {row['correction']} » finds: "
                    + "; ".join(row["corrected_got"][:TOP])
                )
            print()
    else:
        print("Every expected page is in the first five results.\n")
    print(f"{'':<10}{'queries':>8}{'recall@5':>10}{'MRR':>8}")
    for language, values in figures["by_language"].items():
        print(
            f"{language:<10}{values['queries']:>8}{values['recall_at_5']:>10.3f}"
            f"{values['mrr']:>8.3f}"
        )
    print(
        f"{'all':<10}{figures['queries']:>8}{figures['recall_at_5']:>10.3f}{figures['mrr']:>8.3f}"
    )
    print(
        f"\nAfter the correction of the queries that find nothing: "
        f"recall@5 {figures['recall_at_5_after_correction']:.3f}, "
        f"MRR {figures['mrr_after_correction']:.3f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures and rows as JSON")
    parser.add_argument("--output", type=Path, help="also write the JSON report to this file")
    parser.add_argument("--queries", default=BENCH_DIR / "judged_queries.json", type=Path)
    args = parser.parse_args()
    judged_queries = json.loads(args.queries.read_text(encoding="utf-8"))
    try:
        started = time.perf_counter()
        prepare()
        if not args.json:
            print(f"Database ready in {time.perf_counter() - started:.0f} s.")
        rows = evaluate(judged_queries)
        figures = summary(rows)
        report = json.dumps({**figures, "rows": rows}, ensure_ascii=False, indent=2)
        if args.output:
            args.output.write_text(report + "\n", encoding="utf-8")
        if args.json:
            print(report)
        else:
            print_report(rows, figures)
    finally:
        connection.close()
        shutil.rmtree(TEMPORARY, ignore_errors=True)


if __name__ == "__main__":
    main()
