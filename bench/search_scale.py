"""Search speed at scale: index time and latency of /fr/recherche/ with N published items.

    python bench/search_scale.py [--items 10000] [--requests 50] [--json results.json]
    scripts/with-postgres .venv/bin/python bench/search_scale.py --items 100000

Uses DATABASE_URL (default: a fresh SQLite file in a temporary directory, removed at the end
unless --keep); give it an empty database. It migrates, loads the demo content
(`load_demo`), then generates N published guides, modèles, fiches and workshops the fast
way: `wagtailcore.Page` rows made with `bulk_create` at the right place in the tree, and
their `search.Entree` rows, also with `bulk_create`. No specific page rows (GuidePage…) are
made: the search page reads only the entries and their `Page` row. The entries are then
indexed by the public search's engine (`search.engines.engine().index()`), as `update_index`
does once it has rebuilt the entries from the real pages (it would delete these).
Latency is measured through the real views with Django's test client, so it includes
routing, facets, snippets and templates, not the network. Each kind of search is also timed
as one bare SQL statement on the same data (the floor: the full text match, the filters as
plain conditions, the first page), so the ratio of the two says what the layers cost. The
database engines only (PostgreSQL, SQLite), not Elasticsearch. Progress goes to stderr, the
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
from wagtail.models import Locale, Page  # noqa: E402

from bench.search_corpus import (  # noqa: E402
    Corpus,
    Sampler,
    publication_dates,
    weighted,
    workshop_dates,
)
from bench.search_report import markdown  # noqa: E402
from evenements.models import AgendaPage, AtelierPage  # noqa: E402
from fiches.models import FicheIndexPage, FichePage  # noqa: E402
from ressources import services  # noqa: E402
from ressources.models import Domaine, GuidePage, ModelePage, Public  # noqa: E402
from ressources.territoires import DEPARTEMENTS  # noqa: E402
from search import moteur, requetes, results_cache, suggestions, views  # noqa: E402
from search.engines import engine  # noqa: E402
from search.engines.postgres import config_for  # noqa: E402
from search.engines.sqlite import WEIGHTS, full_text_query  # noqa: E402
from search.models import Entree  # noqa: E402

CHUNK = 2000
MIX = {"guide": 0.60, "modele": 0.20, "fiche": 0.15, "atelier": 0.05}
MODELS = {"guide": GuidePage, "modele": ModelePage, "fiche": FichePage, "atelier": AtelierPage}
BIG_DEPARTEMENTS = ["75", "69", "13", "59", "33", "31", "44", "35", "34", "67", "93", "38"]
# The limits for the p95 of a search not seen before, in ms, on PostgreSQL up to
# 10,000 items and beyond, and on SQLite; and for a search made again.
SLOW_MS = {"postgresql": (60, 150), "sqlite": (100, 100)}
AGAIN_MS = 20
MIN_SAMPLES = 5
SQL_COUNT_QUERY = "mécénat"  # enough results for a fifth page, fast enough on SQLite
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


class Items:
    """How generated items are made: where they go in the tree, their words (from the demo's
    entries), their dates, taxonomy and département. Random draws happen in a fixed order,
    so a seed always makes the same items."""

    def __init__(self, rng):
        self.rng, self.now = rng, timezone.now()
        self.fr = fr = Locale.objects.get(language_code="fr")
        home = services.get_or_create_home(fr)
        self.parents = {
            "guide": services.get_or_create_index(home),
            "fiche": FicheIndexPage.objects.child_of(home).get(),
            "atelier": AgendaPage.objects.child_of(home).get(),
        }
        self.parents["modele"] = self.parents["guide"]
        self.slots = {page.pk: TreeSlots(page) for page in self.parents.values()}
        self.content_types = {
            type_: ContentType.objects.get_for_model(model).pk for type_, model in MODELS.items()
        }
        entries = Entree.objects.filter(locale=fr).values_list("title", "chapo", "texte")
        self.corpus = Corpus(entries, rng)
        self.domaines = list(Domaine.objects.filter(locale=fr).order_by("pk"))
        self.publics = list(Public.objects.filter(locale=fr).order_by("pk"))
        rng.shuffle(self.domaines)
        codes = BIG_DEPARTEMENTS + [c for c, _ in DEPARTEMENTS if c not in BIG_DEPARTEMENTS]
        self.departement = Sampler(codes, rng, 1.0)

    def make(self, number, type_):
        """An item's ``Page`` row, its entry (without its page id yet) and its terms."""
        rng, corpus, parent = self.rng, self.corpus, self.parents[type_]
        slug = f"{type_}-{number}"
        first, last = publication_dates(rng, self.now)
        date, fin = last, None
        if type_ == "atelier":
            date, fin = workshop_dates(rng, self.now, upcoming=rng.random() < 0.5)
            first = last = min(self.now, date - timezone.timedelta(days=rng.randint(7, 60)))
        title = corpus.title()
        page = Page(
            title=title,
            draft_title=title,
            slug=slug,
            content_type_id=self.content_types[type_],
            live=True,
            has_unpublished_changes=False,
            path=self.slots[parent.pk].take(),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            locale_id=self.fr.pk,
            first_published_at=first,
            last_published_at=last,
            show_in_menus=False,
        )
        domaines = weighted(rng, self.domaines, rng.choice((1, 1, 2, 2, 3)))
        publics = weighted(rng, self.publics, rng.choice((1, 2, 2, 3)))
        located = type_ == "fiche" or (type_ == "atelier" and rng.random() < 0.85)
        entree = Entree(
            locale_id=self.fr.pk,
            type=type_,
            title=title,
            chapo=corpus.chapo(),
            texte=corpus.texte(),
            date=date,
            fin=fin,
            departement=self.departement() if located else "",
            structure=corpus.structure() if type_ == "fiche" else "",
            taxons=" · ".join(t.nom for t in domaines + publics),
        )
        return page, entree, (domaines, publics)

    def close(self):
        """The sections' child counts, as treebeard keeps them."""
        for slot in self.slots.values():
            Page.objects.filter(pk=slot.parent.pk).update(numchild=F("numchild") + slot.added)


