"""The home page shows the next workshops of its language, which the agenda's app puts there
through its template tag (``{% prochains_ateliers page %}``): soonest first, three at most,
never a cancelled one, with a link to the whole agenda."""

import pytest
from bs4 import BeautifulSoup

from tests.evenements.helpers import agenda_page, atelier, in_days

pytestmark = pytest.mark.django_db


def section(client):
    html = BeautifulSoup(client.get("/fr/").content, "html.parser")
    heading = html.find(id="titre-ateliers")
    return heading.find_parent("section") if heading else None


def test_the_home_page_lists_the_next_three_workshops_soonest_first(client):
    agenda = agenda_page()
    for days, title in [(9, "Dans neuf jours"), (2, "Dans deux jours"), (5, "Dans cinq jours")]:
        atelier(agenda, title=title, debut=in_days(days))
    atelier(agenda, title="Dans douze jours", debut=in_days(12))
    atelier(agenda, title="Annulé demain", debut=in_days(1), annule=True)
    atelier(agenda, title="Passé", debut=in_days(-3))

    found = section(client)

    titles = [title.get_text(strip=True) for title in found.select(".card__title")]
    assert titles == ["Dans deux jours", "Dans cinq jours", "Dans neuf jours"]
    more = found.select_one(".section__more a")
    assert (more.get_text(strip=True), more["href"]) == ("Tout l'agenda des ateliers", agenda.url)


def test_without_upcoming_workshops_the_home_page_has_no_such_section(client):
    atelier(agenda_page(), title="Passé", debut=in_days(-3))

    assert section(client) is None
