"""Every setting read from the environment, in one place."""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

#: A host and port as an origin has them: no user, no space or punctuation that would end a
#: header's value (the embeds' Content-Security-Policy lists origins).
NETLOC = re.compile(r"([a-z0-9.-]+|\[[0-9a-f:.]+\])(:[0-9]+)?", re.IGNORECASE)
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
    return origin(name, value)


def origin(name, value):
    """``value``, read from the variable ``name``, as ``scheme://host[:port]``, or a clear
    message at start-up."""
    try:
        parts = urlsplit(value.strip())
        valid = (
            parts.scheme in {"http", "https"}
            and parts.hostname
            and NETLOC.fullmatch(parts.netloc)
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


def get_origins(name):
    """Sites' addresses separated by commas, each checked as ``base_url`` checks one."""
    return [origin(name, value) for value in get_list(name)]


def require_base_url(name):
    return base_url(name) or require(name)


DATABASE_URL = get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
ELASTICSEARCH_URL = get("ELASTICSEARCH_URL")
MEDIA_ROOT = Path(get("MEDIA_ROOT", VAR_DIR / "media"))
STATIC_ROOT = Path(get("STATIC_ROOT", VAR_DIR / "static"))
PRIVATE_MEDIA_ROOT = Path(get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))

# Files on S3-compatible object storage (Scaleway, OVH, Clever Cloud's Cellar, MinIO…): all of
# these variables, or none (files on the local disk); each gives one argument of
# base.s3_storages.
S3_VARIABLES = {
    "S3_ENDPOINT_URL": "endpoint_url",
    "S3_REGION": "region",
    "S3_ACCESS_KEY_ID": "access_key",
    "S3_SECRET_ACCESS_KEY": "secret_key",
    "S3_PUBLIC_BUCKET": "public_bucket",
    "S3_PRIVATE_BUCKET": "private_bucket",
}


def s3():
    """The S3 variables' values by argument of base.s3_storages, or None when none is set.
    Some set and not the others, an endpoint that is not an address, or one bucket for both:
    a start-up error that names what to fix, never files quietly written to the local disk."""
    values = {name: get(name) for name in S3_VARIABLES}
    if not any(values.values()):
        return None
    missing = [name for name, value in values.items() if not value]
    if missing:
        raise ImproperlyConfigured(
            f"Files on S3 need every one of {', '.join(S3_VARIABLES)}; "
            f"missing: {', '.join(missing)}. Set them all, or none for the local disk."
        )
    try:
        endpoint = urlsplit(values["S3_ENDPOINT_URL"].strip())
        valid = endpoint.scheme in {"http", "https"} and endpoint.hostname and endpoint.port != 0
    except ValueError:  # an unclosed [IPv6] or a port that is not a number
        valid = False
    if not valid:
        raise ImproperlyConfigured(
            "The environment variable S3_ENDPOINT_URL must be the storage's address, such as "
            f"https://s3.fr-par.scw.cloud; it is {values['S3_ENDPOINT_URL']!r}."
        )
    if values["S3_PUBLIC_BUCKET"] == values["S3_PRIVATE_BUCKET"]:
        raise ImproperlyConfigured(
            "S3_PUBLIC_BUCKET and S3_PRIVATE_BUCKET must be two different buckets: everything "
            "in the public one can be read by anyone."
        )
    return {argument: values[name] for name, argument in S3_VARIABLES.items()}
