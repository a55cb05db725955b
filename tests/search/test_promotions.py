"""Editors' picks follow a promoted query in the forms people type it: plural or singular,
any case, with or without accents, small words and elisions, any word order, the editors'
synonyms. Other queries, unpublished pages and other languages' pages get no pick."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search import requetes
from search.analysis import fold
from search.models import Synonyme
from search.promotions import editors_picks
from tests.factories import GuidePageFactory, locale, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(site_tree):
    home, index = site_tree
    return {
        "home": home,
        "index": index,
        "statuts": GuidePageFactory(parent=index, title="Rédiger ses statuts", slug="statuts"),
        "benevolat": GuidePageFactory(parent=index, title="Accueillir", slug="benevolat"),
        "budget": GuidePageFactory(parent=index, title="Budget prévisionnel", slug="budget"),
    }


def promote(query_string, page, sort_order=0, description=""):
    return SearchPromotion.objects.create(
        query=Query.get(query_string), page=page, sort_order=sort_order, description=description
    )


def picked(text, language="fr"):
    """The slugs of the pages picked for ``text``, in order."""
    picks = editors_picks(requetes.parse(text, language), locale(language))
    return [pick.page.slug for pick in picks]


@pytest.mark.parametrize(
    "typed",
    [
        "statuts association",
        "Statut associations",
        "STATUTS d'association",
        "les statuts de l'association",
        "association statuts",
        "statuts, association ?",
    ],
)
def test_a_promoted_query_finds_its_pick_in_other_forms(guides, typed):
    promote("Statuts association", guides["statuts"])

    assert picked(typed) == ["statuts"]


def spelled_as_typed(word):
    """``word`` in any case, each accent kept or dropped: « Bénévolat » → « BENEVOLAT »,
    « bénévolAt »…"""
    letters = [
        st.sampled_from(sorted({char, char.upper(), fold(char), fold(char).upper()}))
        for char in word
    ]
    return st.tuples(*letters).map("".join)


@pytest.fixture
def benevolat_promoted(guides):
    promote("Bénévolat salariés", guides["benevolat"])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.data(),
    words=st.permutations(["bénévolat", "salariés"]),
    singular=st.booleans(),
)
def test_any_case_accents_number_and_order_of_the_promoted_words_finds_the_pick(
    benevolat_promoted, data, words, singular
):
    typed = [data.draw(spelled_as_typed(word)) for word in words]
    if singular:
        typed = [word.removesuffix("s").removesuffix("S") for word in typed]

    assert picked(" ".join(typed)) == ["benevolat"]


@pytest.mark.parametrize(
    "typed",
    ["budget prévisionnel", "statuts", "statuts association loi 1901", "statuer associé", ""],
)
def test_another_query_a_longer_or_a_shorter_one_gets_no_pick(guides, typed):
    promote("statuts association", guides["statuts"])

    assert picked(typed) == []


def test_a_synonym_of_a_promoted_word_finds_the_pick_both_ways(guides):
    Synonyme.objects.create(locale=locale("fr"), expressions="asso, association")
    promote("statuts association", guides["statuts"])
    promote("budget asso", guides["budget"])

    assert picked("Statuts asso") == ["statuts"]
    assert picked("budget association") == ["budget"]


def test_a_synonym_of_several_words_finds_the_pick(guides):
    Synonyme.objects.create(locale=locale("fr"), expressions="RH, ressources humaines")
    promote("recrutement RH", guides["benevolat"])

    assert picked("ressources humaines : le recrutement") == ["benevolat"]


def test_an_unpublished_page_or_another_languages_page_is_never_picked(guides):
    translate(guides["home"])
    translate(guides["index"])
    english = translate(guides["statuts"], title="Articles of association", slug="bylaws")
    guides["budget"].unpublish()
    promote("statuts", guides["budget"])
    promote("statuts", english)

    assert picked("statuts") == []
    assert picked("Article of Associations", "en") == []

    promote("articles of association", english)

    assert picked("Article of Associations", "en") == ["bylaws"]


def test_picks_come_in_the_editors_order_each_page_once(guides):
    promote("statuts association", guides["budget"], sort_order=0)
    promote("statuts association", guides["statuts"], sort_order=2)
    promote("statut associations", guides["statuts"], sort_order=1, description="Le bon.")
    promote("statut associations", guides["benevolat"], sort_order=3)

    picks = editors_picks(requetes.parse("statuts d'association"), locale("fr"))

    assert [pick.page.slug for pick in picks] == ["budget", "statuts", "benevolat"]
    assert picks[1].description == "Le bon."


def count_queries(requete, french):
    with CaptureQueriesContext(connection) as queries:
        titles = [pick.page.title for pick in editors_picks(requete, french)]
    return len(queries), titles


def test_the_number_of_promotions_does_not_change_the_number_of_queries(guides):
    requete, french = requetes.parse("statuts association"), locale("fr")
    promote("statuts associations", guides["statuts"])

    one = count_queries(requete, french)
    for number in range(19):
        page = GuidePageFactory(parent=guides["index"], slug=f"guide-{number}")
        promote("statut association" if number % 2 else f"sujet {number}", page, number)
    twenty = count_queries(requete, french)

    assert one[0] == twenty[0] == 2
    assert len(twenty[1]) == 10
