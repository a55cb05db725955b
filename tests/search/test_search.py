"""/fr/recherche/: a first search over the live ressources of the active language."""

import pytest
from django.db import connection

from tests import markup
from tests.factories import (
    GuidePageFactory,
    ModelePageFactory,
    build_site_tree,
    domaine,
    stream,
    translate,
)

pytestmark = pytest.mark.django_db

URL = "/fr/recherche/"


@pytest.fixture(scope="module")
def ressources(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        statuts = GuidePageFactory(
            parent=index,
            title="Rédiger les statuts d'une association",
            chapo="Objet, siège, gouvernance : ce que les statuts doivent prévoir.",
            domaines=[domaine("juridique-statuts")],
            age_hours=1,
        )
        ModelePageFactory(
            parent=index,
            title="Budget prévisionnel",
            chapo="Un tableur pour présenter son budget aux financeurs.",
            domaines=[domaine("financement-modele-economique")],
            with_file=False,
            age_hours=2,
        )
        GuidePageFactory(
            parent=index,
            title="Accueillir des bénévoles",
            chapo="Les premières semaines d'un bénévole.",
            body=stream(("paragraphe", "<p>Prévoir une convention d'engagement réciproque.</p>")),
            domaines=[domaine("ressources-humaines")],
            age_hours=3,
        )
        GuidePageFactory(
            parent=index,
            title="Statuts : brouillon non publié",
            chapo="Ne doit pas être trouvé.",
            live=False,
            age_hours=4,
        )
        translate(home)
        translate(index)
        translate(statuts, title="Writing articles of association", slug="writing-articles")


def search(client, query, **extra):
    response = client.get(URL, {"q": query, **extra})
    assert response.status_code == 200
    return response


def test_search_finds_ressources_by_title(client, ressources):
    response = search(client, "budget")

    assert markup.card_titles(response.content) == ["Budget prévisionnel"]
    assert markup.result_count(response.content) == "1 ressource trouvée pour « budget »"


def test_search_finds_ressources_by_chapo(client, ressources):
    response = search(client, "financeurs")

    assert markup.card_titles(response.content) == ["Budget prévisionnel"]


def test_search_finds_guides_by_their_body(client, ressources):
    response = search(client, "convention")

    assert markup.card_titles(response.content) == ["Accueillir des bénévoles"]


def test_search_never_finds_drafts(client, ressources):
    titles = markup.card_titles(search(client, "statuts").content)

    assert "Rédiger les statuts d'une association" in titles
    assert "Statuts : brouillon non publié" not in titles


def test_search_stays_in_the_active_language(client, ressources):
    french = markup.card_titles(search(client, "statuts").content)
    response = client.get("/en/recherche/", {"q": "articles"})

    assert "Writing articles of association" not in french
    assert response.status_code == 200
    assert markup.card_titles(response.content) == ["Writing articles of association"]


def test_search_without_match_says_so_and_suggests_the_domaines(client, ressources):
    response = search(client, "photosynthèse")

    assert markup.card_titles(response.content) == []
    content = markup.text(response.content)
    assert "Aucune ressource trouvée pour « photosynthèse »." in content
    assert "/fr/domaines/" in markup.links(response.content)


def test_search_keeps_the_query_in_the_search_box(client, ressources):
    response = search(client, "budget")

    values = [
        attrs.get("value")
        for attrs in markup.elements(response.content, "input")
        if attrs.get("id") == "recherche-page"
    ]
    assert values == ["budget"]


@pytest.mark.parametrize("query", ["", "   ", None])
def test_search_with_an_empty_query_shows_the_form_only(client, ressources, query):
    response = client.get(URL) if query is None else search(client, query)

    assert response.status_code == 200
    assert markup.card_titles(response.content) == []
    assert markup.result_count(response.content) is None
    assert "Saisissez un ou plusieurs mots" in markup.text(response.content)


def test_search_with_a_very_long_query_answers(client, ressources):
    response = search(client, "budget " + "prévisionnel" * 2000)

    assert markup.card_titles(response.content) == []
    shown = [
        attrs.get("value")
        for attrs in markup.elements(response.content, "input")
        if attrs.get("id") == "recherche-page"
    ]
    assert len(shown[0]) <= 200


def test_search_with_a_null_byte_answers(client, ressources):
    response = client.get(URL + "?q=bud%00get")

    assert response.status_code == 200
    assert markup.card_titles(response.content) == ["Budget prévisionnel"]


@pytest.mark.parametrize(
    "query",
    [
        '"statuts',
        'statuts"',
        '"statuts"',
        "« statuts »",
        "statuts AND (",
        "statuts OR",
        "NOT",
        "*",
        "statuts*",
        "^statuts",
        "budget:prévisionnel",
        "l'association",
        "%_\\",
        "' OR 1=1 --",
        "🙂",
        "-",
    ],
)
def test_search_with_punctuation_or_operators_never_fails(client, ressources, query):
    response = search(client, query)

    assert "Rechercher une ressource" in markup.text(response.content)


def test_search_results_are_paginated_safely(client, ressources):
    response = search(client, "statuts", page="abc")

    assert "Rédiger les statuts d'une association" in markup.card_titles(response.content)


@pytest.mark.postgresql
def test_search_understands_french_plurals_on_postgresql(client, ressources):
    assert connection.vendor == "postgresql"

    response = search(client, "statut")

    assert markup.card_titles(response.content) == ["Rédiger les statuts d'une association"]
