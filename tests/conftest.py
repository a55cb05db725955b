import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connections, transaction
from django.test.utils import override_settings, setup_databases, teardown_databases
from django.utils import translation

from tests import browser as browser_support
from tests import databases
from tests.factories import build_site_tree

POSTGRESQL = "django.db.backends.postgresql"


def pytest_collection_modifyitems(items):
    """Tests that drive Chromium are marked ``browser``: they exercise the pages a visitor
    sees, whatever the database, and run in the SQLite pass only (the Makefile)."""
    for item in items:
        if "chromium" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def pytest_runtest_setup(item):
    """Tests marked `postgresql` fail, never skip, when they run on another database
    (the root conftest.py checks that the PostgreSQL pass really runs on PostgreSQL)."""
    if (
        item.get_closest_marker("postgresql")
        and settings.DATABASES["default"]["ENGINE"] != POSTGRESQL
    ):
        pytest.fail("this test needs PostgreSQL: run it in the PostgreSQL pass of `make test`")
    if item.get_closest_marker("redis") and not os.environ.get("REDIS_URL"):
        pytest.fail("this test needs Redis: run it in the PostgreSQL pass of `make test`")
    if item.get_closest_marker("s3") and not os.environ.get("ENTRAIDE_TEST_S3_ENDPOINT"):
        pytest.fail("this test needs an S3 server: run it in the PostgreSQL pass of `make test`")


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_modify_db_settings,
    worker_id,
    tmp_path_factory,
):
    """pytest-django's fixture (documented as the one to override), with the test database
    copied from a template that the run's first worker migrates (tests/databases.py)."""
    verbosity = request.config.option.verbose
    copied = worker_id != "master"
    with django_db_blocker.unblock():
        keeper = None
        if copied:
            keeper = databases.prepare_from_template(
                tmp_path_factory.getbasetemp().parent,
                os.environ["PYTEST_XDIST_TESTRUNUID"][:12],
                worker_id,
            )
        # keepdb: the copy is there, migrated; Django only checks it and saves its data.
        old_config = setup_databases(verbosity=verbosity, interactive=False, keepdb=copied)
    yield
    with django_db_blocker.unblock():
        teardown_databases(old_config, verbosity=verbosity)
        if keeper is not None:
            keeper.close()


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploaded files go to temporary folders, never to var/media or var/private (and
    WhiteNoise gets an existing, empty STATIC_ROOT)."""
    with override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        PRIVATE_MEDIA_ROOT=tmp_path_factory.mktemp("private"),
        STATIC_ROOT=tmp_path_factory.mktemp("static"),
    ):
        yield


@pytest.fixture(autouse=True)
def fresh_cache_and_language():
    """Wagtail caches the site root paths: a page tree rolled back by a previous test must not
    leak into the next one, nor a kept search result or a rate limit's counter (every cache).
    Requests activate a language: start each test from the default."""
    for alias in settings.CACHES:
        caches[alias].clear()
    translation.activate("fr")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def emails_through_the_outbox(settings):
    """Django's test set-up swaps EMAIL_BACKEND for its mailbox: the suite puts the site's
    outbox back, which delivers to that mailbox (OUTBOX_DELIVERY_BACKEND), so every test that
    reads an e-mail reads one that went the production way."""
    settings.EMAIL_BACKEND = "outbox.backends.OutboxBackend"


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """An outer transaction for data shared by the tests of one module.

    Module-scoped data fixtures depend on this one; each test still runs in its own savepoint
    (the ``db`` fixture) and the whole module's data is rolled back at the end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield django_db_blocker
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def site_tree(db):
    """(home, index): a French home page, root of the default site, and /fr/ressources/."""
    return build_site_tree()


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole run. Playwright's synchronous API keeps an event
    loop in this thread, so Django's ORM is told that the tests know what they do."""
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # With that loop running, Django keeps this thread's database connections apart from
    # those opened before: hand it the same ones, or the test database's saved data
    # (serialized_rollback) and open transactions would be lost to the browser tests.
    opened = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in opened.items():
            connections[alias] = connection
        browser = browser_support.launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def tab(chromium):
    """A fresh browser context (no cookies) at phone width, in French."""
    context = chromium.new_context(viewport=browser_support.PHONE, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page
    finally:
        context.close()
