"""Search speed at scale: index time and latency of /fr/recherche/ with N published items.

    python bench/search_scale.py [--items 10000] [--requests 50] [--json results.json]
    scripts/with-postgres .venv/bin/python bench/search_scale.py --items 100000

Uses DATABASE_URL (default: a fresh SQLite file in a temporary directory, removed at the end
unless --keep); give it an empty database. It migrates, loads the demo content
(`load_demo`), then generates N published guides, modèles, fiches and workshops the fast
way: `wagtailcore.Page` rows made with `bulk_create` at the right place in the tree, and
their `search.Entree` rows, also with `bulk_create`. No specific page rows (GuidePage…) are
made: the search page reads only the entries and their `Page` row. The entries are then
indexed with Wagtail's backend, as `update_index` does but for `search.Entree` only (our
`update_index` would first rebuild the entries from the real pages and delete these).
Latency is measured through the real views with Django's test client, so it includes
routing, facets, snippets and templates, not the network. Progress goes to stderr, the
Markdown report to stdout.
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager, redirect_stdout
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "entraide.settings.test")
TEMPORARY_DIRECTORY = None  # the SQLite database's, when the bench makes it
if not os.environ.get("DATABASE_URL"):
    TEMPORARY_DIRECTORY = tempfile.mkdtemp(prefix="search-scale-")
    os.environ["DATABASE_URL"] = f"sqlite:///{TEMPORARY_DIRECTORY}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import OperationalError, connection, reset_queries, transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from django.utils.http import urlencode  # noqa: E402
from modelsearch.management.commands.rebuild_modelsearch_index import (  # noqa: E402
    Command as RebuildCommand,
)
from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from bench.search_corpus import (  # noqa: E402
    Corpus,
    Sampler,
    publication_dates,
    weighted,
    workshop_dates,
)
from evenements.models import AgendaPage, AtelierPage  # noqa: E402
from fiches.models import FicheIndexPage, FichePage  # noqa: E402
from ressources import services  # noqa: E402
from ressources.models import Domaine, GuidePage, ModelePage, Public  # noqa: E402
from ressources.territoires import DEPARTEMENTS  # noqa: E402
from search import moteur, requetes, results_cache, suggestions, views  # noqa: E402
from search.models import Entree  # noqa: E402

CHUNK = 2000
INDEX_CHUNK = 1000  # update_index's default
MIX = {"guide": 0.60, "modele": 0.20, "fiche": 0.15, "atelier": 0.05}
MODELS = {"guide": GuidePage, "modele": ModelePage, "fiche": FichePage, "atelier": AtelierPage}
BIG_DEPARTEMENTS = ["75", "69", "13", "59", "33", "31", "44", "35", "34", "67", "93", "38"]
SLOW_MS = 100  # the aim for p95 on PostgreSQL
MIN_SAMPLES = 5
SQL_COUNT_QUERY = "mécénat"  # enough results for a fifth page, fast enough on SQLite
FIRST_COLUMN = re.compile(r'SELECT (?:DISTINCT )?"\w+"\."(\w+)"')
FROM = re.compile(r'FROM "(\w+)"')
HOST = "localhost"

SEARCHES = [
    # (label, query string parameters)
    ("common word", {"q": "association"}),
    ("rarer word", {"q": "mécénat"}),
    ("multi-word", {"q": "embaucher premier salarié"}),
    (
        "multi-word + facets",
        {"q": "embaucher premier salarié", "type": "guide", "domaine": "ressources-humaines"},
    ),
    ("common word + facets", {"q": "association", "type": "fiche", "departement": "69"}),
    ("common word, by date", {"q": "association", "tri": "date"}),
    ("typo, 0 result", {"q": "subvantion"}),
]
AUTOCOMPLETE = ("autocomplete", {"q": "stat"})


def log(message):
    print(message, file=sys.stderr, flush=True)


def setup_database(demo=True):
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    if not demo:  # already there, with the generated items (load_demo would resync them)
        return migrated - started, "not run (--reuse)"
    with redirect_stdout(StringIO()):
        call_command("load_demo", hostname=HOST)
    return migrated - started, time.perf_counter() - migrated


class TreeSlots:
    """The next free child paths of a parent page, as treebeard numbers them."""

    ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def __init__(self, parent):
        self.parent = parent
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.next = int(last[-Page.steplen :], 36) + 1 if last else 1
        self.added = 0

    def take(self):
        number, step = self.next, ""
        while number:
            number, digit = divmod(number, 36)
            step = self.ALPHABET[digit] + step
        self.next += 1
        self.added += 1
        return self.parent.path + step.rjust(Page.steplen, "0")


def generate(count, rng):
    """``count`` live items under the demo's sections, in the ``MIX`` proportions."""
    fr = Locale.objects.get(language_code="fr")
    home = services.get_or_create_home(fr)
    parents = {
        "guide": services.get_or_create_index(home),
        "fiche": FicheIndexPage.objects.child_of(home).get(),
        "atelier": AgendaPage.objects.child_of(home).get(),
    }
    parents["modele"] = parents["guide"]
    slots = {page.pk: TreeSlots(page) for page in parents.values()}
    content_types = {
        type_: ContentType.objects.get_for_model(model).pk for type_, model in MODELS.items()
    }
    corpus = Corpus(Entree.objects.filter(locale=fr).values_list("title", "chapo", "texte"), rng)
    domaines = list(Domaine.objects.filter(locale=fr).order_by("pk"))
    publics = list(Public.objects.filter(locale=fr).order_by("pk"))
    rng.shuffle(domaines)
    codes = BIG_DEPARTEMENTS + [c for c, _ in DEPARTEMENTS if c not in BIG_DEPARTEMENTS]
    departement = Sampler(codes, rng, 1.0)
    types = rng.choices(list(MIX), weights=list(MIX.values()), k=count)
    now = timezone.now()
    DomaineLink, PublicLink = Entree.domaines.through, Entree.publics.through
    started = time.perf_counter()
    for start in range(0, count, CHUNK):
        pages, entries, links = [], [], []
        for number in range(start, min(count, start + CHUNK)):
            type_ = types[number]
            parent = parents[type_]
            slug = f"{type_}-{number}"
            first, last = publication_dates(rng, now)
            fin = None
            if type_ == "atelier":
                date, fin = workshop_dates(rng, now, upcoming=rng.random() < 0.5)
                first = last = min(now, date - timezone.timedelta(days=rng.randint(7, 60)))
            else:
                date = last
            title = corpus.title()
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type_id=content_types[type_],
                    live=True,
                    has_unpublished_changes=False,
                    path=slots[parent.pk].take(),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    locale_id=fr.pk,
                    first_published_at=first,
                    last_published_at=last,
                    show_in_menus=False,
                )
            )
            chosen_domaines = weighted(rng, domaines, rng.choice((1, 1, 2, 2, 3)))
            chosen_publics = weighted(rng, publics, rng.choice((1, 2, 2, 3)))
            located = type_ == "fiche" or (type_ == "atelier" and rng.random() < 0.85)
            entries.append(
                Entree(
                    locale_id=fr.pk,
                    type=type_,
                    title=title,
                    chapo=corpus.chapo(),
                    texte=corpus.texte(),
                    date=date,
                    fin=fin,
                    departement=departement() if located else "",
                    structure=corpus.structure() if type_ == "fiche" else "",
                    taxons=" · ".join(t.nom for t in chosen_domaines + chosen_publics),
                )
            )
            links.append((chosen_domaines, chosen_publics))
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            for page, entree in zip(pages, entries, strict=True):
                entree.page_id = page.pk
            Entree.objects.bulk_create(entries)
            DomaineLink.objects.bulk_create(
                DomaineLink(entree_id=page.pk, domaine_id=d.pk)
                for page, (ds, _ps) in zip(pages, links, strict=True)
                for d in ds
            )
            PublicLink.objects.bulk_create(
                PublicLink(entree_id=page.pk, public_id=p.pk)
                for page, (_ds, ps) in zip(pages, links, strict=True)
                for p in ps
            )
        done = min(count, start + CHUNK)
        if done % 10_000 == 0 or done == count:
            log(f"  {done} items ({time.perf_counter() - started:.0f} s)")
    for slot in slots.values():
        Page.objects.filter(pk=slot.parent.pk).update(numchild=F("numchild") + slot.added)
    return corpus


