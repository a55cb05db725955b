"""The shortcuts above the results: a query that names a domaine or a structure leads straight
to it (« Domaine : Gouvernance et vie associative »), in the query's language, whatever the
accents, case and plurals typed; a common word or a small word names nothing; three at most,
in a fixed number of queries."""

import unicodedata

import pytest
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail import hooks

from ressources.models import Domaine
from search.analysis import meaningful, words
from search.raccourcis import HOOK, LIMIT, Raccourci, raccourcis
from tests import markup
from tests.factories import StructureFactory, locale, translate

pytestmark = pytest.mark.django_db

PROPERTY = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def shown(text, language="fr"):
    """``[(genre, nom)]`` of the shortcuts for ``text``, in order."""
    found = raccourcis(text, locale(language), RequestFactory().get("/"))
    assert len(found) <= LIMIT
    return [(raccourci.genre, raccourci.nom) for raccourci in found]


def domaines_named(text, language="fr"):
    return [nom for genre, nom in shown(text, language) if genre != "Structure"]


def without_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def plural(word):
    if word[-1] in "sxSX":
        return word
    return word + ("S" if word.isupper() else "s")


# Domaines


@PROPERTY
@given(data=st.data())
def test_a_domaine_is_named_by_its_words_in_any_case_accents_and_number(site_tree, data):
    domaine = data.draw(st.sampled_from(list(Domaine.objects.filter(locale=locale("fr")))))
    own_words = [word for word in words(domaine.nom) if meaningful(word)]
    chosen = data.draw(st.lists(st.sampled_from(own_words), min_size=1, unique=True))
    typed = []
    for word in chosen:
        word = data.draw(st.sampled_from([word, word.lower(), word.upper(), word.title()]))
        word = without_accents(word) if data.draw(st.booleans()) else word
        typed.append(plural(word) if data.draw(st.booleans()) else word)

    assert domaine.nom in domaines_named(" ".join(typed))


@pytest.mark.parametrize(
    "query, nom",
    [
        ("gouvernance", "Gouvernance et vie associative"),
        ("Vie associative", "Gouvernance et vie associative"),
        ("associations", "Gouvernance et vie associative"),
        ("la gouvernance d'une association", "Gouvernance et vie associative"),
        ("RH", "Ressources humaines"),  # an editors' synonym of « ressources humaines »
        ("IAE", "Insertion par l'activité économique"),
        ("numériques", "Numérique"),
    ],
)
def test_a_query_names_its_domaine_and_links_to_its_page(client, site_tree, query, nom):
    found = raccourcis(query, locale("fr"), RequestFactory().get("/"))

    assert [(raccourci.genre, raccourci.nom) for raccourci in found] == [("Domaine", nom)]
    assert client.get(found[0].url).status_code == 200


def test_the_domaine_whose_name_the_query_covers_best_comes_first(site_tree):
    assert domaines_named("économie") == [
        "Économie circulaire",
        "Financement et modèle économique",
        "Insertion par l'activité économique",
    ]


@pytest.mark.parametrize(
    "query",
    ["vélo", "le", "de la", "et", "the", "statuts de gouvernance", "modèle statuts", "", "  "],
)
def test_small_words_unrelated_words_and_words_of_two_domaines_name_none(site_tree, query):
    assert shown(query) == []


def test_an_english_search_names_english_domaines_on_the_english_pages(site_tree):
    home, _index = site_tree
    translate(home, title="Entraide (English)")

    found = raccourcis("governance", locale("en"), RequestFactory().get("/"))

    assert [(raccourci.genre, raccourci.nom, raccourci.url) for raccourci in found] == [
        ("Topic", "Governance and membership", "/en/domaines/gouvernance-vie-associative/")
    ]
    assert shown("HR", "en") == [("Topic", "Human resources")]
    assert shown("governance", "fr") == []


# Structures, through the search_shortcuts hook of the structures app


@pytest.fixture
def structures(db):
    return {
        "jardin": StructureFactory(
            nom="Les Amis du Jardin Partagé", siret="73282932000082", rna="W751234567"
        ),
        "velo": StructureFactory(nom="Vélo solidaire"),
        "emmaus": StructureFactory(nom="Communauté Emmaüs de la vallée de la Seine"),
    }


