"""Every setting read from the environment, in one place."""

import os
from pathlib import Path

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


def require(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


DATABASE_URL = get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
ELASTICSEARCH_URL = get("ELASTICSEARCH_URL")
MEDIA_ROOT = Path(get("MEDIA_ROOT", VAR_DIR / "media"))
STATIC_ROOT = Path(get("STATIC_ROOT", VAR_DIR / "static"))
PRIVATE_MEDIA_ROOT = Path(get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
