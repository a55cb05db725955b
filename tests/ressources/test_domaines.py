"""/fr/domaines/ and /fr/domaines/<slug>/: the ressources of one domain, and every domain."""

import pytest

from tests import markup
from tests.factories import GuidePageFactory, ModelePageFactory, build_site_tree, domaine

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def ressources(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        juridique, rh = domaine("juridique-statuts"), domaine("ressources-humaines")
        GuidePageFactory(
            parent=index, title="Rédiger les statuts", domaines=[juridique], age_hours=1
        )
        ModelePageFactory(
            parent=index,
            title="Modèle de statuts",
            domaines=[juridique],
            age_hours=2,
            with_file=False,
        )
        GuidePageFactory(
            parent=index,
            title="Contrat de travail et statuts du salarié",
            domaines=[juridique, rh],
            age_hours=3,
        )
        GuidePageFactory(
            parent=index, title="Recruter un premier salarié", domaines=[rh], age_hours=4
        )
        GuidePageFactory(
            parent=index,
            title="Statuts en brouillon",
            domaines=[juridique],
            live=False,
            age_hours=0,
        )


def test_domaine_page_lists_only_that_domaines_ressources(client, ressources):
    response = client.get("/fr/domaines/juridique-statuts/")

    assert response.status_code == 200
    assert markup.card_titles(response.content) == [
        "Rédiger les statuts",
        "Modèle de statuts",
        "Contrat de travail et statuts du salarié",
    ]
    assert markup.result_count(response.content) == "3 ressources"
    assert markup.texts(response.content, "kicker")[0] == "Domaine"
    assert "Juridique et statuts" in markup.text(response.content)


def test_domaine_page_can_be_filtered_further(client, ressources):
    response = client.get("/fr/domaines/juridique-statuts/?type=modele")

    assert markup.card_titles(response.content) == ["Modèle de statuts"]


def test_domaine_page_does_not_offer_the_domaine_filter(client, ressources):
    response = client.get("/fr/domaines/juridique-statuts/")

    names = {attrs.get("name") for attrs in markup.elements(response.content, "input")}
    assert "domaine" not in names
    assert {"type", "niveau"} <= names


def test_domaine_page_ignores_a_domaine_parameter(client, ressources):
    response = client.get("/fr/domaines/juridique-statuts/?domaine=ressources-humaines")

    assert response.status_code == 200
    assert len(markup.card_titles(response.content)) == 3


def test_domaine_page_sorts_by_title(client, ressources):
    response = client.get("/fr/domaines/ressources-humaines/?tri=az")

    assert markup.card_titles(response.content) == [
        "Contrat de travail et statuts du salarié",
        "Recruter un premier salarié",
    ]


def test_domaine_without_ressources_says_so(client, ressources):
    response = client.get("/fr/domaines/economie-circulaire/")

    assert response.status_code == 200
    assert markup.card_titles(response.content) == []
    assert markup.result_count(response.content) == "Aucune ressource"


def test_unknown_domaine_is_not_found(client, ressources):
    response = client.get("/fr/domaines/domaine-inconnu/")

    assert response.status_code == 404
    assert "Page introuvable" in markup.text(response.content)


def test_english_domaine_slug_is_not_a_french_page(client, ressources):
    response = client.get("/fr/domaines/Juridique et statuts/")

    assert response.status_code == 404


def test_domaines_index_lists_every_domaine_with_its_count(client, ressources):
    response = client.get("/fr/domaines/")

    assert response.status_code == 200
    names = [" ".join(name.split()) for name in markup.texts(response.content, "domaine-item__nom")]
    counts = markup.texts(response.content, "domaine-item__count")
    assert len(names) == 13
    shown = dict(zip(names, counts, strict=True))
    assert shown["Juridique et statuts"] == "3 ressources"
    assert shown["Ressources humaines"] == "2 ressources"
    assert shown["Économie circulaire"] == "0 ressource"


def test_domaines_index_links_to_each_domaine_page(client, ressources):
    response = client.get("/fr/domaines/")

    hrefs = markup.links(response.content)
    assert "/fr/domaines/juridique-statuts/" in hrefs
    assert "/fr/domaines/economie-circulaire/" in hrefs


def test_home_page_shows_domaines_with_counts_and_latest_ressources(client, ressources):
    response = client.get("/fr/")

    assert response.status_code == 200
    content = markup.text(response.content)
    assert "Juridique et statuts 3 ressources" in content
    titles = markup.card_titles(response.content)
    assert titles[:3] == [
        "Rédiger les statuts",
        "Contrat de travail et statuts du salarié",
        "Recruter un premier salarié",
    ]
    assert "Modèle de statuts" in titles
    assert "Statuts en brouillon" not in titles