def save(made):
    """``(page, entree, terms)`` items written with ``bulk_create``, in one transaction."""
    DomaineLink, PublicLink = Entree.domaines.through, Entree.publics.through
    with transaction.atomic():
        Page.objects.bulk_create([page for page, _entree, _terms in made])
        for page, entree, _terms in made:
            entree.page_id = page.pk
        Entree.objects.bulk_create([entree for _page, entree, _terms in made])
        DomaineLink.objects.bulk_create(
            DomaineLink(entree_id=entree.pk, domaine_id=d.pk)
            for _page, entree, (ds, _ps) in made
            for d in ds
        )
        PublicLink.objects.bulk_create(
            PublicLink(entree_id=entree.pk, public_id=p.pk)
            for _page, entree, (_ds, ps) in made
            for p in ps
        )


def generate(count, rng):
    """``count`` live items under the demo's sections, in the ``MIX`` proportions."""
    items = Items(rng)
    types = rng.choices(list(MIX), weights=list(MIX.values()), k=count)
    started = time.perf_counter()
    for start in range(0, count, CHUNK):
        stop = min(count, start + CHUNK)
        save([items.make(number, types[number]) for number in range(start, stop)])
        if stop % 10_000 == 0 or stop == count:
            log(f"  {stop} items ({time.perf_counter() - started:.0f} s)")
    items.close()
    return items.corpus


def index_entries():
    """Make every entry searchable, as ``update_index`` has the engine do it."""
    engine().index()
    return Entree.objects.count()


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
        if sql.startswith("WITH m("):  # search.engines.tally
            what = "count and facets"
        elif sql.startswith("SELECT COUNT(*)"):
            what = "count"
        else:
            table = FROM.search(sql)
            what = table.group(1) if table else sql[:40]
            if what.startswith("search_entree") and "LIMIT" in sql:
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


# The domaine filter of the floor: the entries tagged with a term of that slug (in any
# language, as ``moteur.candidates`` filters them).
FLOOR_DOMAINE = (
    " AND e.id IN (SELECT entree_id FROM search_entree_domaines d"
    " JOIN ressources_domaine t ON t.id = d.domaine_id WHERE t.slug = %s)"
)


def floor_filters(params):
    """The facet filters of a search as plain SQL conditions on the entries (``e``)."""
    sql, args = "", []
    for column in ("type", "departement"):
        if params.get(column):
            sql += f" AND e.{column} = %s"
            args.append(params[column])
    if params.get("domaine"):
        sql += FLOOR_DOMAINE
        args.append(params["domaine"])
    return sql, args


def postgres_floor(params, locale, autocomplete):
    """The floor on PostgreSQL: ``plainto_tsquery`` on the weighted vector, ranked by
    ``ts_rank``; suggestions, a title prefix on the short vector."""
    config = config_for("fr")
    select = "SELECT e.page_id FROM search_entree e WHERE e.locale_id = %s"
    if autocomplete:
        sql = f"{select} AND e.title_vector @@ to_tsquery('{config}', %s)"
        return f"{sql} ORDER BY e.date DESC LIMIT 8", [locale.pk, f"{params['q']}:*A"]
    query = f"plainto_tsquery('{config}', %s)"
    filters, args = floor_filters(params)
    by_date = params.get("tri") == "date"
    order = "e.date DESC" if by_date else f"ts_rank(e.search_vector, {query}) DESC"
    sql = f"{select} AND e.search_vector @@ {query}{filters} ORDER BY {order} LIMIT 10"
    return sql, [locale.pk, params["q"], *args, *([] if by_date else [params["q"]])]


