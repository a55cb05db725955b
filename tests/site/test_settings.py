"""Production settings: safe by default, and refusing to start half-configured."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.site.helpers import import_settings, manage


def test_deploy_check_passes_without_any_warning(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr


@pytest.mark.parametrize("name", ["SECRET_KEY", "WAGTAILADMIN_BASE_URL"])
def test_production_refuses_to_start_without_a_required_variable(tmp_path, name):
    result = manage(tmp_path, "check", **{name: None})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert name in result.stderr


@pytest.mark.parametrize("secret_key", [None, ""])
def test_production_settings_raise_without_secret_key(monkeypatch, secret_key):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        import_settings(monkeypatch, SECRET_KEY=secret_key)


def test_production_settings_raise_without_allowed_hosts(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS"):
        import_settings(monkeypatch, ALLOWED_HOSTS=None)


@pytest.mark.parametrize("base_url", [None, ""])
def test_production_settings_raise_without_the_sites_address(monkeypatch, base_url):
    with pytest.raises(ImproperlyConfigured, match="WAGTAILADMIN_BASE_URL must be set"):
        import_settings(monkeypatch, WAGTAILADMIN_BASE_URL=base_url)


@pytest.mark.parametrize(
    "base_url",
    [
        "entraide.example.org",
        "ftp://entraide.example.org",
        "https://",
        "https://entraide.example.org/fr/",
        "https://entraide.example.org?x=1",
        "https://entraide.example.org:port",
        "https://[::1",
    ],
)
def test_production_settings_explain_an_address_that_is_not_a_sites(monkeypatch, base_url):
    with pytest.raises(ImproperlyConfigured, match="WAGTAILADMIN_BASE_URL must be the site's"):
        import_settings(monkeypatch, WAGTAILADMIN_BASE_URL=base_url)


@pytest.mark.parametrize(
    "base_url, expected, protocol",
    [
        ("https://entraide.example.org/", "https://entraide.example.org", "https"),
        ("http://intranet.example:8080", "http://intranet.example:8080", "http"),
    ],
)
def test_production_links_use_the_sites_address_and_scheme(
    monkeypatch, base_url, expected, protocol
):
    production = import_settings(monkeypatch, WAGTAILADMIN_BASE_URL=base_url)

    links = (production.WAGTAILADMIN_BASE_URL, production.ACCOUNT_DEFAULT_HTTP_PROTOCOL)
    assert links == (expected, protocol)


def test_production_settings_are_secure(monkeypatch):
    production = import_settings(monkeypatch, ALLOWED_HOSTS="example.org,www.example.org")

    assert production.DEBUG is False
    assert production.ALLOWED_HOSTS == ["example.org", "www.example.org"]
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SECURE_HSTS_SECONDS >= 31536000
    assert production.SECURE_SSL_REDIRECT is True


def test_the_sites_allowed_to_frame_the_embeds_are_checked_addresses(monkeypatch):
    production = import_settings(
        monkeypatch, INTEGRER_ORIGINES_AUTORISEES="https://cress.example/, http://fede.example:8080"
    )
    assert production.INTEGRER_ORIGINES_AUTORISEES == [
        "https://cress.example",
        "http://fede.example:8080",
    ]
    unset = import_settings(monkeypatch, INTEGRER_ORIGINES_AUTORISEES=None)
    assert unset.INTEGRER_ORIGINES_AUTORISEES == []

    # a space or a semicolon would add a directive to the Content-Security-Policy
    for value in ["https://cress.example; script-src *", "cress.example", "https://a.example/x"]:
        with pytest.raises(ImproperlyConfigured, match="INTEGRER_ORIGINES_AUTORISEES"):
            import_settings(monkeypatch, INTEGRER_ORIGINES_AUTORISEES=value)
