"""The search entries follow every change of what they show or of who may see it: a page moved
under a private section or out of it, a restriction added or lifted on any ancestor, a structure
renamed or moved to another département, a domaine or a public renamed (in either language)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from fiches.services import get_or_create_fiche_index
from search.models import Entree
from tests import markup
from tests.factories import (
    FichePageFactory,
    GuidePageFactory,
    RessourceIndexPageFactory,
    StructureFactory,
    build_site_tree,
    domaine,
    public,
    translate,
)
from tests.search.helpers import index_everything

pytestmark = pytest.mark.django_db

SEARCH = "/fr/recherche/"
SUGGESTIONS = "/fr/recherche/suggestions/"


@pytest.fixture
def site(db):
    """A guide in /fr/ressources/, a members-only section beside it, two fiches of a structure
    in the Rhône, all indexed."""
    home, index = build_site_tree()
    guide = GuidePageFactory(
        parent=index,
        title="Rédiger les statuts d'une association",
        slug="statuts",
        domaines=[domaine("ressources-humaines")],
        publics=[public("dirigeants-benevoles")],
    )
    reserve = RessourceIndexPageFactory(parent=home, title="Espace adhérents", slug="adherents")
    PageViewRestriction.objects.create(page=reserve, restriction_type="login")
    fiches = get_or_create_fiche_index(home)
    structure = StructureFactory(nom="La Ressourcerie du Rhône", departement="69")
    for title in ("Coopérer : premier recrutement", "Coopérer : premier bilan"):
        FichePageFactory(
            parent=fiches,
            title=title,
            structure=structure,
            domaines=[domaine("gouvernance-vie-associative")],
        )
    index_everything()
    return {
        "home": home,
        "index": index,
        "guide": guide,
        "reserve": reserve,
        "fiches": fiches,
        "structure": structure,
    }


def found(client, query, path=SEARCH, **filters):
    """The titles of the results of a search."""
    response = client.get(path, {"q": query, **filters})
    assert response.status_code == 200
    return [item["entree"].title for item in response.context.get("items", [])]


def suggested(client, query):
    response = client.get(SUGGESTIONS, {"q": query})
    return [suggestion["title"] for suggestion in response.json()["suggestions"]]


def lift(restriction, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()


# Moves and privacy


def test_a_guide_moved_under_a_private_section_leaves_the_results_and_the_suggestions(site, client):
    assert found(client, "statuts") == ["Rédiger les statuts d'une association"]
    assert suggested(client, "rédig") == ["Rédiger les statuts d'une association"]

    site["guide"].move(site["reserve"], pos="last-child")

    assert found(client, "statuts") == []
    assert suggested(client, "rédig") == []
    assert not Entree.objects.filter(page=site["guide"])


def test_a_guide_moved_out_of_a_private_section_comes_back(site, client):
    guide = GuidePageFactory(parent=site["reserve"], title="Compte rendu du conseil")
    assert found(client, "conseil") == []

    guide.move(Page.objects.get(pk=site["index"].pk), pos="last-child")

    assert found(client, "conseil") == ["Compte rendu du conseil"]
    assert suggested(client, "compte") == ["Compte rendu du conseil"]


def test_lifting_the_restriction_of_the_section_brings_its_guide_back(
    site, client, django_capture_on_commit_callbacks
):
    site["guide"].move(site["reserve"], pos="last-child")
    assert found(client, "statuts") == []

    lift(site["reserve"].view_restrictions.get(), django_capture_on_commit_callbacks)

    assert found(client, "statuts") == ["Rédiger les statuts d'une association"]
    assert suggested(client, "rédig") == ["Rédiger les statuts d'une association"]


def test_restricting_a_grandparent_hides_its_grandchildren_until_it_is_lifted(
    site, client, django_capture_on_commit_callbacks
):
    restriction = PageViewRestriction.objects.create(page=site["home"], restriction_type="login")

    assert found(client, "statuts") == []
    assert found(client, "coopérer") == []
    assert suggested(client, "coopé") == []

    lift(restriction, django_capture_on_commit_callbacks)

    assert found(client, "statuts") == ["Rédiger les statuts d'une association"]
    assert set(suggested(client, "coopé")) == {
        "Coopérer : premier recrutement",
        "Coopérer : premier bilan",
    }


def test_a_lifted_restriction_keeps_the_pages_private_under_another_one(
    site, client, django_capture_on_commit_callbacks
):
    site["guide"].move(site["reserve"], pos="last-child")
    outer = PageViewRestriction.objects.create(page=site["home"], restriction_type="login")

    lift(site["reserve"].view_restrictions.get(), django_capture_on_commit_callbacks)

    assert not Entree.objects.exists()
    lift(outer, django_capture_on_commit_callbacks)
    assert Entree.objects.count() == 3


def test_a_private_section_deleted_with_its_live_pages_leaves_no_entry(
    site, django_capture_on_commit_callbacks
):
    GuidePageFactory(parent=site["reserve"], title="Compte rendu du conseil")

    with django_capture_on_commit_callbacks(execute=True):
        site["reserve"].delete()

    assert set(Entree.objects.values_list("title", flat=True)) == {
        "Rédiger les statuts d'une association",
        "Coopérer : premier recrutement",
        "Coopérer : premier bilan",
    }


# What entries show besides their page


def test_a_renamed_structure_is_found_and_shown_under_its_new_name(site, client):
    structure = site["structure"]
    structure.nom = "Recyclerie des Monts du Lyonnais"
    structure.save()

    assert set(found(client, "recyclerie")) == {
        "Coopérer : premier recrutement",
        "Coopérer : premier bilan",
    }
    assert not set(found(client, "ressourcerie")) & {
        "Coopérer : premier recrutement",
        "Coopérer : premier bilan",
    }
    html = client.get(SEARCH, {"q": "recrutement"}).content.decode()
    assert markup.texts(html, "resultat__structure") == ["Par Recyclerie des Monts du Lyonnais"]


def test_the_departement_facet_of_fiches_follows_their_structure(site, client):
    structure = site["structure"]
    structure.departement = "2A"
    structure.save()

    response = client.get(SEARCH, {"q": "coopérer"})
    facet = response.context["results"].facets["departement"]
    assert [(value.value, value.count) for value in facet] == [("2A", 2)]
    assert found(client, "coopérer", departement="69") == []
    moved = client.get(SEARCH, {"q": "coopérer", "departement": "2A"})
    assert len(moved.context["items"]) == 2
    assert markup.texts(moved.content.decode(), "resultat__lieu") == ["Corse-du-Sud (2A)"] * 2


def test_a_renamed_domaine_finds_its_pages_under_its_new_name_only(site, client):
    term = domaine("ressources-humaines")
    term.nom = "Emploi et bénévolat"
    term.save()

    assert found(client, "emploi") == ["Rédiger les statuts d'une association"]
    assert found(client, "humaines") == []


def test_a_renamed_public_finds_its_pages_under_its_new_name_only(site, client):
    term = public("dirigeants-benevoles")
    old_word = term.nom.split()[0]
    term.nom = "Trésoriers"
    term.save()

    assert found(client, "trésoriers") == ["Rédiger les statuts d'une association"]
    assert "Rédiger les statuts d'une association" not in found(client, old_word)


def test_a_deleted_public_no_longer_finds_its_pages(site, client):
    public("dirigeants-benevoles").delete()

    assert "Rédiger les statuts d'une association" not in found(client, "dirigeants")
    assert found(client, "statuts") == ["Rédiger les statuts d'une association"]


def test_an_english_domaine_renamed_is_followed_by_the_english_pages(site, client):
    translate(site["home"])
    translate(site["index"])
    translate(site["guide"], title="Writing articles of association", slug="writing-articles")
    term = domaine("ressources-humaines", "en")
    term.nom = "People and payroll"
    term.save()

    assert found(client, "payroll", "/en/recherche/") == ["Writing articles of association"]
    assert found(client, "payroll") == []  # the French name is unchanged


def structure_renamed(site):
    structure = site["structure"]
    structure.nom = f"{structure.nom} bis"
    return structure.save


def restriction_lifted(site):
    restriction = PageViewRestriction.objects.create(page=site["fiches"], restriction_type="login")
    return restriction.delete


def section_moved_out_of_a_private_one(site):
    def fresh(name):  # the tree changed since the fixture read it
        return Page.objects.get(pk=site[name].pk)

    fresh("fiches").move(fresh("reserve"), pos="last-child")
    return lambda: fresh("fiches").move(fresh("home"), pos="last-child")


@pytest.mark.parametrize(
    "change", [structure_renamed, restriction_lifted, section_moved_out_of_a_private_one]
)
def test_a_change_rewrites_the_entries_concerned_in_bulk_not_one_by_one(
    site, change, django_capture_on_commit_callbacks
):
    """The same statements for 2 fiches as for 12, besides the search index's own (Wagtail's
    SQLite index writes one row at a time)."""

    def statements():
        act = change(site)
        committing = django_capture_on_commit_callbacks(execute=True)
        with CaptureQueriesContext(connection) as captured, committing:
            act()
        return [
            query["sql"]
            for query in captured.captured_queries
            if "indexentry" not in query["sql"] and "fts" not in query["sql"].lower()
        ]

    two = statements()
    for number in range(10):
        FichePageFactory(
            parent=site["fiches"], title=f"Fiche {number}", structure=site["structure"]
        )
    index_everything()
    twelve = statements()

    assert len(twelve) == len(two)
    assert Entree.objects.filter(structure=site["structure"].nom).count() == 12
