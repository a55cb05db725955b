"""French by default, English when asked, and a language switcher that lands on the
translation of the page when there is one."""

import pytest

from tests import markup
from tests.factories import GuidePageFactory, ModelePageFactory, build_site_tree, translate

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def pages(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        traduit = GuidePageFactory(
            parent=index, title="Rédiger les statuts", slug="rediger-les-statuts"
        )
        seul = ModelePageFactory(parent=index, title="Modèle non traduit", with_file=False)
        home_en = translate(home, title="Entraide (English)")
        index_en = translate(index, title="Resources")
        traduit_en = translate(
            traduit, title="Writing the articles of association", slug="writing-articles"
        )
    return {
        "home": home,
        "index": index,
        "traduit": traduit,
        "seul": seul,
        "home_en": home_en,
        "index_en": index_en,
        "traduit_en": traduit_en,
    }


def test_root_redirects_to_french_by_default(client, pages):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_root_redirects_to_english_for_an_english_browser(client, pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_redirects_to_french_for_an_unsupported_language(client, pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")

    assert response["Location"] == "/fr/"


def test_home_pages_answer_in_their_language(client, pages):
    french = client.get("/fr/")
    english = client.get("/en/")

    assert french.status_code == english.status_code == 200
    assert markup.elements(french.content, "html")[0]["lang"] == "fr"
    assert markup.elements(english.content, "html")[0]["lang"] == "en"
    assert "Juridique et statuts" in french.content.decode()
    assert "Legal and articles of association" in english.content.decode()


def test_translated_page_is_served_at_its_english_url(client, pages):
    assert pages["traduit_en"].url == "/en/ressources/writing-articles/"

    response = client.get("/en/ressources/writing-articles/")

    assert response.status_code == 200
    assert "Writing the articles of association" in response.content.decode()


def test_language_switcher_links_to_the_translation_of_a_guide(client, pages):
    response = client.get(pages["traduit"].url)

    assert markup.language_links(response.content) == {
        "fr": "/fr/ressources/rediger-les-statuts/",
        "en": "/en/ressources/writing-articles/",
    }


def test_language_switcher_links_back_to_french_from_the_english_guide(client, pages):
    response = client.get("/en/ressources/writing-articles/")

    assert markup.language_links(response.content)["fr"] == "/fr/ressources/rediger-les-statuts/"


def test_language_switcher_opens_the_page_in_french_from_english_without_translation(client, pages):
    response = client.get(pages["seul"].url)

    assert response.status_code == 200
    english = markup.language_links(response.content)["en"]
    assert english == f"/en/version-originale/{pages['seul'].pk}/"
    assert "Modèle non traduit" in client.get(english).content.decode()


def test_language_switcher_marks_the_current_language(client, pages):
    response = client.get(pages["traduit"].url)

    current = [
        attrs["hreflang"]
        for attrs in markup.elements(response.content, "a")
        if attrs.get("hreflang") and attrs.get("aria-current")
    ]
    assert current == ["fr"]


def test_language_switcher_keeps_the_path_of_pages_outside_wagtail(client, pages):
    response = client.get("/fr/recherche/?q=statuts")

    assert markup.language_links(response.content)["en"] == "/en/recherche/?q=statuts"


def test_english_listing_shows_english_ressources_only(client, pages):
    response = client.get("/en/ressources/")

    assert response.status_code == 200
    assert markup.card_titles(response.content) == ["Writing the articles of association"]


def test_french_listing_shows_french_ressources_only(client, pages):
    response = client.get("/fr/ressources/")

    assert markup.card_titles(response.content) == ["Rédiger les statuts", "Modèle non traduit"]


def test_translated_guide_shows_its_domaine_in_english(client, pages):
    response = client.get("/en/ressources/writing-articles/")

    page = response.content.decode()
    assert "Legal and articles of association" in page
    assert "/en/domaines/juridique-statuts/" in markup.links(response.content)
