"""Phone first (issue 18, point 8), what the server sends: the header's menu is a disclosure that
works without JavaScript, with the search outside it; the listings' filters are folded unless a
filter is on, and carry a heading for the wide screens' sidebar; the fiche form is in framed parts
with its formatting help tied to them. The layout itself is checked in Chromium
(tests/test_telephone_browser.py)."""

import pytest

from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from tests import markup
from tests.factories import StructureFactory, build_site_tree
from tests.fiches.helpers import contributor

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]


@pytest.fixture
def paths():
    home, index = build_site_tree()
    fiches = get_or_create_fiche_index(home)
    agenda = get_or_create_agenda(home)
    return {"ressources": index.url, "fiches": fiches.url, "agenda": agenda.url}


def test_the_menu_is_a_disclosure_holding_the_links_and_languages_not_the_search(client, paths):
    page = markup.soup(client.get(paths["ressources"]).content)
    header = page.select_one("header.site-header")
    menu = header.select_one("details.menu")
    assert "open" not in menu.attrs, "the menu covers the page until someone opens it"
    summary = menu.find("summary", recursive=False)
    assert summary.get_text(strip=True) == "Menu"
    nav = menu.select_one("nav.main-nav")
    assert nav["aria-label"] == "Menu principal"
    assert nav.select_one("a[aria-current]").get_text(strip=True) == "Ressources"
    assert "Se connecter" in nav.get_text()
    assert menu.select_one("nav.language-switcher a[hreflang=en]")
    search = header.select_one("form[role=search]")
    assert search.find_parent("details") is None, "the search must take one tap, not two"
    assert search.select_one("input#recherche-entete[type=search][name=q]")
    assert page.select_one('script[src$="js/menu.js"][defer]')


@pytest.mark.parametrize("listing", ["ressources", "fiches", "agenda"])
def test_filters_are_folded_on_a_phone_unless_one_is_active(client, paths, listing):
    folded = markup.soup(client.get(paths[listing]).content).select_one(".listing details.filters")
    assert "open" not in folded.attrs
    assert folded.select_one("summary").get_text(" ", strip=True).startswith("Filtrer")
    assert folded.select_one("h2.filters__titre"), "no heading for the sidebar"
    assert folded.select_one("form.filter-form[method=get]")

    page = markup.soup(client.get(f"{paths[listing]}?domaine=ressources-humaines").content)
    opened = page.select_one(".listing details.filters")
    assert opened.attrs.get("open") == ""
    assert "(1 filtre actif)" in opened.select_one("summary").get_text(" ", strip=True)
    assert "(1 filtre actif)" in opened.select_one("h2.filters__titre").get_text(" ", strip=True)


def test_the_fiche_form_is_in_framed_parts_with_its_formatting_help(client, paths):
    claire = contributor(email="claire@asso-quartier.example")
    StructureFactory(nom="Asso du Quartier", membres=[claire])
    client.force_login(claire)
    response = client.post("/fr/fiches/proposer/", {"soumettre": ""})
    page = markup.soup(response.content)
    form = page.select_one("main form.formulaire")
    sections = form.select("fieldset.form-section")
    assert [section.legend.get_text(strip=True) for section in sections] == [
        "Votre fiche",
        "Classement",
        "Votre expérience",
        "Fichiers joints",
    ]
    help_box = form.find(id=sections[2]["aria-describedby"])
    assert "**important**" in help_box.get_text() and "«\u00a0-\u00a0»" in help_box.get_text()
    assert form.select_one("[data-resume-erreurs] a[href='#id_title']")
    assert form.select_one(".form-field.has-error #id_title[aria-invalid=true]")
    assert form.select_one(".form-field input[type=file][name=nouveaux_fichiers][multiple]")
    buttons = form.select(".form-actions button[type=submit]")
    assert [button["name"] for button in buttons] == ["enregistrer", "soumettre"]
