"""Settings shared by every environment. Environment variables are read in env.py."""

import dj_database_url
from botocore.config import Config

from . import env

BASE_DIR = env.BASE_DIR

INSTALLED_APPS = [
    "ressources",
    "structures",
    "fiches",
    "evenements",
    "search",
    "inventaire",
    "demo",
    "donnees",
    "alertes",
    "espace",
    "bourse",
    "outbox",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "wagtail.api.v2",  # the public API (donnees.api), as Wagtail documents it
    "rest_framework",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",  # its field and widget templates, for FORM_RENDERER below
    "allauth",
    "allauth.account",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CORS headers on /api/ only (CORS_URLS_REGEX), and preflight answers, before anything.
    "corsheaders.middleware.CorsMiddleware",
    # Before sessions and everything else: a kept anonymous page is answered from here.
    "ressources.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, except for the API's 404s (donnees/middleware.py).
    "donnees.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before anything reads the body (CSRF, forms): an oversized upload is refused unread.
    "ressources.middleware.UploadSizeMiddleware",
    "ressources.middleware.EmailLinksMiddleware",
    "ressources.middleware.SharedServerDownMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

ROOT_URLCONF = "entraide.urls"
WSGI_APPLICATION = "entraide.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Every form, ours and allauth's, renders its fields with templates/django/forms/field.html:
# required fields marked, help texts and errors tied to their input.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {"default": dj_database_url.parse(env.DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    env.VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Short queries only: compiling one to machine code (JIT) costs more than it saves
    # (bench/DECISIONS.md).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (django-allauth) and the brute-force lockout (django-axes).
from .comptes import *  # noqa: E402, F403

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.STATIC_ROOT
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.MEDIA_ROOT
# Files contributors attach to their fiches: never under MEDIA_ROOT, served only by a view.
PRIVATE_MEDIA_ROOT = env.PRIVATE_MEDIA_ROOT


# Three named storages: "default" for public media (Wagtail's images and renditions), "private"
# for contributors' attachments (fiches.models.fiches.private_storage), "documents" for
# Wagtail's documents (ressources.models.documents.document_storage); the last two only ever
# sent by a view that checks who asks. On the local disk, or on S3 when its variables are set.
FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"
DISK_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "ressources.storage.PrivateFileSystemStorage"},
    # In MEDIA_ROOT/documents/, where they always were: no URL pattern serves that folder.
    "documents": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # The open datasets (donnees/publication.py), public, in MEDIA_ROOT/donnees/.
    "donnees": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"allow_overwrite": True}},
}


def s3_storages(*, endpoint_url, region, access_key, secret_key, public_bucket, private_bucket):
    """The same storages on S3-compatible object storage: public media in ``public_bucket``,
    readable by anyone at a permanent URL; attachments and documents in ``private_bucket``,
    each object private, streamed by the checking views (ressources.storage)."""
    connection = {
        "endpoint_url": endpoint_url,
        "region_name": region,
        "access_key": access_key,
        "secret_key": secret_key,
        # Two files of one name get two objects (Django's suffix), never one over the other.
        "file_overwrite": False,
        # A download over 2 MB waits on disk, not in the process's memory.
        "max_memory_size": 2 * 1024 * 1024,
        # An unreachable or stuck server fails within seconds: /sante/ answers 503, an upload
        # an error, instead of holding a server process for minutes.
        "client_config": Config(
            connect_timeout=2,
            read_timeout=5,
            retries={"mode": "standard", "total_max_attempts": 2},
        ),
    }
    private = {
        "BACKEND": "ressources.storage.PrivateS3Storage",
        "OPTIONS": {**connection, "bucket_name": private_bucket, "default_acl": "private"},
    }
    public = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **connection,
            "bucket_name": public_bucket,
            "default_acl": "public-read",
            "querystring_auth": False,  # plain, lasting URLs: pages link to them
        },
    }
    donnees = {**public, "OPTIONS": {**public["OPTIONS"], "file_overwrite": True}}
    return {"default": public, "private": private, "documents": private, "donnees": donnees}


