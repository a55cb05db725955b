"""Suggestions as you type in the header search box, in a real browser (static/js/recherche.js),
Debian's Chromium driven by Playwright (tests/browser.py)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright import sync_api

from tests.browser import browser_db
from tests.factories import GuidePageFactory, ModelePageFactory, build_site_tree, domaine
from tests.search.helpers import index_everything

pytestmark = browser_db

BOX = "#recherche-entete"
LISTBOX = "#recherche-entete-suggestions"


@pytest.fixture
def guides():
    _home, index = build_site_tree()
    GuidePageFactory(
        parent=index,
        title="Rédiger les statuts d'une association",
        slug="statuts",
        domaines=[domaine("juridique-statuts")],
    )
    ModelePageFactory(
        parent=index,
        title="Rédiger un règlement intérieur",
        slug="reglement-interieur",
        with_file=False,
    )
    index_everything()


@pytest.fixture
def home(tab, live_server, guides):
    """The French home page in a browser tab, at phone width."""
    tab.goto(f"{live_server.url}/fr/")
    return tab


def options(tab):
    return tab.locator(f"{LISTBOX} [role=option]")


def test_typing_shows_suggestions_and_the_arrow_keys_and_enter_open_one(home, live_server):
    box = home.locator(BOX)
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"

    box.press_sequentially("rédig", delay=40)

    sync_api.expect(home.locator(LISTBOX)).to_be_visible()
    sync_api.expect(options(home)).to_have_count(2)
    sync_api.expect(options(home).first).to_contain_text("Rédiger")
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == LISTBOX[1:]
    sync_api.expect(home.locator(f"{BOX} ~ [role=status]")).to_have_text(
        "2 suggestions : flèches haut et bas pour les parcourir, Entrée pour ouvrir."
    )

    box.press("ArrowDown")
    box.press("ArrowDown")
    second = options(home).nth(1)
    assert box.get_attribute("aria-activedescendant") == second.get_attribute("id")
    assert second.get_attribute("aria-selected") == "true"
    assert options(home).first.get_attribute("aria-selected") == "false"
    title = second.locator(".combobox__titre").inner_text()
    target = {
        "Rédiger les statuts d'une association": "/fr/ressources/statuts/",
        "Rédiger un règlement intérieur": "/fr/ressources/reglement-interieur/",
    }[title]

    box.press("Enter")

    home.wait_for_url(f"{live_server.url}{target}")
    assert home.locator("h1").inner_text() == title


def test_escape_closes_the_list_and_enter_then_searches_what_was_typed(home, live_server):
    box = home.locator(BOX)
    box.press_sequentially("rédig", delay=40)
    sync_api.expect(home.locator(LISTBOX)).to_be_visible()
    box.press("ArrowDown")

    box.press("Escape")

    sync_api.expect(home.locator(LISTBOX)).to_be_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert box.input_value() == "rédig"

    box.press("Enter")

    home.wait_for_url(f"{live_server.url}/fr/recherche/?*")
    assert parse_qs(urlsplit(home.url).query) == {"q": ["rédig"]}


def test_one_letter_suggests_nothing(home):
    box = home.locator(BOX)
    box.press_sequentially("r", delay=40)
    home.wait_for_timeout(500)

    sync_api.expect(home.locator(LISTBOX)).to_be_hidden()
    assert box.get_attribute("aria-expanded") == "false"
