"""Smoke test: no internal link of the public pages leads to an error."""

from urllib.parse import urljoin

import pytest
from django.contrib.staticfiles import finders

from ressources.models import ModeleFichier
from tests import markup
from tests.factories import (
    DocumentFactory,
    GuidePageFactory,
    ModelePageFactory,
    domaine,
    related,
    stream,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_with_content(site_tree):
    home, index = site_tree
    modele = ModelePageFactory(
        parent=index,
        title="Modèle de statuts",
        fichiers=[ModeleFichier(document=DocumentFactory(title="Statuts (ODT)"))],
        domaines=[domaine("juridique-statuts")],
    )
    guide = GuidePageFactory(
        parent=index,
        title="Rédiger les statuts",
        domaines=[domaine("juridique-statuts"), domaine("gouvernance-vie-associative")],
        body=stream(
            (
                "paragraphe",
                '<p>Voir <a href="https://www.service-public.fr/">service-public.fr</a>.</p>',
            )
        ),
        ressources_liees=related(modele),
    )
    for number in range(14):  # enough for a second page of the listing
        GuidePageFactory(
            parent=index, title=f"Guide {number:02d}", domaines=[domaine("ressources-humaines")]
        )
    translate(home)
    translate(index)
    translate(guide, title="Writing the articles", slug="writing-the-articles")
    return home


def internal(href):
    return href.startswith("/") and not href.startswith("//")


def check(client, url):
    response = client.get(url)
    body = markup.content(response)
    return response.status_code, b"" if response.streaming else body


def test_every_internal_link_of_the_home_page_and_the_pages_it_links_to_works(
    client, site_with_content
):
    home_url = "/fr/"
    status, content = check(client, home_url)
    assert status == 200
    first_level = {href for href in markup.links(content) if internal(href)}
    assert "/fr/ressources/" in first_level
    assert "/fr/domaines/juridique-statuts/" in first_level

    seen, broken, to_visit = {home_url}, [], sorted(first_level)
    for depth in (1, 2):
        next_level = set()
        for href in to_visit:
            if href in seen:
                continue
            seen.add(href)
            status, content = check(client, href)
            if status >= 400:
                broken.append((href, status))
            elif depth == 1 and content:
                next_level.update(
                    urljoin(href, link)
                    for link in markup.links(content)
                    if internal(link) or link.startswith("?")
                )
        to_visit = sorted(next_level)

    assert broken == []
    assert len(seen) > 30  # the crawl did reach the ressources, domains and downloads
    assert any(url.startswith("/fr/telecharger/") for url in seen)
    assert any(url.startswith("/en/") for url in seen)


def test_stylesheets_and_scripts_of_the_home_page_exist(client, site_with_content):
    response = client.get("/fr/")

    assets = [
        attrs["href"]
        for attrs in markup.elements(response.content, "link")
        if attrs.get("rel") == "stylesheet"
    ]
    assets += [
        attrs["src"] for attrs in markup.elements(response.content, "script") if attrs.get("src")
    ]
    assert assets
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/").split("?")[0]), asset


def test_robots_and_sitemap_answer(client, site_with_content):
    robots = client.get("/robots.txt")
    sitemap = client.get("/sitemap.xml")

    assert robots.status_code == 200
    assert robots["Content-Type"].startswith("text/plain")
    assert b"Sitemap: http://testserver/sitemap.xml" in robots.content
    assert sitemap.status_code == 200
    assert b"/fr/ressources/rediger-les-statuts/" in sitemap.content
