"""schema.org JSON-LD read on the search tests' corpus: a page of every type, in French and
in English (tests/ressources/test_json_ld.py has the properties of each type)."""

import pytest

from tests.ressources.json_ld_helpers import expanded, trail, value
from tests.search import corpus

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]

HOST = "http://testserver"


@pytest.fixture(scope="module")
def site(module_transaction):
    with module_transaction.unblock():
        return corpus.build()


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content


def test_every_public_page_has_json_ld_with_its_breadcrumb_trail(client, subtests, site):
    pages = [page for slug, page in site.pages.items() if page.live and slug not in corpus.PRIVATE]
    urls = [site.home.url, site.index.url, site.fiches.url, site.agenda.url]
    urls += [page.url for page in pages]
    fiche = next(page for page in pages if page.specific_class.__name__ == "FichePage")
    structure = fiche.specific.structure
    urls += ["/fr/domaines/", "/fr/domaines/juridique-statuts/", "/fr/structures/"]
    urls += [structure.get_absolute_url(), "/fr/recherche/?q=statuts"]
    for url in urls:
        with subtests.test(url=url):
            steps = trail(get(client, url))
            language = url.split("/")[1]
            assert steps[0][1] == f"{HOST}/{language}/"
            assert steps[-1][1] == HOST + url.split("?")[0]


def test_a_translated_page_says_its_language(client, site):
    html = get(client, site.pages["writing-articles"].url)
    (article,) = expanded(html)["Article"]
    assert value(article, "inLanguage") == "en"
    assert value(article, "headline") == "Writing articles of association"
    assert [name for name, _url in trail(html)][-1] == "Writing articles of association"
