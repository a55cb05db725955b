"""A shared server that does not answer gives a clear 503 where the site cannot do without it
(the counters' Redis: limits, and Wagtail's own routing cache), and costs nothing where it
can (the Redis of kept pages and search results: pages and search are made afresh)."""

import pytest
from django.core.cache import caches

from outbox.models import Email
from tests.evenements.helpers import agenda_page, atelier, committed, route_url

pytestmark = pytest.mark.django_db

DOWN = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
}


@pytest.fixture
def redis_down(settings):
    """Call it once the test's data is written (Wagtail's own caching needs the server)."""

    def stop(*aliases):
        settings.CACHES = {**settings.CACHES, **dict.fromkeys(aliases, DOWN)}
        settings.PAGE_CACHE_SECONDS = 300

    yield stop
    for alias in caches:
        caches[alias].close()


def test_a_limited_form_with_the_counters_server_down_is_a_clear_503_and_nothing_half_done(
    client, redis_down
):
    workshop = atelier(agenda_page(), title="Trésorerie")
    url = route_url(workshop, "renvoyer_lien")
    redis_down("default", "recherche", "pages")

    with committed():
        response = client.post(url, {"renvoi-email": "alix@asso.example"})

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Service momentanément indisponible" in response.content.decode()
    assert not Email.objects.exists()  # no link sent past a limit nobody could count


def test_pages_and_search_still_answer_with_the_evictable_cache_server_down(client, redis_down):
    agenda = agenda_page()
    atelier(agenda, title="Trésorerie")
    url = agenda.url
    redis_down("recherche", "pages")

    assert "Trésorerie" in client.get(url).content.decode()
    assert client.get("/fr/recherche/?q=tresorerie").status_code == 200
    assert client.get("/fr/recherche/?q=tresorerie").status_code == 200