s3 = env.s3()
STORAGES = {
    **(s3_storages(**s3) if s3 else DISK_STORAGES),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Entraide"
# The site's address, for links in e-mails sent outside a request and in Wagtail's
# notifications (`make run` gives its HOST and PORT; production requires it).
WAGTAILADMIN_BASE_URL = env.base_url("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "ressources.RessourceDocument"
# Every document is sent as an attachment, never displayed inline (HTML, SVG, PDF included).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# What modèles (text and spreadsheet templates, PDF) and workshop slides need; no archive (a zip
# hides what it holds), no plain text or CSV (opened by browsers and spreadsheets as code).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The largest request the site accepts (ressources.middleware.UploadSizeMiddleware answers 413
# above it, before reading the body): a fiche's 5 attachments of 10 MB (fiches/uploads.py),
# with the rest of its form; more than one admin document or image.
MAX_UPLOAD_REQUEST_SIZE = 51 * 1024 * 1024
# Private pages and collections: for logged-in people or groups only, never a password shared
# around (it cannot be withdrawn from one person, and is guessed without any limit).
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# No avatar from gravatar.com: the admin makes no request to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # « même-titre » → meme-titre: addresses people can type
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# The public search (search/engines/): on the database with queries of its own, or on
# Elasticsearch through Wagtail's backend. Wagtail's database backend serves the admin.
DATABASE_SEARCH_BACKEND = {"BACKEND": "wagtail.search.backends.database"}
# PostgreSQL text search configurations per language (stemming and accent folding), made by
# search/migrations/0002 and 0007: an entry is indexed, and a search made, with its language's.
SEARCH_CONFIGS = {"fr": "entraide_fr", "en": "entraide_en"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASE_SEARCH_BACKEND["SEARCH_CONFIG"] = "entraide_fr"

PUBLIC_SEARCH_ENGINE = "elasticsearch" if env.ELASTICSEARCH_URL else "database"
if env.ELASTICSEARCH_URL:
    # Wagtail's Elasticsearch 9 backend with a French analyser and the editors' synonyms.
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [env.ELASTICSEARCH_URL],
            "INDEX_PREFIX": env.get("ELASTICSEARCH_INDEX_PREFIX", "entraide_"),
            "TIMEOUT": 10,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}


# Caches, so that nothing evicts what protects the site. "default" holds the counters of
# allauth's and django-ratelimit's limits (allauth always counts in "default"): with no
# practical size limit, nothing pushes them out. Search results (search/results_cache.py) come
# and go in "recherche", however many different searches people make. Distinct LOCATIONs: two
# local memory caches with the same one would be one. Production uses database tables instead,
# or Redis (REDIS_URL).
def sized_caches(backend, counters, results, pages):
    """The three caches in a store that culls past a number of entries: the counters' so
    large that nothing culls them in practice, the search results' and the pages' a few
    thousand."""
    return {
        "default": {
            "BACKEND": backend,
            "LOCATION": counters,
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        },
        "recherche": {"BACKEND": backend, "LOCATION": results, "OPTIONS": {"MAX_ENTRIES": 5000}},
        "pages": {"BACKEND": backend, "LOCATION": pages, "OPTIONS": {"MAX_ENTRIES": 5000}},
    }


LOCAL_CACHES = sized_caches(
    "django.core.cache.backends.locmem.LocMemCache",
    "entraide-default",
    "entraide-recherche",
    "entraide-pages",
)
RATELIMIT_USE_CACHE = "default"


def redis_caches(url, cache_url=None):
    """The same caches on Redis, shared by every server process. The counters ("default")
    at ``url``, a server that must never evict (``maxmemory-policy noeviction``); the search
    results ("recherche") and the pages ("pages") at ``cache_url``, a server free to evict
    (``allkeys-lru``), or at ``url`` too when there is one Redis."""
    backend = "django.core.cache.backends.redis.RedisCache"
    return {
        "default": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "entraide"},
        "recherche": {
            "BACKEND": backend,
            "LOCATION": cache_url or url,
            "KEY_PREFIX": "entraide-recherche",
        },
        "pages": {"BACKEND": backend, "LOCATION": cache_url or url, "KEY_PREFIX": "entraide-pages"},
    }


REDIS_URL = env.get("REDIS_URL")
CACHES = redis_caches(REDIS_URL, env.get("REDIS_CACHE_URL")) if REDIS_URL else LOCAL_CACHES

# Anonymous visitors' pages kept this long in the "pages" cache, purged on every publication
# (ressources/page_cache.py); 0: off (development: a template edit shows at once).
PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", "0"))
# How long a reverse proxy or CDN may keep them (s-maxage). With FRONTEND_CACHE_PURGE_URL (an
# HTTP PURGE endpoint: Varnish, nginx), Wagtail purges a published page and our hook its
# listings; other proxies (Cloudflare, CloudFront) take WAGTAILFRONTENDCACHE in a settings file.
FRONTEND_CACHE_PURGE_URL = env.get("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:  # without it, its page_published handler would only cost queries
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
FRONTEND_CACHE_SECONDS = int(
    env.get("FRONTEND_CACHE_SECONDS", 3600 if FRONTEND_CACHE_PURGE_URL else 0)
)

# Background work (django-tasks): at once, inside the request, unless TASKS_BACKEND=database,
# where `manage.py db_worker` runs it (production.py makes that the default there).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = env.get_choice("TASKS_BACKEND", TASK_BACKENDS, "immediate")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}

# Open data (donnees/): the API, the embeds, the figures, the datasets.
from .donnees import *  # noqa: E402, F403

# Every e-mail goes through the outbox (outbox/), which a task delivers with the real backend.
EMAIL_BACKEND = "outbox.backends.OutboxBackend"
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
if env.get("EMAIL_HOST"):
    OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env.get("EMAIL_HOST")
    EMAIL_PORT = int(env.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Entraide <ne-pas-repondre@entraide.example>")
# Who receives the messages of the contact form (ressources/contact.py): these addresses
# (comma-separated), else the active editors and moderators, else ADMINS.
CONTACT_DESTINATAIRES = env.get_list("CONTACT_DESTINATAIRES")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
}
