"""/sante/ tells a load balancer whether this process can work; production logs one JSON object
per line and sends errors to Sentry only when told to."""

import json
import logging
import logging.config

import pytest
import sentry_sdk
from django.core.cache import caches
from django.core.files.storage import storages
from django.db import connections

from tests.site.helpers import import_settings

pytestmark = pytest.mark.django_db


def test_everything_working_answers_200_with_each_part_named(client):
    response = client.get("/sante/")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {"database:default", "cache:default", "cache:recherche"} <= set(body["checks"])
    assert {"storage:public", "storage:private"} <= set(body["checks"])
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def failing(*args, **kwargs):
    raise OSError("mot de passe=secret refusé")


@pytest.mark.parametrize(
    "part, target, method",
    [
        ("cache:recherche", lambda: caches["recherche"], "set"),
        ("storage:private", lambda: storages["private"], "save"),
        ("database:default", lambda: connections["default"], "cursor"),
    ],
)
def test_one_part_failing_answers_503_without_the_error(client, monkeypatch, part, target, method):
    monkeypatch.setattr(target(), method, failing)

    response = client.get("/sante/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "erreur"
    assert body["checks"][part] == {"ok": False}
    assert "secret" not in response.content.decode()


def test_a_health_check_leaves_no_file_behind(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert client.get("/sante/").status_code == 200

    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


def test_production_logs_are_one_json_object_per_line(monkeypatch, capsys):
    production = import_settings(monkeypatch)
    logging.config.dictConfig(production.LOGGING)
    try:
        logging.getLogger("entraide.essai").warning("Inscription %s refusée", "n° 12")
        line = capsys.readouterr().err.strip().splitlines()[-1]
    finally:
        logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})

    record = json.loads(line)
    assert record["message"] == "Inscription n° 12 refusée"
    assert (record["levelname"], record["name"]) == ("WARNING", "entraide.essai")


def test_sentry_is_on_only_with_a_dsn_and_sends_no_personal_data(monkeypatch):
    """What production settings ask of Sentry (its client is not started: nothing is sent)."""
    started = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: started.append(options))

    import_settings(monkeypatch, SENTRY_DSN=None)
    assert started == []

    import_settings(monkeypatch, SENTRY_DSN="https://cle@sentry.example/1")
    (options,) = started
    assert options["dsn"] == "https://cle@sentry.example/1"
    assert [type(i).__name__ for i in options["integrations"]] == ["DjangoIntegration"]
    assert not options.get("send_default_pii")
