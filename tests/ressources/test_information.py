"""Pages d'information (mentions légales, accessibilité, données personnelles): written by the
editors under a home page, linked from the footer of every page of that language's site."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ressources import services
from tests import markup
from tests.factories import GuidePageFactory, translate

pytestmark = pytest.mark.django_db


def footer_links(client, url):
    html = client.get(url).content.decode()
    footer = markup.soup(html).select_one("footer")
    return [link.get_text(strip=True) for link in footer.select("a")], html


def information(home, slug, title, body="<h2>Éditeur</h2><p>Le réseau Entraide.</p>"):
    return services.get_or_create_information(home, slug=slug, title=title, body=body)


def test_every_page_of_a_language_links_its_information_pages_in_the_footer(client, site_tree):
    home, index = site_tree
    mentions = information(home, "mentions-legales", "Mentions légales")
    information(home, "accessibilite", "Accessibilité")
    guide = GuidePageFactory(parent=index)
    brouillon = information(home, "brouillon", "Pas encore prête")
    brouillon.unpublish()
    english_home = translate(home)

    for url in ("/fr/", index.url, guide.url, "/fr/recherche/?q=statuts"):
        links, html = footer_links(client, url)
        assert "Mentions légales" in links and "Accessibilité" in links, url
        assert "Pas encore prête" not in html
        header = markup.soup(html).select_one("header")
        assert "Mentions légales" not in header.get_text(), "not in the header's menu"
    links, _html = footer_links(client, english_home.url)
    assert "Mentions légales" not in links  # the English site lists its own

    html = client.get(mentions.url).content.decode()
    assert "<h2>Éditeur</h2>" in html and "Le réseau Entraide." in html


def test_the_footer_costs_no_query_whatever_the_number_of_information_pages(client, site_tree):
    home, index = site_tree
    guide = GuidePageFactory(parent=index)

    def queries():
        client.get(guide.url)
        with CaptureQueriesContext(connection) as captured:
            client.get(guide.url)
        return len(captured)

    before = queries()
    for number in range(4):
        information(home, f"information-{number}", f"Information {number}")
    assert queries() == before
