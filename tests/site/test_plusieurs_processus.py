"""Several server processes, one truth: two gunicorn processes on one PostgreSQL and one Redis
(as two machines behind a load balancer) share the last seat of a workshop, a rate limit, a
lockout and the kept pages with their purge."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.core.cache import caches
from django.test.utils import override_settings
from entraide.settings.base import redis_caches

from evenements.models import Inscription
from tests.browser import browser_db
from tests.evenements.helpers import agenda_page, atelier, form_data, route_url
from tests.factories import GuidePageFactory, UserFactory
from tests.servers import gunicorn
from tests.site.test_redis import worker_urls

pytestmark = [pytest.mark.postgresql, pytest.mark.redis, browser_db]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def shared_redis():
    """This test process and the servers on the same Redis databases."""
    counters, results = worker_urls()
    with override_settings(CACHES=redis_caches(counters, results), PAGE_CACHE_SECONDS=300):
        for alias in caches:
            caches[alias].clear()
        yield counters, results
        for alias in caches:
            caches[alias].clear()


@pytest.fixture
def two_servers(shared_redis):
    counters, results = shared_redis
    shared = {
        "ENTRAIDE_TEST_REDIS_URL": counters,
        "ENTRAIDE_TEST_REDIS_CACHE_URL": results,
        "PAGE_CACHE_SECONDS": "300",
    }
    with gunicorn(**shared) as one, gunicorn(**shared) as two:
        yield [f"http://localhost:{port}" for port in (one, two)]


def post_form(server, page, action, data):
    """GET ``page`` for a CSRF token and cookie, then POST ``data`` to ``action`` as a visitor
    would."""
    visitor = requests.Session()
    token = TOKEN.search(visitor.get(server + page, timeout=20).text).group(1)
    return visitor.post(
        server + action,
        data={**data, "csrfmiddlewaretoken": token},
        headers={"Referer": server + page},
        allow_redirects=False,
        timeout=20,
    )


def test_two_processes_share_seats_limits_lockouts_and_kept_pages(two_servers):
    a, b = two_servers
    agenda = agenda_page()
    workshop = atelier(agenda, title="Comptabilité associative", capacite=1)
    guide = GuidePageFactory(parent=agenda.get_parent(), title="Statuts", slug="statuts")
    inscrire = route_url(workshop, "inscrire")

    # The last seat: two people at once, one on each process.
    with ThreadPoolExecutor(2) as pool:
        answers = list(
            pool.map(
                lambda job: post_form(job[0], workshop.url, inscrire, form_data(email=job[1])),
                [(a, "un@asso.example"), (b, "deux@asso.example")],
            )
        )
    assert [answer.status_code for answer in answers] == [302, 302]
    statuts = sorted(Inscription.objects.values_list("statut", flat=True))
    assert statuts == sorted([Inscription.Statut.CONFIRMEE, Inscription.Statut.ATTENTE])

    # A rate limit (10 « renvoyer mon lien » an hour per address), counted across processes.
    renvoi = route_url(workshop, "renvoyer_lien")
    codes = [
        post_form(server, workshop.url, renvoi, {"renvoi-email": f"x{n}@asso.example"}).status_code
        for n, server in enumerate([a, b] * 6)
    ]
    assert codes.count(429) == 2 and codes[:10] == [302] * 10

    # A lockout: five failed log-ins, alternately on each process, lock the account on both.
    UserFactory(username="camille", email="camille@asso.example")
    login, wrong = "/fr/comptes/login/", {"login": "camille@asso.example", "password": "faux"}
    for server in [a, b] * 3:
        answer = post_form(server, login, login, wrong)
    assert "Connexion temporairement bloquée" in answer.text

    # A kept page: kept by one process, served by the other, purged for both by a publication.
    assert "Statuts" in requests.get(a + guide.url, timeout=20).text
    assert "Statuts" in requests.get(b + guide.url, timeout=20).text
    guide.title = "Statuts : la version de janvier"
    guide.save_revision().publish()
    for server in (a, b):
        assert "la version de janvier" in requests.get(server + guide.url, timeout=20).text
