"""The admin speaks French to our groups: no workflow named in English by Wagtail's first
migrations, no True/False where a structure is checked."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Task, Workflow

from tests import markup
from tests.factories import GuidePageFactory, StructureFactory, UserFactory, build_site_tree

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]


@pytest.fixture(scope="module")
def guide(module_transaction):
    with module_transaction.unblock():
        _home, index = build_site_tree()
        guide = GuidePageFactory(parent=index, title="Rédiger les statuts")
        guide.save_revision().publish()
    return guide


def test_an_editeur_submits_a_guide_to_a_workflow_named_in_french(client, guide):
    client.force_login(UserFactory(groups=["Éditeurs"]))

    text = markup.text(client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content)

    assert "Soumettre à Relecture par l'équipe" in text
    assert "Moderators" not in text


def test_a_moderateur_sees_the_review_task_named_in_french(client, guide):
    guide.save_revision()
    guide.get_workflow().start(guide, UserFactory(groups=["Éditeurs"]))
    client.force_login(UserFactory(groups=["Modérateurs"]))

    text = markup.text(client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content)

    assert "Relecture par un modérateur" in text
    assert "approval" not in text


def test_no_workflow_or_task_keeps_an_english_name(db):
    names = list(Workflow.objects.values_list("name", flat=True)) + list(
        Task.objects.values_list("name", flat=True)
    )

    assert not [name for name in names if "approval" in name.lower()]


@pytest.mark.parametrize("group", ["Éditeurs", "Modérateurs"])
def test_the_structures_listing_says_which_are_verified_in_french(client, group):
    StructureFactory(nom="Les Jardins du quartier", verifiee=True)
    StructureFactory(nom="La Recyclerie", verifiee=False)
    client.force_login(UserFactory(groups=[group]))

    response = client.get(reverse("structures:index"))

    text = markup.text(response.content)
    assert status_of("Les Jardins du quartier", text) == "Vérifiée"
    assert status_of("La Recyclerie", text) == "À vérifier"
    assert "True" not in text and "False" not in text


def status_of(name, text):
    """The first « Vérifiée » or « À vérifier » after ``name`` in the listing's text."""
    return re.search(rf"{name} .*?(Vérifiée|À vérifier) \d", text).group(1)


def test_an_editeur_adds_a_group_of_synonyms_in_correct_french(client):
    client.force_login(UserFactory(groups=["Éditeurs"]))

    text = markup.text(client.get(reverse("wagtailsnippets_search_synonyme:list")).content)

    assert "Ajouter un(e) groupe de synonymes" in text
    assert "un(e) synonymes" not in text
