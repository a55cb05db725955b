"""Anonymous visitors get public pages from the shared cache; an edit shows at the next
request; signed-in people, forms and personal pages are never served from it."""

import http.server
import threading

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evenements import liens
from evenements.models import Inscription
from tests.evenements.helpers import agenda_page, atelier, committed, form_data, inscrire_url
from tests.factories import GuidePageFactory, UserFactory, build_site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.FRONTEND_CACHE_SECONDS = 600


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@pytest.fixture
def guide():
    _home, index = build_site_tree()
    return GuidePageFactory(parent=index, title="Rédiger des statuts", slug="statuts")


def test_a_page_seen_once_is_served_to_the_next_visitor_without_the_database(client, guide):
    first, _ = queries_of(client, "/fr/ressources/statuts/")
    again, queries = queries_of(client, "/fr/ressources/statuts/")

    assert queries == 0
    assert again.status_code == 200 and again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    cache_control = again["Cache-Control"]
    assert "public" in cache_control and "s-maxage=600" in cache_control
    assert "max-age=0" in cache_control


def publish_new_title(page):
    page.title = "Statuts : le guide mis à jour"
    page.save_revision().publish()


def unpublish(page):
    page.unpublish()


def move_under_home(page):
    page.move(page.get_parent().get_parent(), pos="last-child")


def delete(page):
    page.delete()


@pytest.mark.parametrize("change", [publish_new_title, unpublish, move_under_home, delete])
def test_every_change_shows_at_the_next_request_on_the_page_and_its_listing(client, guide, change):
    before = {
        url: client.get(url).content for url in ("/fr/ressources/statuts/", "/fr/ressources/")
    }

    change(guide.specific)

    for url, content in before.items():
        response = client.get(url)
        assert response.content != content, url


def test_signed_in_people_are_never_served_a_kept_page(client, guide):
    client.get("/fr/ressources/statuts/")
    client.force_login(UserFactory())

    response, queries = queries_of(client, "/fr/ressources/statuts/")

    assert queries > 0
    assert "private" in response["Cache-Control"]
    assert b"Se d\xc3\xa9connecter" in response.content or b"Mon espace" in response.content


def test_a_page_with_a_form_is_never_kept_and_its_form_works_for_the_next_visitor(client):
    workshop = atelier(agenda_page(), title="Comptabilité associative", capacite=3)
    client.get(workshop.url)
    visitor = type(client)(enforce_csrf_checks=True)

    page = visitor.get(workshop.url)
    token = visitor.cookies["csrftoken"].value
    with committed():
        response = visitor.post(
            inscrire_url(workshop), {**form_data(), "csrfmiddlewaretoken": token}
        )

    assert "public" not in page.get("Cache-Control", "")
    assert response.status_code == 302
    assert Inscription.objects.filter(atelier=workshop).count() == 1


def test_free_seats_in_listings_follow_registrations(client):
    agenda = agenda_page()
    workshop = atelier(agenda, title="Comptabilité associative", capacite=3)
    assert "3 places libres" in client.get(agenda.url).content.decode()

    with committed():
        type(client)().post(inscrire_url(workshop), form_data())

    assert "2 places libres" in client.get(agenda.url).content.decode()


def test_a_personal_page_is_never_kept(client):
    workshop = atelier(agenda_page(), title="Comptabilité associative")
    with committed():
        client.post(inscrire_url(workshop), form_data(email="alix@asso.example"))
    url = liens.voir(Inscription.objects.get())
    client.cookies.clear()
    client.get(url)
    response, queries = queries_of(client, url)

    assert queries > 0
    assert "no-store" in response["Cache-Control"]


def test_a_cache_server_down_costs_a_rendering_never_an_error(client, guide, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    caches["pages"].close()

    assert client.get("/fr/ressources/statuts/").status_code == 200
    assert client.get("/fr/ressources/statuts/").status_code == 200


class Proxy(http.server.BaseHTTPRequestHandler):
    """A reverse proxy's purge endpoint: records what it is asked to forget."""

    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Proxy.purged = []
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield Proxy.purged
    server.shutdown()


def test_publishing_purges_the_listing_and_the_home_page_from_a_reverse_proxy(guide, proxy):
    publish_new_title(guide.specific)

    assert {"/fr/", "/fr/ressources/", "/fr/domaines/"} <= set(proxy)
    assert any(path.startswith("/fr/domaines/") and path != "/fr/domaines/" for path in proxy)