def sqlite_floor(params, locale, autocomplete):
    """The floor on SQLite: the engine's FTS5 query of the words (``full_text_query``),
    ranked by ``bm25()``; suggestions, a prefix in the title column."""
    select = (
        "SELECT e.page_id FROM search_entree_fts"
        " JOIN search_entree e ON e.id = search_entree_fts.rowid"
        " WHERE search_entree_fts MATCH %s AND e.locale_id = %s"
    )
    if autocomplete:
        sql = f"{select} ORDER BY e.date DESC LIMIT 8"
        return sql, [f'title : "{params["q"]}"*', locale.pk]
    with translation.override("fr"):
        match = full_text_query(requetes.parse(params["q"], "fr"), "and")
    filters, args = floor_filters(params)
    weights = ", ".join(str(weight) for weight in WEIGHTS)
    rank = f"bm25(search_entree_fts, {weights})"
    order = "e.date DESC" if params.get("tri") == "date" else rank
    return f"{select}{filters} ORDER BY {order} LIMIT 10", [match, locale.pk, *args]


def floor(params, locale, args, samples, cap, autocomplete=False):
    """The floor of a search: one bare SQL statement that finds its first page (the full text
    match on the language's entries, the filters as plain conditions, the database's own
    ranking or the latest first), timed ``samples`` times after ``args.warmup`` untimed runs.
    No cache, no synonyms on PostgreSQL, no workshop dates, no count or facets: the least the
    database must do for that page."""
    statement = postgres_floor if connection.vendor == "postgresql" else sqlite_floor
    sql, sql_args = statement(params, locale, autocomplete)
    times = []
    try:
        with cap(), connection.cursor() as cursor:
            for number in range(args.warmup + samples):
                before = time.perf_counter()
                cursor.execute(sql, sql_args)
                rows = cursor.fetchall()
                if number >= args.warmup:
                    times.append((time.perf_counter() - before) * 1000)
    except OperationalError:
        return {"floor_cut": True, "floor_sql": sql}
    return {
        "floor_sql": sql,
        "floor_args": sql_args,
        "floor_rows": len(rows),
        "floor_median_ms": round(statistics.median(times), 2),
        "floor_p95_ms": round(percentile(times, 0.95), 2),
    }


def matches(params, locale, cap):
    """How many entries a search finds, all of them (the page counts up to the engine's cap):
    those with every word; or, when they are fewer than a handful and some of the words find
    more, those with any of them (``complete`` of them with every word), as ``moteur.search``
    does."""
    search_engine = engine()
    with translation.override("fr"):
        requete = requetes.parse(params["q"], "fr")
        entries = moteur.candidates(locale, moteur.Filters.from_request(params))
        try:
            with cap():
                every = some = search_engine.matches(entries, requete, "and").count()
                if every < moteur.HANDFUL and requete.several:
                    some = search_engine.matches(entries, requete, "or").count()
        except OperationalError:
            return {"matches": None}
        found = {"matches": max(every, some), "complete": every if some > every else None}
        if not found["matches"]:
            found["correction"] = suggestions.correction(params["q"], locale)
        return found


def common_word_count_seconds(locale, cap):
    """Seconds to count all the matches of the common word, the second time (the first one
    warms the caches), or None when cut."""
    search_engine = engine()
    with translation.override("fr"):
        requete = requetes.parse(SEARCHES[0][1]["q"], "fr")
        entries = moteur.candidates(locale, moteur.Filters())
        for _ in range(2):
            started = time.perf_counter()
            try:
                with cap():
                    search_engine.matches(entries, requete, "and").count()
            except OperationalError:
                return None
        return round(time.perf_counter() - started, 3)


def analyse(locale, cap, report):
    """Bring the database to its steady state, the one searches meet once indexing is over:
    planner statistics, and on PostgreSQL the dead rows indexing leaves (each entry is
    written, then updated with its search vectors) vacuumed, as autovacuum would. Times the
    count of the common word's matches before and after, to show what that state is worth."""
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


def limits(items):
    """The issue's limits, in ms, for this database and this many items."""
    small, large = SLOW_MS[connection.vendor]
    return {"p95_ms": small if items <= 10_000 else large, "again_ms": AGAIN_MS}


def database_description():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
        cursor.execute("SELECT sqlite_version()")
        return f"SQLite {cursor.fetchone()[0]}"


def measure_search(client, label, params, locale, args, cap, autocomplete=False):
    """One kind of search: its matches, the view's latency, then its floor's, as many times."""
    log(f"  {label}…")
    row = {"kind": label, "params": params}
    if not autocomplete:
        row.update(matches(params, locale, cap))
    path = "/fr/recherche/suggestions/" if autocomplete else "/fr/recherche/"
    row.update(timed(client, url_for(path, params), args, cap))
    if row.get("cut"):
        return row
    if autocomplete:
        row["matches"] = len(client.get(row["url"]).json()["suggestions"])
    row.update(floor(params, locale, args, row["samples"], cap, autocomplete))
    if row.get("floor_p95_ms"):
        row["ratio"] = round(row["p95_ms"] / row["floor_p95_ms"], 1)
    return row


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
    searches = [
        measure_search(client, label, params, locale, args, cap) for label, params in SEARCHES
    ]
    searches.append(measure_search(client, *AUTOCOMPLETE, locale, args, cap, autocomplete=True))
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
        "limits": limits(args.items),
        "sql_count_query": SQL_COUNT_QUERY,
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