def index_entries():
    """Rebuild the search index of ``search.Entree`` only, as ``update_index`` does it."""
    backend = get_search_backend()
    index = backend.get_index_for_model(Entree)
    rebuilder = backend.rebuilder_class(index)
    index = rebuilder.start()
    index.add_model(Entree)
    command = RebuildCommand()
    indexed = 0
    objects = Entree.get_indexed_objects().order_by("pk")
    for chunk in command.queryset_chunks(objects, INDEX_CHUNK):
        index.add_items(Entree, chunk)
        indexed += len(chunk)
        if indexed % 10_000 == 0:
            log(f"  {indexed} indexed")
    rebuilder.finish()
    return indexed


def url_for(path, params):
    return f"{path}?{urlencode(params)}"


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[max(0, round(fraction * len(ordered)) - 1)]


class Cap:
    """Cuts the SQL statement running when a request has lasted ``seconds`` (sqlite3's
    ``interrupt()``, psycopg's ``cancel()``), so that one pathological query does not stall
    the bench for hours: the view then fails and the kind is reported as cut."""

    def __init__(self, seconds):
        self.seconds = seconds

    @contextmanager
    def __call__(self):
        connection.ensure_connection()
        raw = connection.connection
        if connection.vendor == "sqlite":
            stop = raw.interrupt
        else:
            stop = getattr(raw, "cancel_safe", raw.cancel)
        timer = threading.Timer(self.seconds, stop)
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()


