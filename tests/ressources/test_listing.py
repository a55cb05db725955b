"""/fr/ressources/: filters, their combinations and the sort order."""

import pytest

from ressources.models import Niveau
from tests import markup
from tests.factories import (
    GuidePageFactory,
    ModelePageFactory,
    build_site_tree,
    domaine,
    public,
)

pytestmark = pytest.mark.django_db

URL = "/fr/ressources/"

# title: (type, domaines, publics, niveau); listed here from the most to the least recent.
CATALOGUE = {
    "Rédiger les statuts d'une association": (
        "guide",
        ["juridique-statuts"],
        ["dirigeants-benevoles"],
        Niveau.DEBUTANT,
    ),
    "Modèle de statuts associatifs": (
        "modele",
        ["juridique-statuts", "gouvernance-vie-associative"],
        ["dirigeants-benevoles"],
        Niveau.INTERMEDIAIRE,
    ),
    "Construire un budget prévisionnel": (
        "guide",
        ["financement-modele-economique", "gestion-comptabilite-fiscalite"],
        ["salaries"],
        Niveau.INTERMEDIAIRE,
    ),
    "Budget prévisionnel sur tableur": (
        "modele",
        ["financement-modele-economique"],
        ["salaries", "dirigeants-benevoles"],
        Niveau.DEBUTANT,
    ),
    "Recruter un premier salarié": (
        "guide",
        ["ressources-humaines"],
        ["dirigeants-benevoles"],
        Niveau.AVANCE,
    ),
    "Fiche de poste de coordination": (
        "modele",
        ["ressources-humaines"],
        ["salaries"],
        Niveau.DEBUTANT,
    ),
    "Accueillir de nouveaux bénévoles": (
        "guide",
        ["ressources-humaines", "gouvernance-vie-associative"],
        ["benevoles"],
        Niveau.DEBUTANT,
    ),
    "Convention de bénévolat": (
        "modele",
        ["ressources-humaines"],
        ["benevoles"],
        Niveau.INTERMEDIAIRE,
    ),
    "Lancer une campagne de financement participatif": (
        "guide",
        ["mecenat-fundraising"],
        ["accompagnateurs"],
        Niveau.AVANCE,
    ),
    "Mesurer son utilité sociale": (
        "guide",
        ["evaluation-utilite-sociale"],
        ["accompagnateurs"],
        Niveau.AVANCE,
    ),
}
ALL = list(CATALOGUE)
DRAFT = "Brouillon jamais publié"


def titles_where(predicate):
    return [title for title, spec in CATALOGUE.items() if predicate(*spec)]


