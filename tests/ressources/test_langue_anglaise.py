"""English as a second language, not a dead end (issue 18 point 7): the English menus reach
every French section, a page without a translation opens in French under a notice, and the
English listings and search show the French content not translated yet, labelled.

One site for the module (tests/search/corpus.py): its home and ressources are translated,
its agenda is translated here, its fiches index is not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from search import indexation
from tests import markup
from tests.evenements.helpers import atelier
from tests.factories import (
    FichePageFactory,
    GuidePageFactory,
    StructureFactory,
    domaine,
    translate,
)
from tests.search import corpus

pytestmark = pytest.mark.django_db

SECRET = "Xylocope"  # only in what no visitor may read


@pytest.fixture(scope="module")
def site(module_transaction):
    with module_transaction.unblock():
        contenu = corpus.build()
        agenda_en = translate(contenu.agenda, title="Workshops")
        GuidePageFactory(parent=contenu.index, title=f"Statuts {SECRET} brouillon", live=False)
        prive = GuidePageFactory(parent=contenu.index, title=f"Statuts {SECRET} privé")
        PageViewRestriction.objects.create(page=prive, restriction_type="login")
        FichePageFactory(parent=contenu.fiches, title=f"Statuts {SECRET} en modération", live=False)
        atelier(contenu.agenda, title=f"Atelier {SECRET} en brouillon", brouillon=True)
        indexation.synchroniser_tout()
    contenu.pages["prive-secret"] = prive
    contenu.agenda_en = agenda_en
    return contenu


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content


def menu(html):
    """(href, lang) of the header's menu entries."""
    return [(a["href"], a.get("lang")) for a in markup.soup(html).select(".main-nav a")]


def test_english_menu_reaches_every_french_section(client, site):
    french = menu(get(client, "/fr/"))
    english = menu(get(client, "/en/"))

    assert len(english) == len(french)
    assert english[:4] == [
        ("/en/ressources/", None),
        # No English fiches index yet: the French one, read from the English site.
        (f"/en/version-originale/{site.fiches.pk}/", "fr"),
        ("/en/ateliers/", None),
        ("/en/domaines/", None),
    ]
    html = get(client, f"/en/version-originale/{site.fiches.pk}/")
    assert "Notre premier recrutement en CDI" in markup.card_titles(html)


def test_switcher_on_an_untranslated_page_opens_it_in_french_under_a_notice(client, site):
    fiche = site.pages["fiche-statuts"]
    switcher = markup.soup(get(client, fiche.url)).select_one(".language-switcher")
    english = switcher.select_one('a[hreflang="en"]')
    assert english["href"] == f"/en/version-originale/{fiche.pk}/"
    assert english.select_one(".language-switcher__only")  # « English (French only) »

    response = client.get(english["href"])

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    page = markup.soup(response.content)
    assert page.html["lang"] == "en"
    main = page.find("main")
    assert main["lang"] == "fr"
    notice = main.select_one(".langue-originale")
    assert notice["lang"] == "en"
    assert "Nos statuts réécrits en un week-end" in main.get_text()
    assert page.select_one('.breadcrumbs [aria-current="page"]').parent["lang"] == "fr"
    assert ("/en/ressources/", None) in menu(response.content)
    assert markup.language_links(response.content) == {
        "fr": fiche.url,
        "en": f"/en/version-originale/{fiche.pk}/",
    }


