"""The load's clients: a few processes, each running one thread per concurrent visitor; a
visitor sends one request after another on its own keep-alive connection (http.client), and
records each: kind, end time, latency, error and request."""

import http.client
import multiprocessing
import random
import re
import threading
import time
import urllib.parse

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CSRF_COOKIE = re.compile(r"^csrftoken=([^;]+)")
EMAIL_DOMAIN = "bench.example"  # the domain database.py counts registrations by
SEARCH = "/fr/recherche/?"


class Visitor:
    """One concurrent client. ``scenario``: ``weights`` {kind: weight}; ``pools`` {kind:
    [paths]} for the plain GET kinds; ``queries``, ``inscription`` (workshop paths) and
    ``telechargement`` (document ids) for the others."""

    def __init__(self, port, scenario, name, unique_queries):
        self.port, self.scenario, self.name = port, scenario, name
        self.rng = random.Random(name)
        self.unique_queries = iter(unique_queries)
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.samples, self.registered = [], []

    def run(self, start_at, deadline):
        kinds, weights = zip(*self.scenario["weights"].items(), strict=True)
        time.sleep(max(0, start_at - time.time()))
        while time.time() < deadline:
            kind = self.rng.choices(kinds, weights)[0]
            if kind in self.scenario["pools"]:
                self.request(kind, "GET", self.rng.choice(self.scenario["pools"][kind]))
            else:  # recherche, recherche_unique, telechargement, inscription
                getattr(self, kind)()
        self.connection.close()

    def request(self, kind, method, path, expected=200, body=None, headers=None):
        """The response and its body, or None when it failed (recorded as an error)."""
        started, error, response, content = time.perf_counter(), None, None, b""
        try:
            self.connection.request(
                method, path, body=body, headers={"User-Agent": "entraide-bench", **(headers or {})}
            )
            response = self.connection.getresponse()
            content = response.read()
            if response.status != expected:
                error = f"status {response.status}"
        except (OSError, http.client.HTTPException) as exception:
            self.connection.close()
            error = f"{type(exception).__name__}: {exception}"
        request = f"{method} {path}"
        self.samples.append((kind, time.time(), time.perf_counter() - started, error, request))
        return None if error else (response, content)

    def recherche(self):
        query = self.rng.choice(self.scenario["queries"])
        self.request("recherche", "GET", SEARCH + urllib.parse.urlencode({"q": query}))

    def recherche_unique(self):
        query = next(self.unique_queries, None) or f"{self.name} {len(self.samples)}"
        self.request("recherche_unique", "GET", SEARCH + urllib.parse.urlencode({"q": query}))

    def telechargement(self):
        document = self.rng.choice(self.scenario["telechargement"])
        self.request("telechargement", "GET", f"/fr/telecharger/{document}/")

    def inscription(self):
        """A visitor's registration: the workshop's page (counted as a page), then its form
        sent back with the page's CSRF token and cookie."""
        path = self.rng.choice(self.scenario["inscription"])
        page = self.request("atelier", "GET", path)
        if page is None:
            return
        response, content = page
        token = CSRF_INPUT.search(content.decode())
        cookies = [CSRF_COOKIE.match(value) for value in response.headers.get_all("Set-Cookie", [])]
        cookie = next((match.group(1) for match in cookies if match), None)
        if token is None or cookie is None:
            self.samples.append(("inscription", time.time(), 0.0, "no CSRF token", f"GET {path}"))
            return
        email = f"{self.name}-{len(self.registered)}@{EMAIL_DOMAIN}".lower()
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token.group(1),
                "nom": "Camille Banc d'essai",
                "email": email,
                "structure": "Association du banc d'essai",
                "besoins": "",
                "consentement": "on",
                "site_internet": "",
            }
        )
        origin = f"http://127.0.0.1:{self.port}"
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
            "Origin": origin,
            "Referer": origin + path,
        }
        if self.request("inscription", "POST", path + "inscription/", 302, body, headers):
            self.registered.append(email)


def client_process(port, scenario, start_at, duration, names, unique_slices):
    """One process of the load: a thread per visitor; their samples and the addresses they
    registered."""
    visitors = [
        Visitor(port, scenario, name, queries)
        for name, queries in zip(names, unique_slices, strict=True)
    ]
    threads = [
        threading.Thread(target=visitor.run, args=(start_at, start_at + duration))
        for visitor in visitors
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    samples = [sample for visitor in visitors for sample in visitor.samples]
    return samples, [email for visitor in visitors for email in visitor.registered]


def load(port, scenario, clients, duration, processes, tag):
    """``clients`` visitors for ``duration`` seconds, spread over ``processes`` processes;
    returns (start time, samples, registered addresses)."""
    processes = max(1, min(processes, clients))
    unique = scenario.get("unique_queries", [])
    names = [f"{tag}-{index}" for index in range(clients)]
    slices = [unique[index::clients] for index in range(clients)]
    start_at = time.time() + 3  # once every process has started
    arguments = [
        (port, scenario, start_at, duration, names[first::processes], slices[first::processes])
        for first in range(processes)
    ]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        results = pool.starmap(client_process, arguments)
    samples = [sample for process_samples, _ in results for sample in process_samples]
    return start_at, samples, [email for _, emails in results for email in emails]
