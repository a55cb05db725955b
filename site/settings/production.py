import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from . import env
from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env.require("SECRET_KEY")
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS") or [env.require("ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")
# Links in e-mails sent by cron commands and in Wagtail's notifications: no default could be
# right. allauth's links (built from the request) take its scheme.
WAGTAILADMIN_BASE_URL = env.require_base_url("WAGTAILADMIN_BASE_URL")
ACCOUNT_DEFAULT_HTTP_PROTOCOL = WAGTAILADMIN_BASE_URL.split(":", 1)[0]

PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", "300"))

# Background work waits for `manage.py db_worker` (TASKS_BACKEND=immediate: inside the request).
TASKS_BACKEND = env.get_choice("TASKS_BACKEND", TASK_BACKENDS, "database")  # noqa: F405
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}  # noqa: F405

# WhiteNoise serves the collected static files, right after the security middleware.
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Shared by every server process: on Redis when REDIS_URL is set (base.py), else database
# tables (`createcachetable`), one per cache. The counters' table is culled (expired rows
# first) only past a million rows.
if not REDIS_URL:  # noqa: F405
    CACHES = sized_caches(  # noqa: F405
        "django.core.cache.backends.db.DatabaseCache",
        "entraide_cache",
        "entraide_recherche",
        "entraide_pages",
    )

# One JSON object per log line, for a log collector (python-json-logger).
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
}

# Errors to Sentry when SENTRY_DSN is set. Sentry's default sends no personal data (no
# cookies, no user, no IP address): left as it is.
if env.get("SENTRY_DSN"):
    sentry_sdk.init(
        dsn=env.get("SENTRY_DSN"),
        integrations=[DjangoIntegration()],
        environment=env.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(env.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
