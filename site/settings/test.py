from . import env
from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# E-mails go through the outbox (tests/conftest.py puts it back after Django's test set-up),
# delivered at once to Django's test mailbox.
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# The suite tests the database backends; the Elasticsearch tests build their own backend
# (and run live only when ELASTICSEARCH_URL is set): never the developer's indexes.
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}  # noqa: F405
PUBLIC_SEARCH_ENGINE = "database"
# The suite's caches stay in each process's memory, cleared before every test; the Redis tests
# (tests/site/test_redis.py) build theirs on the server `make test` starts.
CACHES = LOCAL_CACHES  # noqa: F405
# Except in the server processes a test starts on the Redis it names, shared as production's
# processes share theirs (tests/site/test_plusieurs_processus.py).
if env.get("ENTRAIDE_TEST_REDIS_URL"):
    CACHES = redis_caches(  # noqa: F405
        env.get("ENTRAIDE_TEST_REDIS_URL"), env.get("ENTRAIDE_TEST_REDIS_CACHE_URL")
    )
# The open datasets are written when a test asks (tests/donnees/test_jeux.py), not after every
# page a test publishes.
DONNEES_PUBLICATION_AUTOMATIQUE = False