@pytest.fixture(scope="module")
def catalogue(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        pages = {}
        for age, (title, (kind, domaines, publics, niveau)) in enumerate(CATALOGUE.items()):
            factory, extra = GuidePageFactory, {}
            if kind == "modele":
                factory, extra = ModelePageFactory, {"with_file": False}
            pages[title] = factory(
                parent=index,
                title=title,
                domaines=[domaine(slug) for slug in domaines],
                publics=[public(slug) for slug in publics],
                niveau=niveau,
                age_hours=age + 1,
                **extra,
            )
        GuidePageFactory(parent=index, title=DRAFT, live=False, age_hours=0)
    return pages


def listed(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200
    return markup.card_titles(response.content)


def test_listing_shows_every_published_ressource_most_recent_first(client, catalogue):
    response = client.get(URL)

    assert response.status_code == 200
    assert markup.card_titles(response.content) == ALL
    assert markup.result_count(response.content) == "10 ressources"


def test_listing_never_shows_drafts(client, catalogue):
    assert DRAFT not in listed(client)
    assert DRAFT not in listed(client, "?tri=az")


def test_listing_filters_on_one_domaine(client, catalogue):
    expected = titles_where(lambda kind, domaines, publics, niveau: "juridique-statuts" in domaines)

    response = client.get(URL + "?domaine=juridique-statuts")

    assert markup.card_titles(response.content) == expected
    assert markup.result_count(response.content) == "2 ressources"


def test_listing_filters_on_guides_only(client, catalogue):
    expected = titles_where(lambda kind, *_: kind == "guide")

    assert listed(client, "?type=guide") == expected


def test_listing_filters_on_modeles_only(client, catalogue):
    expected = titles_where(lambda kind, *_: kind == "modele")

    assert listed(client, "?type=modele") == expected


def test_listing_filters_on_public(client, catalogue):
    expected = titles_where(lambda kind, domaines, publics, niveau: "benevoles" in publics)

    assert listed(client, "?public=benevoles") == expected
    assert expected == ["Accueillir de nouveaux bénévoles", "Convention de bénévolat"]


def test_listing_filters_on_niveau(client, catalogue):
    expected = titles_where(lambda kind, domaines, publics, niveau: niveau == Niveau.AVANCE)

    assert listed(client, "?niveau=avance") == expected
    assert len(expected) == 3


def test_listing_combines_domaine_and_type_filters(client, catalogue):
    assert listed(client, "?domaine=ressources-humaines&type=modele") == [
        "Fiche de poste de coordination",
        "Convention de bénévolat",
    ]


def test_listing_combines_domaine_and_niveau_filters(client, catalogue):
    assert listed(client, "?domaine=ressources-humaines&niveau=debutant") == [
        "Fiche de poste de coordination",
        "Accueillir de nouveaux bénévoles",
    ]


def test_listing_combines_public_and_niveau_filters(client, catalogue):
    assert listed(client, "?public=dirigeants-benevoles&niveau=debutant") == [
        "Rédiger les statuts d'une association",
        "Budget prévisionnel sur tableur",
    ]


def test_listing_combination_without_match_says_so(client, catalogue):
    response = client.get(URL + "?domaine=economie-circulaire&type=guide")

    assert response.status_code == 200
    assert markup.card_titles(response.content) == []
    assert markup.result_count(response.content) == "Aucune ressource"
    assert "Aucune ressource ne correspond à ces filtres." in response.content.decode()


def test_listing_several_values_of_one_filter_add_up(client, catalogue):
    expected = titles_where(
        lambda kind, domaines, publics, niveau: (
            {"juridique-statuts", "mecenat-fundraising"} & set(domaines)
        )
    )

    assert listed(client, "?domaine=juridique-statuts&domaine=mecenat-fundraising") == expected
    assert len(expected) == 3


def test_listing_several_niveaux_add_up(client, catalogue):
    expected = titles_where(lambda kind, domaines, publics, niveau: niveau != Niveau.DEBUTANT)

    assert listed(client, "?niveau=avance&niveau=intermediaire") == expected


def test_listing_shows_a_ressource_in_two_matching_domaines_once(client, catalogue):
    titles = listed(client, "?domaine=ressources-humaines&domaine=gouvernance-vie-associative")

    assert titles.count("Accueillir de nouveaux bénévoles") == 1
    assert len(titles) == len(set(titles)) == 5


def test_listing_sorts_by_title_when_asked(client, catalogue):
    assert listed(client, "?tri=az") == sorted(ALL)


def test_listing_sorts_most_recent_first_by_default_and_when_asked(client, catalogue):
    assert listed(client) == ALL
    assert listed(client, "?tri=recent") == ALL


def test_listing_sort_applies_to_filtered_results(client, catalogue):
    expected = sorted(titles_where(lambda kind, *_: kind == "guide"))

    assert listed(client, "?type=guide&tri=az") == expected


@pytest.mark.parametrize(
    "query",
    [
        "?domaine=domaine-inexistant",
        "?type=atelier",
        "?public=extraterrestres",
        "?niveau=expert",
        "?tri=au-hasard",
        "?filtre=inconnu",
        "?domaine=",
        "?type=guide%00",
    ],
)
def test_listing_ignores_unknown_filter_values(client, catalogue, query):
    response = client.get(URL + query)

    assert response.status_code == 200
    assert markup.card_titles(response.content) == ALL
    assert markup.result_count(response.content) == "10 ressources"


def test_listing_keeps_valid_filters_beside_an_unknown_one(client, catalogue):
    assert listed(client, "?domaine=domaine-inexistant&type=modele") == titles_where(
        lambda kind, *_: kind == "modele"
    )


def test_listing_filter_form_keeps_the_chosen_values_checked(client, catalogue):
    response = client.get(URL + "?domaine=juridique-statuts&niveau=avance")

    checked = {
        (attrs["name"], attrs["value"])
        for attrs in markup.elements(response.content, "input")
        if "checked" in attrs
    }
    assert checked == {("domaine", "juridique-statuts"), ("niveau", "avance")}
    assert "(2 filtres actifs)" in response.content.decode()


def test_listing_filter_form_offers_every_domaine_in_french(client, catalogue):
    response = client.get(URL)

    domaine_values = [
        attrs["value"]
        for attrs in markup.elements(response.content, "input")
        if attrs.get("name") == "domaine"
    ]
    assert len(domaine_values) == 13
    assert "Juridique et statuts" in response.content.decode()
    assert "Legal and articles of association" not in response.content.decode()


def test_listing_cards_link_to_the_ressource_and_its_domaines(client, catalogue):
    page = catalogue["Rédiger les statuts d'une association"]

    response = client.get(URL + "?domaine=juridique-statuts")

    hrefs = markup.links(response.content)
    assert page.url in hrefs
    assert page.url == "/fr/ressources/rediger-les-statuts-dune-association/"
    assert "/fr/domaines/juridique-statuts/" in hrefs
