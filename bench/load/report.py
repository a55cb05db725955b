"""Figures from the load's samples, printed for a reader and kept as JSON."""

import math
from collections import Counter

FAILURES_SHOWN = 20
HEADER = (
    f"{'':<18} {'requests':>8} {'req/s':>9} "
    + " ".join(f"{name:>8}" for name in ("p50 ms", "p95 ms", "p99 ms"))
    + f" {'errors':>7}"
)


def percentile(ordered, share):
    if not ordered:
        return None
    return round(ordered[max(0, math.ceil(share * len(ordered)) - 1)] * 1000, 1)


def figures(samples, start_at, duration):
    """Throughput counts the requests answered within the window; latencies are those of
    every request, the last ones answered after it included."""
    ordered = sorted(sample[2] for sample in samples)
    in_window = sum(1 for sample in samples if sample[1] <= start_at + duration)
    return {
        "requests": len(samples),
        "rps": round(in_window / duration, 1),
        "p50_ms": percentile(ordered, 0.50),
        "p95_ms": percentile(ordered, 0.95),
        "p99_ms": percentile(ordered, 0.99),
        "errors": sum(1 for sample in samples if sample[3]),
    }


def summary(samples, start_at, duration):
    kinds = sorted({sample[0] for sample in samples})
    failures = Counter((sample[4], sample[3]) for sample in samples if sample[3])
    return {
        **figures(samples, start_at, duration),
        "kinds": {
            kind: figures([s for s in samples if s[0] == kind], start_at, duration)
            for kind in kinds
        },
        "failures": [
            {"request": request, "error": error, "count": count}
            for (request, error), count in failures.most_common()
        ],
    }


def line(label, result):
    return (
        f"{label:<18} {result['requests']:>8} {result['rps']:>9} {result['p50_ms']:>8} "
        f"{result['p95_ms']:>8} {result['p99_ms']:>8} {result['errors']:>7}"
    )


def print_level(level):
    print(f"\n== {level['clients']} clients, {level['duration']} s (mixed traffic)")
    print(HEADER)
    print(line("all", level))
    for kind, result in level["kinds"].items():
        print(line(f"  {kind}", result))
    print_failures(level["failures"])


def print_failures(failures):
    for failure in failures[:FAILURES_SHOWN]:
        print(f"   FAILED {failure['count']}× {failure['request']}: {failure['error']}")
    if len(failures) > FAILURES_SHOWN:
        print(f"   … and {len(failures) - FAILURES_SHOWN} other failing requests (see the JSON)")


def print_comparison(comparison):
    print(
        f"\n== One page at a time ({comparison['clients']} clients, "
        f"{comparison['duration']} s each)"
    )
    print(HEADER)
    for name, result in comparison["pages"].items():
        print(line(name, result))
        print(f"{'':<18} {result['path']}")
        print_failures(result["failures"])
    print(
        f"   cached / bare: {comparison['cached_over_bare']} (aim ≥ 0.5); "
        f"uncached / bare: {comparison['uncached_over_bare']}"
    )


def print_checks(checks):
    print("\n== After the load")
    print(f"   task worker: {checks['worker']}")
    for atelier in checks["ateliers"]:
        full = " (full)" if atelier["confirmees"] >= atelier["capacite"] else ""
        print(
            f"   {atelier['url']}: {atelier['confirmees']} confirmed / {atelier['capacite']} "
            f"seats{full}, {atelier['attente']} waiting"
        )
    print(f"   overbooked workshops: {len(checks['overbooked'])}")
    print(
        f"   registrations: {checks['accepted']} accepted, {checks['in_database']} in the "
        f"database ({len(checks['lost'])} lost); e-mails to them: {checks['emails']} "
        f"(duplicates: {len(checks['duplicates'])}, missing: {len(checks['missing'])}), "
        f"all received {checks['drain_seconds']} s after the load"
    )
    for subject, count in checks["subjects"].items():
        print(f"   {count:>5}× « {subject} »")
    for email, count in list(checks["duplicates"].items())[:FAILURES_SHOWN]:
        print(f"   DUPLICATE {count}× {email}")
    for email in checks["missing"][:FAILURES_SHOWN]:
        print(f"   MISSING {email}")
    for email in checks["unexpected"][:FAILURES_SHOWN]:
        print(f"   E-MAIL TO AN ADDRESS NOT REGISTERED {email}")


def passed(result):
    checks = result["checks"]
    return not (
        any(level["errors"] for level in result["levels"])
        or any(page["errors"] for page in result["comparison"]["pages"].values())
        or checks["overbooked"]
        or checks["lost"]
        or checks["duplicates"]
        or checks["missing"]
        or checks["unexpected"]
    )
