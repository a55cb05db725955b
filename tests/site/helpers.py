"""Settings modules read as they are at start-up, with the environment a test gives them."""

import importlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

from entraide.settings import env

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = "entraide.settings.production"
BASE = "entraide.settings.base"
DONNEES = "entraide.settings.donnees"
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
SETTINGS_MODULES = ["entraide.settings.dev", "entraide.settings.test", PRODUCTION]
REQUIRED_IN_PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "example.org",
    "WAGTAILADMIN_BASE_URL": "https://example.org",
}
# The servers `make test` may have started for other tests: a settings module is read here
# with the defaults of a machine that has none, unless a test gives them.
SERVERS = {
    "REDIS_URL": None,
    "REDIS_CACHE_URL": None,
    **dict.fromkeys(env.S3_VARIABLES),
}


def production_env(tmp_path, **overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE: set for the browser tests (tests/conftest.py), never in
        # production, where `check --deploy` rightly refuses it.
        if key not in {*REQUIRED_IN_PRODUCTION, "DJANGO_SETTINGS_MODULE", ASYNC_UNSAFE}
    }
    env.update(REQUIRED_IN_PRODUCTION, DJANGO_SETTINGS_MODULE=PRODUCTION)
    env.update(SERVERS)
    env.update(ENTRAIDE_VAR_DIR=str(tmp_path))
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def manage(tmp_path, *args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=production_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def import_settings(monkeypatch, module=PRODUCTION, **env):
    """A settings module freshly imported with ``env`` (None: unset) over the production
    requirements, then forgotten: the running settings are never touched."""
    for name, value in {**REQUIRED_IN_PRODUCTION, **SERVERS, **env}.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    # base.py again too (production.py changes its lists in place), and the open data's
    # settings it reads (site/settings/donnees.py)
    fresh = (module, BASE, DONNEES)
    for name in fresh:
        monkeypatch.delitem(sys.modules, name, raising=False)
    try:
        return importlib.import_module(module)
    finally:
        for name in fresh:
            sys.modules.pop(name, None)
