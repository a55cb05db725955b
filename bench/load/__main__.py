"""Load benchmark of issue 16: the production server on PostgreSQL and Redis under realistic
traffic, then the site's guarantees (no overbooking, every e-mail sent once).

    .venv/bin/python -m bench.load [--duration 60] [--clients 8,32,128] [--workers 2]
    make bench-load BENCH_LOAD_ARGS="--duration 10 --clients 8,32"

Runs itself under scripts/with-postgres and scripts/with-redis (throwaway servers), loads the
demo into them, sends the site's e-mails to an SMTP sink of its own (sink.py), serves the site
with gunicorn (site/gunicorn.py) and, when the site has one, the task worker (`db_worker`).
The load comes from client processes on the same machine (traffic.py); the report is printed
and written to var/bench/load-<date>.json, the server's log beside it.
"""

import argparse
import datetime
import itertools
import json
import os
import platform
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

from . import report, traffic
from .sink import Sink

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "var" / "bench"
INSIDE = "ENTRAIDE_BENCH_LOAD_SERVERS"  # set once running under the throwaway servers
PYTHON = sys.executable
# About 80 % pages, 15 % searches, 5 % registrations and downloads.
MIX = {
    "accueil": 12,
    "liste": 16,
    "guide": 20,
    "modele": 12,
    "fiche": 10,
    "atelier": 10,
    "recherche": 15,
    "inscription": 2.5,
    "telechargement": 2.5,
}


def arguments():
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--duration", type=int, default=60, help="seconds per level of load")
    parser.add_argument("--clients", default="8,32,128", help="concurrent clients per level")
    parser.add_argument("--compare-duration", type=int, default=15, help="seconds per page")
    parser.add_argument("--compare-clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--client-processes", type=int, default=4)
    parser.add_argument("--drain-timeout", type=int, default=120, help="seconds for e-mails")
    options = parser.parse_args()
    options.levels = [int(value) for value in options.clients.split(",") if value.strip()]
    return options


def under_servers():
    """This very command again, with a throwaway PostgreSQL and Redis (never the developer's
    database: the demo is loaded and registrations are made)."""
    os.environ[INSIDE] = "1"
    os.chdir(ROOT)
    command = [
        str(ROOT / "scripts" / "with-postgres"),
        str(ROOT / "scripts" / "with-redis"),
        PYTHON,
        "-m",
        "bench.load",
        *sys.argv[1:],
    ]
    os.execv(command[0], command)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(port, smtp_port, var_dir, workers):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="entraide.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="0",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_USE_TLS="0",
        ENTRAIDE_VAR_DIR=var_dir,
        PORT=str(port),
        BIND_ADDRESS="127.0.0.1",
        WEB_CONCURRENCY=str(workers),
        SENTRY_DSN="",
    )
    return env


def run(env, *command):
    return subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)


def database(env, question):
    """The answer of database.py (``discover`` or ``check``), with the server's settings."""
    try:
        return json.loads(run(env, PYTHON, "-m", "bench.load.database", question).stdout)
    except subprocess.CalledProcessError as error:
        sys.exit(f"bench.load.database {question} failed:\n{error.stderr}")


def prepare(env):
    for step in (
        ("migrate", "--noinput"),
        ("load_demo",),
        ("collectstatic", "--noinput"),
    ):
        print(f"-- manage.py {' '.join(step)}", flush=True)
        try:
            run(env, PYTHON, "manage.py", *step)
        except subprocess.CalledProcessError as error:
            sys.exit(f"manage.py {step[0]} failed:\n{error.stdout}\n{error.stderr}")


def start_servers(env, log):
    """gunicorn, and the task worker when the site has one: [(name, process)]."""
    gunicorn = [str(Path(PYTHON).parent / "gunicorn"), "-c", "site/gunicorn.py", "entraide.wsgi"]
    processes = [("gunicorn", spawn(gunicorn, env, log))]
    has_worker = subprocess.run(
        [PYTHON, "manage.py", "help", "db_worker"], cwd=ROOT, env=env, capture_output=True
    )
    if has_worker.returncode == 0:
        processes.append(("db_worker", spawn([PYTHON, "manage.py", "db_worker"], env, log)))
    return processes


def spawn(command, env, log):
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def stop(processes):
    for _name, process in processes:
        process.terminate()
    for _name, process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        response.read()
        return response.status


def wait_ready(port, processes, seconds=60):
    """Until /sante/ answers 200 (every database, cache and storage working)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for name, process in processes:
            if process.poll() is not None:
                sys.exit(f"{name} stopped at start-up (see its log)")
        try:
            if get(port, "/sante/") == 200:
                return
        except OSError:
            time.sleep(0.5)
    sys.exit("the server did not answer /sante/ in time")


def warm_up(port, scenario):
    """Every page, search and file the load asks for, once: what fails fails here first."""
    paths = [path for pool in scenario["pools"].values() for path in pool]
    paths += [f"/fr/telecharger/{document}/" for document in scenario["telechargement"]]
    paths += [traffic.SEARCH + urllib.parse.urlencode({"q": q}) for q in scenario["queries"]]
    failures = []
    for path in paths:
        try:
            status = get(port, path)
        except OSError as error:
            status = error
        if status != 200:
            failures.append(f"{path}: {status}")
    if failures:
        sys.exit("These requests fail before any load:\n" + "\n".join(failures))
    print(f"-- warmed up: {len(paths)} requests answered 200", flush=True)


def scenarios(site):
    """The mixed traffic's scenario, and the one-page scenarios of the comparison."""
    rng = random.Random(16)
    words = site["words"]
    queries = rng.sample(words, min(30, len(words)))
    queries += [" ".join(rng.sample(words, 2)) for _ in range(15)]
    mix = {
        "weights": MIX,
        "pools": site["pages"],
        "queries": queries,
        "inscription": site["inscription"],
        "telechargement": site["telechargement"],
    }
    pairs = [f"{first} {second}" for first, second in itertools.permutations(words, 2)]
    rng.shuffle(pairs)
    home = "/fr/" if "/fr/" in site["pages"]["accueil"] else site["pages"]["accueil"][0]
    one_page = {
        "bare view": ("/robots.txt", {"weights": {"bare": 1}, "pools": {"bare": ["/robots.txt"]}}),
        "cached page": (home, {"weights": {"cached": 1}, "pools": {"cached": [home]}}),
        "uncached page": (
            traffic.SEARCH + "q=<a pair of words never asked before>",
            {"weights": {"recherche_unique": 1}, "pools": {}, "unique_queries": pairs[:50_000]},
        ),
    }
    return mix, one_page


