"""The OpenSearch description browsers add the search from, and the sitemap's translations."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import GuidePageFactory, translate

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]

OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_opensearch_description_points_at_the_search_page(client, site_tree, language):
    response = client.get(f"/{language}/opensearch.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    document = ET.fromstring(response.content)
    assert document.tag == f"{OPENSEARCH}OpenSearchDescription"
    assert document.find(f"{OPENSEARCH}ShortName").text == "Entraide"
    (html,) = [url for url in document.iter(f"{OPENSEARCH}Url") if url.get("type") == "text/html"]
    assert html.get("template") == f"http://testserver/{language}/recherche/?q={{searchTerms}}"
    assert document.find(f"{OPENSEARCH}Language").text == language


def sitemap_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ET.fromstring(response.content)
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in urlset.iter(f"{SITEMAP}url")
    }


def test_the_sitemap_links_the_translations_of_a_page(client, site_tree):
    home, index = site_tree
    translate(home, slug="home-en")
    translate(index, slug="resources")
    guide = GuidePageFactory(parent=index, slug="statuts")
    english = translate(guide, slug="articles")
    GuidePageFactory(parent=index, slug="seulement-en-francais")

    alternates = sitemap_alternates(client)

    both = {
        "fr": "http://localhost/fr/ressources/statuts/",
        "en": "http://localhost/en/resources/articles/",
    }
    assert alternates["http://localhost/fr/ressources/statuts/"] == both
    assert alternates["http://localhost/en/resources/articles/"] == both
    assert alternates["http://localhost/fr/ressources/seulement-en-francais/"] == {}
    assert english.live