@pytest.mark.parametrize(
    "query",
    [
        "jardin partagé",
        "Les amis du JARDIN PARTAGE",
        "amis jardin",
        "732 829 320 00082",
        "W751234567",
    ],
)
def test_a_query_reading_like_a_structure_name_or_number_names_it(site_tree, structures, query):
    found = raccourcis(query, locale("fr"), RequestFactory().get("/"))

    assert [(raccourci.genre, raccourci.nom, raccourci.url) for raccourci in found] == [
        ("Structure", "Les Amis du Jardin Partagé", "/fr/structures/les-amis-du-jardin-partage/")
    ]


def test_a_name_much_longer_than_the_query_or_missing_a_word_is_not_named(site_tree, structures):
    assert shown("emmaüs") == []
    assert shown("jardin vélo") == []
    assert shown("vélo solidaire") == [("Structure", "Vélo solidaire")]


def test_a_common_word_names_no_structure_but_an_exact_name_is_named(site_tree):
    for number in range(5):
        StructureFactory(nom=f"Association {number}")

    assert shown("association") == [("Domaine", "Gouvernance et vie associative")]

    StructureFactory(nom="Association")
    assert shown("association") == [
        ("Domaine", "Gouvernance et vie associative"),
        ("Structure", "Association"),
    ]


# Hooks, the limit, the cost


def test_hooks_may_return_dicts_or_tuples_and_three_shortcuts_are_shown_at_most(site_tree):
    def many(text, locale):
        return [("Atelier", f"Atelier {n}", f"/fr/ateliers/{n}/") for n in range(3)] + [
            {"genre": "Fiche", "nom": "Une fiche", "url": "/fr/fiche/"}
        ]

    with hooks.register_temporarily(HOOK, many):
        assert shown("vie associative") == [
            ("Domaine", "Gouvernance et vie associative"),
            ("Atelier", "Atelier 0"),
            ("Atelier", "Atelier 1"),
        ]
        assert shown("rien de tel") == [("Atelier", f"Atelier {n}") for n in range(3)]


def query_count(text):
    cache.clear()  # the domaines are read, not kept from the previous call
    with CaptureQueriesContext(connection) as queries:
        found = raccourcis(text, locale("fr"), RequestFactory().get("/"))
    return len(queries), found


def test_the_same_queries_for_1_and_30_structures_and_domaines(site_tree):
    StructureFactory(nom="Collectif Gouvernance")
    with_one, found = query_count("gouvernance")
    assert [raccourci.genre for raccourci in found] == ["Domaine", "Structure"]

    for number in range(30):
        StructureFactory(nom=f"Gouvernance {number}")
    with_thirty, found = query_count("gouvernance")
    assert with_thirty == with_one
    assert [raccourci.genre for raccourci in found] == ["Domaine"]  # a common word now

    for number in range(30):
        Domaine.objects.create(locale=locale("fr"), nom=f"Gouvernance {number}", slug=f"g-{number}")
    with_more_domaines, found = query_count("gouvernance")
    assert with_more_domaines <= with_one
    assert len(found) == LIMIT


def test_the_domaines_are_read_once_for_a_few_minutes(site_tree):
    raccourcis("vélo", locale("fr"))
    with CaptureQueriesContext(connection) as queries:
        raccourcis("vélo", locale("fr"))

    assert not [query for query in queries if "ressources_domaine" in query["sql"]]


@PROPERTY
@given(text=st.text(max_size=120))
def test_any_text_gives_at_most_three_shortcuts_and_no_error(site_tree, text):
    found = raccourcis(text, locale("fr"), RequestFactory().get("/"))

    assert len(found) <= LIMIT
    assert all(isinstance(raccourci, Raccourci) and raccourci.url for raccourci in found)


# The block above the results


def test_the_block_gives_each_shortcut_its_kind_then_its_link():
    html = render_to_string(
        "search/includes/raccourcis.html",
        {
            "raccourcis": [
                Raccourci("Domaine", "Gouvernance et vie associative", "/fr/domaines/g/"),
                Raccourci("Structure", "<b>Les Amis</b>", "/fr/structures/les-amis/"),
            ]
        },
    )
    block = markup.soup(html).select_one("nav.raccourcis")

    assert block["aria-label"]
    items = [" ".join(item.get_text().split()) for item in block.select("li")]
    assert items == ["Domaine : Gouvernance et vie associative", "Structure : <b>Les Amis</b>"]
    assert [a["href"] for a in block.select("a")] == ["/fr/domaines/g/", "/fr/structures/les-amis/"]


def test_without_shortcuts_the_block_is_not_there():
    assert render_to_string("search/includes/raccourcis.html", {"raccourcis": []}).strip() == ""