def levels_of_load(port, mix, options):
    """The mixed traffic at each number of clients: their figures, and the addresses that
    registered."""
    levels, registered = [], []
    for clients in options.levels:
        print(f"-- {clients} clients for {options.duration} s", flush=True)
        start_at, samples, emails = traffic.load(
            port, mix, clients, options.duration, options.client_processes, f"c{clients}"
        )
        registered += emails
        level = report.summary(samples, start_at, options.duration)
        levels.append({"clients": clients, "duration": options.duration, **level})
        report.print_level(levels[-1])
    return levels, registered


def comparison(port, one_page, options):
    """The bare view, the cached page and the uncached page, one after the other."""
    clients, duration = options.compare_clients, options.compare_duration
    pages = {}
    for name, (path, scenario) in one_page.items():
        print(f"-- {name}, {clients} clients for {duration} s", flush=True)
        tag = name.replace(" ", "-")
        start_at, samples, _ = traffic.load(
            port, scenario, clients, duration, options.client_processes, tag
        )
        pages[name] = {"path": path, **report.summary(samples, start_at, duration)}
    bare = pages["bare view"]["rps"] or 1
    result = {
        "clients": clients,
        "duration": duration,
        "pages": pages,
        "cached_over_bare": round(pages["cached page"]["rps"] / bare, 3),
        "uncached_over_bare": round(pages["uncached page"]["rps"] / bare, 3),
    }
    report.print_comparison(result)
    return result


def bench_messages(sink):
    """The messages to the addresses the load registered with."""
    domain = "@" + traffic.EMAIL_DOMAIN
    return [m for m in sink.received() if any(a.endswith(domain) for a in m["to"])]


def bench_recipients(sink):
    return Counter(address for message in bench_messages(sink) for address in message["to"])


def check(env, sink, registered, timeout):
    """No workshop over its seats; each registration's e-mail received once (waiting for the
    task worker, if any, to send them)."""
    state = database(env, "check")
    expected = {email for email, _statut in state["inscriptions"]}
    started = time.monotonic()
    while time.monotonic() - started < timeout and not expected <= bench_recipients(sink).keys():
        time.sleep(0.5)
    drained = round(time.monotonic() - started, 1)
    time.sleep(3)  # a second e-mail would come right after the first
    received = bench_recipients(sink)
    return {
        "ateliers": state["ateliers"],
        "overbooked": [a for a in state["ateliers"] if a["confirmees"] > a["capacite"]],
        "accepted": len(registered),
        "in_database": len(expected),
        "lost": sorted(set(registered) - expected),
        "emails": sum(received.values()),
        "duplicates": {email: n for email, n in sorted(received.items()) if n > 1},
        "missing": sorted(expected - received.keys()),
        "unexpected": sorted(received.keys() - expected),
        "drain_seconds": drained,
        "subjects": dict(Counter(message["subject"] for message in bench_messages(sink))),
        "all_messages": len(sink.received()),
    }


def main():
    options = arguments()
    if os.environ.get(INSIDE) != "1":
        under_servers()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y-%m-%dT%H%M%S")
    var_dir, sink, port = tempfile.mkdtemp(prefix="entraide-load-"), Sink(), free_port()
    env = production_env(port, sink.port, var_dir, options.workers)
    processes = []
    try:
        prepare(env)
        mix, one_page = scenarios(database(env, "discover"))
        with open(OUTPUT / f"load-{stamp}-server.log", "w") as log:
            processes = start_servers(env, log)
            worker = "db_worker" if len(processes) > 1 else "none (e-mails sent in the request)"
            wait_ready(port, processes)
            warm_up(port, mix)
            levels, registered = levels_of_load(port, mix, options)
            compared = comparison(port, one_page, options)
            checks = {"worker": worker, **check(env, sink, registered, options.drain_timeout)}
    finally:
        stop(processes)
        sink.stop()
        shutil.rmtree(var_dir, ignore_errors=True)
    report.print_checks(checks)
    result = {
        "date": stamp,
        "machine": {"cores": os.cpu_count(), "python": platform.python_version()},
        "load_client": "on the same machine as the server",
        "gunicorn_workers": options.workers,
        "levels": levels,
        "comparison": compared,
        "checks": checks,
    }
    path = OUTPUT / f"load-{stamp}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"\nReport: {path.relative_to(ROOT)}")
    sys.exit(0 if report.passed(result) else 1)


if __name__ == "__main__":
    main()