class SQLTimer:
    """An execute wrapper adding up the time spent in SQL statements (on SQLite, up to
    their first row)."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


def slowest_of(queries):
    slowest = max(queries, key=lambda q: float(q["time"]), default=None)
    if slowest is None:
        return {"slowest_sql_ms": None, "slowest_sql": None}
    return {
        "slowest_sql_ms": round(float(slowest["time"]) * 1000, 1),
        "slowest_sql": slowest["sql"],
    }


def breakdown(queries):
    """Each statement of a request, slowest first, as ``(ms, what)``: enough to see where the
    time goes without reading the SQL."""
    rows = []
    for query in queries:
        sql = query["sql"]
        grouped = FIRST_COLUMN.match(sql) if " GROUP BY " in sql else None
        if grouped:
            what = f"facet {grouped.group(1)}"
        elif sql.startswith("SELECT COUNT(*)"):
            what = "count"
        else:
            table = FROM.search(sql)
            what = table.group(1) if table else sql[:40]
            if what == "search_entree" and "LIMIT" in sql:
                what = "results"
        rows.append((round(float(query["time"]) * 1000, 1), what))
    return sorted(rows, reverse=True)


def capture():
    """``CaptureQueriesContext``, its log emptied first: Django keeps the last 9,000 queries
    of a connection, and once that log is full a capture sees no new query."""
    reset_queries()
    return CaptureQueriesContext(connection)


def timed(client, url, args, cap):
    """Warm-up requests, then ``args.requests`` timed ones (fewer when they would take more
    than ``args.budget`` seconds), each with the kept results of ``search.results_cache`` forgotten
    first, so each does the whole search; then one more whose SQL is recorded; then the
    same number of requests answered from the kept results (a search made again)."""
    row = {"url": url}
    with capture() as first:
        started = time.perf_counter()
        try:
            with cap():
                response = client.get(url)
        except OperationalError:
            row["cut"] = True
            row["first_ms"] = round((time.perf_counter() - started) * 1000)
            row.update(slowest_of(first.captured_queries))
            return row
    assert response.status_code == 200, (url, response.status_code)
    first_seconds = time.perf_counter() - started
    for _ in range(args.warmup - 1 if first_seconds < 1 else 0):
        client.get(url)
    samples, sql_samples, sql = [], [], SQLTimer()
    started = time.perf_counter()
    with connection.execute_wrapper(sql):
        while len(samples) < args.requests:
            if len(samples) >= MIN_SAMPLES and time.perf_counter() - started > args.budget:
                break
            results_cache.invalidate()
            sql.seconds = 0.0
            before = time.perf_counter()
            with cap():
                response = client.get(url)
            samples.append((time.perf_counter() - before) * 1000)
            sql_samples.append(sql.seconds * 1000)
            assert response.status_code == 200, (url, response.status_code)
    results_cache.invalidate()
    with capture() as queries, cap():
        client.get(url)
    captured = list(queries.captured_queries)  # read now: the next requests empty the log
    kept = []
    for _ in range(len(samples)):
        before = time.perf_counter()
        client.get(url)
        kept.append((time.perf_counter() - before) * 1000)
    row.update(
        samples=len(samples),
        median_ms=round(statistics.median(samples), 1),
        p95_ms=round(percentile(samples, 0.95), 1),
        min_ms=round(min(samples), 1),
        max_ms=round(max(samples), 1),
        sql_queries=len(captured),
        sql_ms=round(statistics.median(sql_samples), 1),
        other_ms=round(
            statistics.median([t - q for t, q in zip(samples, sql_samples, strict=True)]), 1
        ),
        sql_breakdown=breakdown(captured),
        kept_median_ms=round(statistics.median(kept), 1),
        kept_p95_ms=round(percentile(kept, 0.95), 1),
        **slowest_of(captured),
    )
    return row


def matches(params, locale, cap):
    """How many items a search finds: the count the results page shows (the words all
    together, else any of them, as ``moteur.search`` does)."""
    with translation.override("fr"):
        requete = requetes.parse(params["q"], "fr")
        entries = moteur.candidates(locale, moteur.Filters.from_request(params))
        try:
            with cap():
                count, partial = entries.search(requete.query("and")).count(), False
                if count == 0 and requete.several:
                    count = entries.search(requete.query("or")).count()
                    partial = count > 0
        except OperationalError:
            return {"matches": None}
        found = {"matches": count, "partial": partial}
        if count == 0:
            found["correction"] = suggestions.correction(params["q"], locale)
        return found


def common_word_count_seconds(locale, cap):
    """Seconds to count the matches of the common word, the second time (the first one
    warms the caches), or None when cut."""
    with translation.override("fr"):
        requete = requetes.parse(SEARCHES[0][1]["q"], "fr")
        entries = moteur.candidates(locale, moteur.Filters())
        for _ in range(2):
            started = time.perf_counter()
            try:
                with cap():
                    entries.search(requete.query("and")).count()
            except OperationalError:
                return None
        return round(time.perf_counter() - started, 3)


def analyse(locale, cap, report):
    """Bring the database to its steady state, the one searches meet once the rebuild is
    over: planner statistics, and on PostgreSQL the dead rows of the index rebuild (each
    entry is written, then updated for its title norm) vacuumed, as autovacuum would.
    Times the common word's count before and after, to show what that state is worth."""
    statement = "ANALYZE" if connection.vendor == "sqlite" else "VACUUM ANALYZE"
    report["settle"] = {"statement": statement}
    report["settle"]["count_before_s"] = common_word_count_seconds(locale, cap)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(statement)
    report["seconds"]["settle"] = time.perf_counter() - started
    report["settle"]["count_after_s"] = common_word_count_seconds(locale, cap)


