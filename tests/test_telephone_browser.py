"""Phone first (issue 18, point 8), in real Chromium (tests/browser.py): on a 360×740 screen the
header takes at most a fifth of the first screen, its menu opens and closes by keyboard, the
search field is there at once; no page scrolls sideways at 320 px; axe finds nothing serious
on the pages, menu open or not; on a wide screen the header and the filters are as before,
beside the content. One test visiting every page type, for the suite's time budget."""

from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from tests.browser import browser_db, describe, serious_violations
from tests.evenements.helpers import atelier
from tests.factories import (
    FichePageFactory,
    GuidePageFactory,
    StructureFactory,
    build_site_tree,
    stream,
)
from tests.fiches.helpers import contributor
from tests.test_accessibilite_browser import log_in

pytestmark = browser_db

PHONE = {"width": 360, "height": 740}
SMALLEST = {"width": 320, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
MAX_HEADER = 0.2 * PHONE["height"]  # 148 px
TOUCH = 44
# The pages whose markup this point changed, for axe (tests/test_accessibilite_browser.py runs
# it on every page type): the others get the header and width checks only, to save time.
AXE = {"ressources filtrées", "guide long", "agenda", "formulaire de fiche"}

LONG_GUIDE = stream(
    *[
        block
        for number in range(1, 6)
        for block in (
            ("intertitre", f"Partie numéro {number} du guide"),
            ("paragraphe", "<p>" + "Un paragraphe assez long pour un guide. " * 20 + "</p>"),
        )
    ]
)


def pages_of_every_type():
    """A long guide, the ressources listing, the fiches and one fiche, the agenda and a
    workshop, the search: their paths, and a contributor for the fiche form."""
    home, index = build_site_tree()
    guide = GuidePageFactory(parent=index, title="Un guide long", body=LONG_GUIDE)
    fiches = get_or_create_fiche_index(home)
    member = contributor(email="claire@asso-quartier.example")
    structure = StructureFactory(nom="Asso du Quartier", membres=[member])
    fiche = FichePageFactory(parent=fiches, structure=structure, title="Notre première paie")
    agenda = get_or_create_agenda(home)
    workshop = atelier(agenda, slug="premier-salarie")
    paths = {
        "accueil": "/fr/",
        "ressources": index.url,
        "ressources filtrées": f"{index.url}?type=guide",
        "guide long": guide.url,
        "fiches": fiches.url,
        "fiche": fiche.url,
        "agenda": agenda.url,
        "atelier": workshop.url,
        "recherche": "/fr/recherche/?q=guide",
    }
    return paths, member


def header_problems(tab, label):
    """The header's height on the first screen, its menu button's size, the search field."""
    problems = []
    header = tab.locator(".site-header").bounding_box()
    if header["height"] > MAX_HEADER:
        problems.append(f"{label}: header {header['height']:.0f} px tall (> {MAX_HEADER:.0f})")
    button = tab.locator(".menu__bouton").bounding_box()
    if button["width"] < TOUCH or button["height"] < TOUCH:
        problems.append(f"{label}: menu button {button['width']}×{button['height']} px")
    search = tab.locator("#recherche-entete")
    if not search.is_visible() or search.bounding_box()["y"] > header["height"]:
        problems.append(f"{label}: the search field is not in the header's first screen")
    return problems


def page_problems(tab, base, label, path):
    """At 360 px: the header, and axe on some; at 320 px: no horizontal scroll."""
    tab.set_viewport_size(PHONE)
    response = tab.goto(base + path)
    problems = [] if response.status == 200 else [f"{label}: {response.status} at {path}"]
    problems += header_problems(tab, label)
    violations = serious_violations(tab) if label in AXE else []
    if violations:
        problems.append(f"{label}:\n{describe(violations)}")
    tab.set_viewport_size(SMALLEST)
    width = tab.evaluate("document.documentElement.scrollWidth")
    if width > SMALLEST["width"]:
        problems.append(f"{label}: {width} px wide at {SMALLEST['width']} px")
    return problems


def check_menu_by_keyboard(tab, base):
    """Tab reaches « Menu », Enter opens it, its links take the focus, Escape closes it and
    gives the focus back to the button; the focus shows."""
    tab.set_viewport_size(PHONE)
    tab.goto(base + "/fr/")
    button = tab.locator(".menu__bouton")
    menu = tab.locator(".main-nav")
    assert not menu.is_visible(), "the menu is open before anyone asks"
    tab.keyboard.press("Tab")  # the skip link
    tab.keyboard.press("Tab")  # the site's name
    tab.keyboard.press("Tab")
    assert button.evaluate("element => element === document.activeElement")
    outline = button.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline == "solid", "the focused menu button shows no outline"
    tab.keyboard.press("Enter")
    assert menu.is_visible() and tab.locator(".language-switcher").is_visible()
    links = menu.locator("a")
    assert links.count() >= 4
    for number in range(links.count()):
        box = links.nth(number).bounding_box()
        assert box["height"] >= TOUCH and box["width"] >= TOUCH, box
    violations = serious_violations(tab)
    assert not violations, describe(violations)
    tab.keyboard.press("Tab")
    assert links.first.evaluate("element => element === document.activeElement")
    tab.keyboard.press("Escape")
    assert not menu.is_visible()
    assert button.evaluate("element => element === document.activeElement")
    tab.keyboard.press("Space")
    assert menu.is_visible(), "Space does not open the menu"
    tab.mouse.click(180, 600)
    assert not menu.is_visible(), "a tap outside leaves the menu open"


def check_wide_screen(tab, base, paths):
    """On a computer: no « Menu » button, the menu in the header, the filters beside the
    results without a click."""
    tab.set_viewport_size(DESKTOP)
    tab.goto(base + paths["ressources"])
    assert not tab.locator(".menu__bouton").is_visible()
    assert tab.locator(".main-nav").is_visible()
    header = tab.locator(".site-header").bounding_box()
    assert header["height"] <= MAX_HEADER, header
    assert tab.locator(".filter-form").is_visible()
    assert not tab.locator(".filters > summary").is_visible()
    filters = tab.locator(".filters").bounding_box()
    results = tab.locator(".listing__results").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"], "the filters are not beside"


def test_phone_first_header_menu_filters_and_no_sideways_scroll(tab, live_server):
    paths, member = pages_of_every_type()
    base = live_server.url
    problems = []
    for label, path in paths.items():
        problems += page_problems(tab, base, label, path)
    log_in(tab, live_server, member)
    problems += page_problems(tab, base, "formulaire de fiche", "/fr/fiches/proposer/")
    assert not problems, "\n".join(problems)

    tab.set_viewport_size(PHONE)
    tab.goto(base + paths["ressources"])
    assert not tab.locator(".filter-form").is_visible(), "the filters are open on a phone"
    tab.goto(base + paths["ressources filtrées"])
    assert tab.locator(".filter-form").is_visible(), "active filters are folded"
    tab.goto(base + paths["guide long"])
    tab.locator(".sommaire a").nth(2).click()
    assert tab.evaluate("location.hash") == "#partie-partie-numero-3-du-guide"

    check_menu_by_keyboard(tab, base)
    check_wide_screen(tab, base, paths)