def test_switcher_still_links_the_translation_when_there_is_one(client, site):
    statuts = site.pages["statuts"]
    html = get(client, statuts.url)

    assert markup.language_links(html)["en"] == "/en/ressources/writing-articles/"
    assert not markup.soup(html).select(".language-switcher__only")
    response = client.get(f"/en/version-originale/{statuts.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/en/ressources/writing-articles/"


def test_english_agenda_lists_the_french_workshops_labelled(client, site):
    html = get(client, site.agenda_en.url)

    titles = markup.soup(html).select(".card__title")
    assert [title.get_text(strip=True) for title in titles] == [
        "Atelier statuts : questions-réponses",
        "Atelier statuts annulé",  # said cancelled, as in French
    ]
    assert {title["lang"] for title in titles} == {"fr"}
    assert titles[0].a["href"] == f"/en/version-originale/{site.pages['atelier-statuts'].pk}/"
    assert markup.soup(html).select(".card__langue")
    home = markup.soup(get(client, "/en/"))
    assert [t["lang"] for t in home.select(".card--atelier .card__title")] == ["fr"]
    agenda_link = home.select_one('[aria-labelledby="titre-ateliers"] .section__more a')
    assert agenda_link["href"] == "/en/ateliers/"
    # The French agenda does not label its own workshops.
    assert not markup.soup(get(client, site.agenda.url)).select(".card__langue")


def test_english_fiches_index_lists_the_french_fiches_until_translated(client, site):
    index_en = translate(site.fiches, title="Practical sheets")
    recrutement_en = translate(
        site.pages["fiche-recrutement"], title="Our first hire", slug="our-first-hire"
    )

    html = get(client, index_en.url)

    cards = {
        title.get_text(strip=True): title.get("lang")
        for title in markup.soup(html).select(".card__title")
    }
    assert cards == {"Our first hire": None, "Nos statuts réécrits en un week-end": "fr"}
    assert ("/en/fiches/", None) in menu(html)
    assert recrutement_en.url == "/en/fiches/our-first-hire/"


def test_an_english_listing_that_finds_nothing_in_english_shows_the_french_ressources(client, site):
    html = get(client, "/en/domaines/gestion-comptabilite-fiscalite/")

    page = markup.soup(html)
    assert page.select_one(".listing__langue-source")
    titles = page.select(".card__title")
    assert "Trésorerie : le plan de trésorerie" in [t.get_text(strip=True) for t in titles]
    assert {title["lang"] for title in titles} == {"fr"}
    # Where English has something, English only.
    english = markup.soup(get(client, "/en/ressources/"))
    assert markup.card_titles(str(english)) == ["Writing articles of association"]
    assert not english.select(".listing__langue-source")


def test_english_search_shows_french_results_labelled(client, site):
    html = get(client, "/en/recherche/?q=statuts")

    section = markup.soup(html).select_one(".recherche__langue-source")
    assert section.h2  # « Results in French »
    titles = section.select(".resultat__titre")
    french = [" ".join(t.get_text().split()) for t in titles]
    assert "Nos statuts réécrits en un week-end" in french
    # Its translation is among the English results above: not listed again in French.
    assert "Rédiger les statuts d'une association" not in french
    english = markup.soup(html).select(".recherche__resultats .resultat__titre")
    assert "Writing articles of association" in [t.get_text(" ", strip=True) for t in english]
    assert {title["lang"] for title in titles} == {"fr"}
    assert all(t.a["href"].startswith("/en/version-originale/") for t in titles)
    # A French page whose translation is listed above is not listed again.
    association = markup.soup(get(client, "/en/recherche/?q=association"))
    titles = [" ".join(t.get_text().split()) for t in association.select(".resultat__titre")]
    assert "Writing articles of association" in titles
    assert "Rédiger les statuts d'une association" not in titles
    # French readers get no such section.
    assert not markup.soup(get(client, "/fr/recherche/?q=statuts")).select(
        ".recherche__langue-source"
    )


def test_nothing_unpublished_or_private_shows_in_english(client, site):
    for url in (
        "/en/",
        "/en/recherche/?q=statuts",
        site.agenda_en.url,
        f"/en/version-originale/{site.fiches.pk}/",
    ):
        assert SECRET not in get(client, url).decode(), url
    found = markup.soup(get(client, f"/en/recherche/?q={SECRET}"))
    assert not found.select(".resultat, .selection__item")
    private = client.get(f"/en/version-originale/{site.pages['prive-secret'].pk}/")
    assert private.status_code == 302  # to the log-in page
    assert SECRET not in private.content.decode()
    drafts = site.index.get_children().filter(title__contains=SECRET, live=False)
    for draft in drafts:
        assert client.get(f"/en/version-originale/{draft.pk}/").status_code == 404
    root = Page.get_first_root_node()  # live, but no site's page
    assert client.get(f"/en/version-originale/{root.pk}/").status_code == 404


def query_count(client, url):
    client.get(url)  # fills the caches a visitor's first request would fill
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_english_pages_run_the_same_queries_whatever_the_french_content(client, site):
    urls = [
        "/en/",
        "/en/recherche/?q=statuts",
        site.agenda_en.url,
        f"/en/version-originale/{site.fiches.pk}/",
        "/en/domaines/gestion-comptabilite-fiscalite/",
    ]
    before = {url: query_count(client, url) for url in urls}
    structure = StructureFactory()
    for number in range(4):
        FichePageFactory(parent=site.fiches, structure=structure, title=f"Statuts {number}")
        atelier(site.agenda, title=f"Atelier statuts {number}")
        GuidePageFactory(
            parent=site.index,
            title=f"Trésorerie {number}",
            domaines=[domaine("gestion-comptabilite-fiscalite")],
        )
    indexation.synchroniser_tout()

    assert {url: query_count(client, url) for url in urls} == before