def view_page_queries(client, cap, page_number):
    url = url_for("/fr/recherche/", {"q": SQL_COUNT_QUERY, "page": page_number})
    try:
        with cap():
            client.get(url)
        results_cache.invalidate()  # a search not seen before
        with capture() as queries, cap():
            response = client.get(url)
    except OperationalError:
        return {"url": url, "sql": None}
    assert response.status_code == 200
    return {"url": url, "sql": len(queries)}


def engine_page_queries(locale, cap, per_page):
    """SQL queries for one results page built by the engine and the view's item builder,
    with ``per_page`` results: the view itself always shows ``moteur.PER_PAGE``."""
    request = RequestFactory(HTTP_HOST=HOST).get("/fr/recherche/", {"q": SQL_COUNT_QUERY})
    with translation.override("fr"):
        requete = requetes.parse(SQL_COUNT_QUERY, "fr")
        results_cache.invalidate()
        try:
            with capture() as queries, cap():
                results = moteur.search(requete, locale, moteur.Filters(), per_page=per_page)
                items = views.result_items(results.page.object_list, requete, request)
        except OperationalError:
            return {"per_page": per_page, "items": None, "sql": None}
    return {"per_page": per_page, "items": len(items), "sql": len(queries)}


def explain(sql, cap):
    if connection.vendor == "sqlite":
        statements = [f"EXPLAIN QUERY PLAN {sql}"]
    else:
        statements = [f"EXPLAIN (ANALYZE, BUFFERS) {sql}", f"EXPLAIN {sql}"]
    for statement in statements:
        try:
            with cap(), connection.cursor() as cursor:
                cursor.execute(statement)
                rows = cursor.fetchall()
        except OperationalError:
            continue
        return statement.split(" SELECT", 1)[0], "\n".join(
            " | ".join(str(value) for value in row) for row in rows
        )
    return None, None


