"""The Markdown report of `bench/search_scale.py`, from the figures it gathers (its `--json`).

python bench/search_report.py results.json    # the report of an earlier run, again
"""

import json
import sys
from pathlib import Path


def markdown(report):
    return "\n".join(header(report) + searches_table(report) + notes(report))


def header(report):
    seconds = report["seconds"]
    return [
        f"## Search at scale: {report['items']:,} generated items on {report['database']}",
        "",
        f"Code {report['code']}, settings `{report['settings']}` (DEBUG={report['debug']}), "
        f"{report['cpus']} CPUs; "
        f"load average (1/5/15 min) at start {fmt_load(report['load_at_start'])}, before the "
        f"requests {fmt_load(report['load_before_requests'])}, after "
        f"{fmt_load(report['load_after_requests'])}.",
        f"Entries: {report['entries']:,} ("
        + ", ".join(f"{k} {v:,}" for k, v in report["per_type"].items())
        + "; the demo's included, all French).",
        "",
        "| step | seconds |",
        "|---|---:|",
        f"| migrate | {seconds['migrate']} |",
        f"| load_demo | {seconds['load_demo']} |",
        f"| generate {report['items']:,} items (Page + Entree rows, bulk_create) "
        f"| {seconds['generate']} |",
        f"| **index {report['entries']:,} entries** (`search.engines.engine().index()`) "
        f"| **{seconds['index']}** |",
        f"| {report['settle']['statement']} | {seconds['settle']} |",
        "",
    ]


def searches_table(report):
    limits = report["limits"]
    lines = [
        f"Up to {report['requests']} timed requests per kind (fewer past {report['budget']} s)"
        f" after up to {report['warmup']} warm-up requests, through Django's test client "
        "(routing, facets, snippets, templates; no network), each a search not seen before "
        "(the results `search.results_cache` keeps are forgotten before each). Matches: all "
        "of them, counted apart (the page counts up to 1,000). Again: the same number of "
        "requests answered from the kept results. Floor: one bare SQL statement finding the "
        "same first page (full text match, filters as plain conditions, the database's "
        "ranking or by date, `LIMIT 10`), as many times, in the same run; ratio: view p95 / "
        "floor p95. SQL queries: their number in one request; SQL ms: median time in SQL "
        f"statements per request. A request still running after {report['cap']} s is cut.",
        "",
        "| kind | query | matches | n | median ms | p95 ms | again p95 ms | floor median ms "
        "| floor p95 ms | ratio | SQL queries | SQL ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in report["searches"]:
        params = " ".join(f"{k}={v}" for k, v in row["params"].items())
        found = found_cell(row)
        if row.get("cut"):
            lines.append(
                f"| {row['kind']} | `{params}` | {found} | 0 | **cut after "
                f"{row['first_ms'] / 1000:.0f} s** | | | | | | | |"
            )
            continue
        slow = " ⚠" if row["p95_ms"] > limits["p95_ms"] else ""
        again = " ⚠" if row["kept_p95_ms"] > limits["again_ms"] else ""
        floor = (
            "| cut | cut | |"
            if row.get("floor_cut")
            else f"| {row['floor_median_ms']} | {row['floor_p95_ms']} | {row.get('ratio', '')} |"
        )
        lines.append(
            f"| {row['kind']} | `{params}` | {found} | {row['samples']} | {row['median_ms']} "
            f"| {row['p95_ms']}{slow} | {row['kept_p95_ms']}{again} {floor} "
            f"{row['sql_queries']} | {row['sql_ms']} |"
        )
    return lines


def found_cell(row):
    found = "?" if row.get("matches") is None else f"{row['matches']:,}"
    if row.get("complete") is not None:
        found += f" (any word; {row['complete']:,} with every word)"
    if row.get("correction"):
        found += f" → « {row['correction']} »"
    return found


def notes(report):
    limits, vocabulary, settle = report["limits"], report["vocabulary"], report["settle"]
    lines = [
        "",
        f"⚠: p95 over {limits['p95_ms']} ms, or again over {limits['again_ms']} ms (the "
        "issue's limits for this database and size). The spelling correction vocabulary, "
        f"built cold: {vocabulary['cold_build_ms']:,} ms for {vocabulary['words']:,} words "
        "(paid by the first query without result in each process every hour; built before "
        "the table).",
    ]
    slow = {
        row["kind"]: [f"{what} {ms:g}" for ms, what in row["sql_breakdown"] if ms > 5]
        for row in report["searches"]
        if not row.get("cut") and row["p95_ms"] > limits["p95_ms"]
    }
    heavy = [f"- {kind}: " + ", ".join(parts) for kind, parts in slow.items() if parts]
    if heavy:
        lines += ["", "Where the SQL time goes (statements of one request over 5 ms, in ms):", ""]
    lines += heavy
    lines += [
        "",
        f"Count of all the common word's matches before the bench's {settle['statement']}: "
        + seconds_or_cut(settle["count_before_s"], report["cap"])
        + ", after: "
        + seconds_or_cut(settle["count_after_s"], report["cap"])
        + " (planner statistics, and on PostgreSQL the dead rows indexing leaves, which "
        "autovacuum would clear).",
        "",
        f"SQL queries per results page (`q={report['sql_count_query']}`), through the view: "
        + ", ".join(f"page {p['url'][-1]} → {p['sql']}" for p in report["sql_per_view_page"])
        + "; through `moteur.search` + `views.result_items`: "
        + ", ".join(
            f"per_page={p['per_page']} ({p['items']} items) → {p['sql']}"
            for p in report["sql_per_engine_page"]
        )
        + ".",
    ]
    return lines + explained(report)


def explained(report):
    if "explain" not in report:
        return []
    plan = report["explain"]
    return [
        "",
        f"Slowest SQL statement of all kinds ({plan['kind']}, {plan['sql_ms']} ms):",
        "",
        "```sql",
        plan["sql"],
        "```",
        "",
        f"`{plan['how']}`:",
        "",
        "```",
        plan["plan"] or "(none)",
        "```",
    ]


def seconds_or_cut(seconds, cap):
    return f"{seconds} s" if seconds is not None else f"cut after {cap} s"


def fmt_load(load):
    return " / ".join(f"{value:.2f}" for value in load)


if __name__ == "__main__":
    print(markdown(json.loads(Path(sys.argv[1]).read_text())))
