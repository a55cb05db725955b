"""The shared cache (REDIS_URL): what a process counts or keeps, every other process sees,
because it lives in Redis, not in the process. Against the Redis server `make test` starts."""

import os

import pytest
import redis
from django.core.cache import caches
from django.test.utils import override_settings
from django.urls import reverse
from entraide.settings.base import redis_caches

from search import results_cache
from tests.factories import build_site_tree
from tests.site.helpers import PRODUCTION, import_settings

pytestmark = pytest.mark.django_db


def worker_urls():
    """Two Redis databases of the pass's server for this pytest worker: clearing a cache
    empties its whole database, and two workers must not empty each other's."""
    url = os.environ["REDIS_URL"]
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    glue = "&" if "?" in url else "?"
    return f"{url}{glue}db={2 * worker}", f"{url}{glue}db={2 * worker + 1}"


@pytest.fixture
def redis_server():
    counters, results = worker_urls()
    with override_settings(CACHES=redis_caches(counters, results)):
        for alias in caches:
            caches[alias].clear()
        yield redis.Redis.from_url(counters), redis.Redis.from_url(results)
        for alias in caches:
            caches[alias].clear()


@pytest.mark.redis
def test_rate_limit_counters_and_search_results_live_in_redis(client, redis_server):
    counters, results = redis_server
    build_site_tree()

    for _attempt in range(3):
        client.post(reverse("account_reset_password"), {"email": "claire@asso.example"})
    response = client.get(reverse("recherche"), {"q": "statuts"})

    assert response.status_code == 200
    assert any(key.startswith(b"entraide:") for key in counters.scan_iter())
    assert any(key.startswith(b"entraide-recherche:") for key in results.scan_iter())
    assert not any(key.startswith(b"entraide-recherche:") for key in counters.scan_iter())


@pytest.mark.redis
def test_a_content_change_in_one_process_is_seen_by_every_other(redis_server):
    """The generation that dates kept search results is in Redis: a page published through one
    process drops the results every process kept."""
    counters, _results = redis_server
    before = results_cache.generation()
    other_process = redis_caches(*worker_urls())["recherche"]
    with override_settings(CACHES={"default": other_process, "recherche": other_process}):
        caches["recherche"].set(results_cache.GENERATION_KEY, before + 1, None)

    assert results_cache.generation() == before + 1


def test_redis_url_puts_every_cache_on_redis_in_every_settings_module(monkeypatch):
    for module in ("entraide.settings.dev", PRODUCTION):
        configured = import_settings(
            monkeypatch,
            module,
            REDIS_URL="redis://cache.example:6379/0",
            REDIS_CACHE_URL="redis://lru.example:6379/0",
        ).CACHES
        assert {
            alias: config["BACKEND"].rsplit(".", 1)[-1] for alias, config in configured.items()
        } == {
            "default": "RedisCache",
            "recherche": "RedisCache",
            "pages": "RedisCache",
        }
        assert configured["default"]["LOCATION"] == "redis://cache.example:6379/0"
        assert configured["recherche"]["LOCATION"] == "redis://lru.example:6379/0"
        assert configured["pages"]["LOCATION"] == "redis://lru.example:6379/0"

    one = import_settings(monkeypatch, PRODUCTION, REDIS_URL="redis://cache.example:6379/0").CACHES
    assert one["recherche"]["LOCATION"] == one["default"]["LOCATION"]
    assert one["recherche"]["KEY_PREFIX"] != one["default"]["KEY_PREFIX"]