def code_version():
    """The commit, and whether the search code differs from it: the figures belong to it."""
    root = Path(__file__).resolve().parent.parent

    def git(*arguments):
        try:
            return subprocess.run(
                ["git", *arguments], cwd=root, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--", "search")
    return f"{commit} (search/ modified)" if changed else commit


def database_description():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
        cursor.execute("SELECT sqlite_version()")
        return f"SQLite {cursor.fetchone()[0]}"


def measure(args, report, cap):
    locale = Locale.objects.get(language_code="fr")
    client = Client(HTTP_HOST=HOST)
    cache.delete(f"recherche:vocabulaire:{locale.language_code}")
    started = time.perf_counter()
    vocabulary = suggestions.vocabulary(locale)
    report["vocabulary"] = {
        "cold_build_ms": round((time.perf_counter() - started) * 1000, 1),
        "words": len(vocabulary),
    }
    report["load_before_requests"] = os.getloadavg()
    searches = []
    for label, params in SEARCHES:
        log(f"  {label}…")
        row = {"kind": label, "params": params, **matches(params, locale, cap)}
        row.update(timed(client, url_for("/fr/recherche/", params), args, cap))
        searches.append(row)
    label, params = AUTOCOMPLETE
    log(f"  {label}…")
    row = {"kind": label, "params": params}
    row.update(timed(client, url_for("/fr/recherche/suggestions/", params), args, cap))
    if not row.get("cut"):
        row["matches"] = len(client.get(row["url"]).json()["suggestions"])
    searches.append(row)
    report["load_after_requests"] = os.getloadavg()
    report["searches"] = searches

    report["sql_per_view_page"] = [view_page_queries(client, cap, n) for n in (1, 5)]
    engine_page_queries(locale, cap, 10)  # once first: what a process reads only once
    report["sql_per_engine_page"] = [engine_page_queries(locale, cap, n) for n in (10, 50)]

    worst = max(searches, key=lambda row: (bool(row.get("cut")), row["slowest_sql_ms"] or 0))
    if worst["slowest_sql"]:
        how, plan = explain(worst["slowest_sql"], cap)
        report["explain"] = {
            "kind": worst["kind"],
            "sql_ms": worst["slowest_sql_ms"],
            "sql": worst["slowest_sql"],
            "how": how,
            "plan": plan,
        }


def counts():
    per_type = dict.fromkeys(MIX, 0)
    for type_ in Entree.objects.values_list("type", flat=True).iterator(chunk_size=10_000):
        per_type[type_] = per_type.get(type_, 0) + 1
    now = timezone.now()
    per_type["atelier (upcoming)"] = Entree.objects.filter(type="atelier", fin__gt=now).count()
    return per_type


def markdown(report):
    seconds = report["seconds"]
    lines = [
        f"## Search at scale: {report['items']:,} generated items on {report['database']}",
        "",
        f"Code {report['code']}, settings `{report['settings']}` (DEBUG={report['debug']}), "
        f"{report['cpus']} CPUs; "
        f"load average (1/5/15 min) at start {fmt_load(report['load_at_start'])}, before the "
        f"requests {fmt_load(report['load_before_requests'])}, after "
        f"{fmt_load(report['load_after_requests'])}.",
        f"Entries in the index: {report['entries']:,} ("
        + ", ".join(f"{k} {v:,}" for k, v in report["per_type"].items())
        + "; the demo's included, all French).",
        "",
        "| step | seconds |",
        "|---|---:|",
        f"| migrate | {seconds['migrate']} |",
        f"| load_demo | {seconds['load_demo']} |",
        f"| generate {report['items']:,} items (Page + Entree rows, bulk_create) "
        f"| {seconds['generate']} |",
        f"| **index {report['entries']:,} entries** (Wagtail backend, chunks of "
        f"{INDEX_CHUNK}) | **{seconds['index']}** |",
        f"| {report['settle']['statement']} | {seconds['settle']} |",
        "",
        f"Up to {report['requests']} timed requests per kind (fewer past {report['budget']} s)"
        f" after up to {report['warmup']} warm-up requests, through Django's test client "
        "(routing, facets, snippets, templates; no network), each a search not seen before "
        "(the results `search.results_cache` keeps are forgotten before each). Made again: the "
        "same number of requests answered from the kept results. SQL queries: their number in "
        "one request; SQL ms: median time in SQL statements per request; not SQL: median "
        "of the rest (Python, templates); slowest SQL: the slowest statement of one request. "
        f"A request still running after {report['cap']} s is cut.",
        "",
        "| kind | query | matches | n | median ms | p95 ms | max ms | SQL queries | SQL ms "
        "| slowest SQL ms | not SQL ms | made again: median / p95 ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in report["searches"]:
        params = " ".join(f"{k}={v}" for k, v in row["params"].items())
        found = "?" if row.get("matches") is None else f"{row['matches']:,}"
        if row.get("partial"):
            found += " (any word)"
        if row.get("correction"):
            found += f" → « {row['correction']} »"
        if row.get("cut"):
            lines.append(
                f"| {row['kind']} | `{params}` | {found} | 0 | **cut after "
                f"{row['first_ms'] / 1000:.0f} s** | | | | | {row['slowest_sql_ms']} | | |"
            )
            continue
        slow = " ⚠" if row["p95_ms"] > SLOW_MS else ""
        lines.append(
            f"| {row['kind']} | `{params}` | {found} | {row['samples']} | {row['median_ms']} "
            f"| {row['p95_ms']}{slow} | {row['max_ms']} | {row['sql_queries']} "
            f"| {row['sql_ms']} | {row['slowest_sql_ms']} | {row['other_ms']} "
            f"| {row['kept_median_ms']} / {row['kept_p95_ms']} |"
        )
    vocabulary = report["vocabulary"]
    lines += [
        "",
        f"⚠: p95 over {SLOW_MS} ms. The « Vouliez-vous dire » vocabulary, built cold: "
        f"{vocabulary['cold_build_ms']:,} ms for {vocabulary['words']:,} words (paid by the "
        "first query without result in each process every hour; built before the table).",
    ]
    heavy = [row for row in report["searches"] if not row.get("cut") and row["sql_ms"] > SLOW_MS]
    if heavy:
        lines += ["", "Where the SQL time goes (statements of one request over 5 ms, in ms):", ""]
    for row in heavy:
        parts = [f"{what} {ms:g}" for ms, what in row["sql_breakdown"] if ms > 5]
        lines.append(f"- {row['kind']}: " + ", ".join(parts))
    settle = report["settle"]
    lines.append(
        f"Count of the common word's matches before the bench's {settle['statement']}: "
        + seconds_or_cut(settle["count_before_s"], report["cap"])
        + ", after: "
        + seconds_or_cut(settle["count_after_s"], report["cap"])
        + " (SQLite without planner statistics runs the FTS match once per index entry; "
        "PostgreSQL reads the dead rows the rebuild leaves until autovacuum passes)."
    )
    lines += [
        "",
        f"SQL queries per results page (`q={SQL_COUNT_QUERY}`), through the view: "
        + ", ".join(f"page {p['url'][-1]} → {p['sql']}" for p in report["sql_per_view_page"])
        + "; through `moteur.search` + `views.result_items`: "
        + ", ".join(
            f"per_page={p['per_page']} ({p['items']} items) → {p['sql']}"
            for p in report["sql_per_engine_page"]
        )
        + ".",
    ]
    if "explain" in report:
        plan = report["explain"]
        lines += [
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
    return "\n".join(lines)


def seconds_or_cut(seconds, cap):
    return f"{seconds} s" if seconds is not None else f"cut after {cap} s"


def fmt_load(load):
    return " / ".join(f"{value:.2f}" for value in load)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000, help="items to generate")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per kind")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests first")
    parser.add_argument(
        "--budget", type=float, default=120, help="seconds of timed requests per kind, at most"
    )
    parser.add_argument("--cap", type=float, default=30, help="cut a request after N seconds")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary SQLite database afterwards"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure on the items an earlier run left in DATABASE_URL (with --keep on SQLite)",
    )
    args = parser.parse_args()
    try:
        run(args)
    finally:
        if TEMPORARY_DIRECTORY:
            if args.keep:
                log(f"Database kept: {os.environ['DATABASE_URL']}")
            else:
                connection.close()
                shutil.rmtree(TEMPORARY_DIRECTORY, ignore_errors=True)


