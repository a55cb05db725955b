"""Every setting read from the environment, in one place."""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("ENTRAIDE_VAR_DIR") or BASE_DIR / "var")


def get(name, default=None):
    """The variable's value; unset and empty are the same."""
    return os.environ.get(name) or default


def get_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def get_list(name, default=()):
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def get_choice(name, choices, default):
    """One of ``choices`` (its keys), or a clear message at start-up."""
    value = get(name, default)
    if value not in choices:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be one of {', '.join(choices)}; it is {value!r}."
        )
    return value


def require(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


def base_url(name, default=None):
    """A site's address, ``https://host[:port]`` (a trailing slash dropped), or ``default``
    when unset. Anything else (no scheme, a path) stops the start with a clear message."""
    value = get(name, default)
    if value is None:
        return None
    try:
        parts = urlsplit(value.strip())
        valid = (
            parts.scheme in {"http", "https"}
            and parts.hostname
            and parts.port != 0
            and not (parts.path.strip("/") or parts.query or parts.fragment)
        )
    except ValueError:  # an unclosed [IPv6] or a port that is not a number
        valid = False
    if not valid:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be the site's address, such as "
            f"https://entraide.example.org (scheme and host, no path); it is {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


def require_base_url(name):
    return base_url(name) or require(name)


DATABASE_URL = get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
ELASTICSEARCH_URL = get("ELASTICSEARCH_URL")
MEDIA_ROOT = Path(get("MEDIA_ROOT", VAR_DIR / "media"))
STATIC_ROOT = Path(get("STATIC_ROOT", VAR_DIR / "static"))
PRIVATE_MEDIA_ROOT = Path(get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
