"""The RSS and Atom feeds, read as a feed reader reads them (feedparser)."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from tests import markup
from tests.factories import (
    AtelierPageFactory,
    FichePageFactory,
    GuidePageFactory,
    ModelePageFactory,
    domaine,
    in_days,
)

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]

SECRET = "Zorglubium"


@pytest.fixture
def contenus(site_tree):
    home, index = site_tree
    fiches = get_or_create_fiche_index(home)
    agenda = get_or_create_agenda(home)
    return {
        "home": home,
        "index": index,
        "fiches": fiches,
        "agenda": agenda,
        "guide": GuidePageFactory(
            parent=index,
            title="Rédiger ses statuts",
            chapo="Les clauses qui comptent.",
            domaines=[domaine("juridique-statuts"), domaine("gouvernance-vie-associative")],
            age_hours=5,
        ),
        "modele": ModelePageFactory(
            parent=index, title="Budget prévisionnel", with_file=False, age_hours=3
        ),
        "fiche": FichePageFactory(parent=fiches, title="Recruter un premier salarié", age_hours=1),
        "atelier": AtelierPageFactory(
            parent=agenda,
            title="Atelier recrutement",
            format="presentiel",
            debut=in_days(12, hour=18),
        ),
    }


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response, feedparser.parse(response.content)


def titles(feed):
    return [entry.title for entry in feed.entries]


def test_the_global_feed_lists_every_type_newest_first(client, contenus):
    response, feed = parse(client, "/fr/flux/")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20" and not feed.bozo
    assert feed.feed.language == "fr"
    # the workshop was published just now, by its factory
    assert titles(feed) == [
        "Atelier recrutement",
        "Recruter un premier salarié",
        "Budget prévisionnel",
        "Rédiger ses statuts",
    ]
    guide = feed.entries[3]
    assert guide.link == "http://testserver/fr/ressources/" + contenus["guide"].slug + "/"
    assert guide.summary == "Les clauses qui comptent."
    assert {tag.term for tag in guide.tags} == {
        domaine("juridique-statuts").nom,
        domaine("gouvernance-vie-associative").nom,
    }
    assert guide.published_parsed[:4] == contenus["guide"].first_published_at.utctimetuple()[:4]
    assert feed.entries[1].author == contenus["fiche"].structure.nom


def test_the_atom_feed_has_the_same_items(client, contenus):
    response, feed = parse(client, "/fr/flux/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.version == "atom10" and not feed.bozo
    assert titles(feed)[0] == "Atelier recrutement"
    assert len(feed.entries) == 4


def test_a_workshop_item_says_when_and_where(client, contenus):
    _, feed = parse(client, "/fr/flux/types/atelier/")

    assert titles(feed) == ["Atelier recrutement"]
    summary = feed.entries[0].summary
    assert "18:00" in summary or "18 h" in summary
    assert "Lyon" in summary and "(69)" in summary
    assert "Deux heures pour avancer à plusieurs." in summary
    assert "visio" not in summary.lower()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/fr/flux/types/guide/", ["Rédiger ses statuts"]),
        ("/fr/flux/types/modele/atom/", ["Budget prévisionnel"]),
        ("/fr/flux/types/fiche/", ["Recruter un premier salarié"]),
        (
            "/fr/flux/ressources/",
            ["Recruter un premier salarié", "Budget prévisionnel", "Rédiger ses statuts"],
        ),
        ("/fr/flux/domaines/gouvernance-vie-associative/", ["Rédiger ses statuts"]),
        (
            "/fr/flux/domaines/ressources-humaines/atom/",
            ["Atelier recrutement", "Recruter un premier salarié"],
        ),
    ],
)
def test_feeds_per_type_and_per_domaine(client, contenus, url, expected):
    _, feed = parse(client, url)

    assert titles(feed) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/fr/flux/types/inconnu/", "Type de contenu inconnu : inconnu."),
        ("/fr/flux/domaines/inconnu/atom/", "Domaine inconnu : inconnu."),
    ],
)
def test_an_unknown_type_or_domaine_is_a_404_that_says_so(client, contenus, url, message):
    response = client.get(url)

    assert response.status_code == 404
    assert message in response.text


def test_a_feed_shows_its_language_only(client, contenus):
    _, feed = parse(client, "/en/flux/")

    assert feed.entries == []
    assert feed.feed.language == "en"


def test_nothing_unpublished_or_private_is_ever_in_a_feed(client, contenus):
    GuidePageFactory(parent=contenus["index"], title=f"Brouillon {SECRET}", live=False)
    FichePageFactory(parent=contenus["fiches"], title=f"Fiche {SECRET}", live=False)
    # a published fiche whose changes wait in moderation shows its published text only
    fiche = contenus["fiche"]
    fiche.chapo = f"Nouveau chapô {SECRET}"
    fiche.save_revision()
    prive = GuidePageFactory(parent=contenus["index"], title=f"Réservé {SECRET}")
    PageViewRestriction.objects.create(page=prive, restriction_type="login")
    AtelierPageFactory(parent=contenus["agenda"], title=f"Atelier {SECRET}", brouillon=True)
    AtelierPageFactory(parent=contenus["agenda"], title=f"Annulé {SECRET}", annule=True)

    for url in [
        "/fr/flux/",
        "/fr/flux/atom/",
        "/fr/flux/ressources/",
        "/fr/flux/types/guide/",
        "/fr/flux/types/fiche/atom/",
        "/fr/flux/types/atelier/",
        "/fr/flux/domaines/ressources-humaines/",
        "/fr/flux/domaines/juridique-statuts/atom/",
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert SECRET not in response.text, url


def test_pages_announce_the_global_feed_and_their_own(client, contenus):
    accueil = markup.soup(client.get("/fr/").text)
    domaine_page = markup.soup(client.get("/fr/domaines/gouvernance-vie-associative/").text)
    agenda = markup.soup(client.get(contenus["agenda"].url).text)
    fiches = markup.soup(client.get(contenus["fiches"].url).text)
    ressources = markup.soup(client.get(contenus["index"].url).text)

    def feeds(page):
        return {
            (link["type"], link["href"])
            for link in page.select('head link[rel="alternate"]')
            if "xml" in link["type"]
        }

    site_feeds = {
        ("application/rss+xml", "/fr/flux/"),
        ("application/atom+xml", "/fr/flux/atom/"),
    }
    assert feeds(accueil) == site_feeds
    assert feeds(domaine_page) == site_feeds | {
        ("application/rss+xml", "/fr/flux/domaines/gouvernance-vie-associative/"),
        ("application/atom+xml", "/fr/flux/domaines/gouvernance-vie-associative/atom/"),
    }
    assert ("application/rss+xml", "/fr/flux/types/atelier/") in feeds(agenda)
    assert ("application/atom+xml", "/fr/flux/types/fiche/atom/") in feeds(fiches)
    assert ("application/rss+xml", "/fr/flux/ressources/") in feeds(ressources)
    for page in (accueil, domaine_page, agenda):
        (search,) = page.select('head link[rel="search"]')
        assert search["type"] == "application/opensearchdescription+xml"
        assert search["href"] == "/fr/opensearch.xml"


def add_items(contenus, count, start):
    for number in range(start, start + count):
        kind = number % 3
        if kind == 0:
            GuidePageFactory(parent=contenus["index"], age_hours=100 + number)
        elif kind == 1:
            FichePageFactory(parent=contenus["fiches"], age_hours=100 + number)
        else:
            AtelierPageFactory(parent=contenus["agenda"])


def query_count(client, url):
    client.get(url)  # warms the caches a reader's first request would fill
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(feedparser.parse(response.content).entries)


@pytest.mark.parametrize("url", ["/fr/flux/", "/fr/flux/domaines/ressources-humaines/atom/"])
def test_a_feed_runs_the_same_queries_for_3_and_30_items(client, contenus, url):
    add_items(contenus, 3, 0)
    few, few_items = query_count(client, url)
    add_items(contenus, 27, 3)
    many, many_items = query_count(client, url)

    assert few_items < many_items == 20
    assert few == many