def run(args):
    rng = random.Random(args.seed)
    cap = Cap(args.cap)
    report = {
        "items": args.items,
        "requests": args.requests,
        "warmup": args.warmup,
        "budget": args.budget,
        "cap": args.cap,
        "seed": args.seed,
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "debug": settings.DEBUG,
        "cpus": os.cpu_count(),
        "load_at_start": os.getloadavg(),
        "database": database_description(),
        "code": code_version(),
        "seconds": {},
    }
    log(f"{report['database']}: migrate, load_demo…")
    seconds = report["seconds"]
    seconds["migrate"], seconds["load_demo"] = setup_database(demo=not args.reuse)
    if args.reuse:
        # Measure again on the items an earlier run generated and indexed (same --items):
        # the steps before the measures are not timed again.
        report["entries"] = Entree.objects.count()
        if report["entries"] < args.items:
            sys.exit(f"--reuse: the database holds {report['entries']} entries, not {args.items}.")
        seconds.update(generate="not run (--reuse)", index="not run (--reuse)")
    else:
        if Entree.objects.count() > 200:
            sys.exit("The database already holds generated items: give the bench an empty one.")
        log(f"Generating {args.items} items…")
        started = time.perf_counter()
        generate(args.items, rng)
        seconds["generate"] = time.perf_counter() - started
        log("Indexing…")
        started = time.perf_counter()
        report["entries"] = index_entries()
        seconds["index"] = time.perf_counter() - started
    report["per_type"] = counts()
    log("Planner statistics…")
    analyse(Locale.objects.get(language_code="fr"), cap, report)
    report["seconds"] = {
        key: round(value, 1) if isinstance(value, float) else value
        for key, value in seconds.items()
    }
    log("Measuring…")
    measure(args, report, cap)
    print(markdown(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
