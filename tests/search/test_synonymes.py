"""The synonyms editors keep in the admin, each group in one language."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from search import requetes
from search.models import Synonyme
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_editors_list_and_search_synonyms_in_the_admin(client):
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("wagtailsnippets_search_synonyme:list")

    listing = client.get(url)
    found = client.get(url, {"q": "assemblée"})
    other = client.get(url, {"q": "humaines"})

    assert listing.status_code == 200
    assert "AG, assemblée générale" in listing.content.decode()
    assert "AG, assemblée générale" in found.content.decode()
    assert "RH, ressources humaines" not in found.content.decode()
    assert "RH, ressources humaines" in other.content.decode()


def test_an_editor_adds_a_synonym_in_french_unless_told_otherwise(client):
    client.force_login(UserFactory(is_superuser=True))
    english = Locale.objects.get(language_code="en")

    form = client.get(reverse("wagtailsnippets_search_synonyme:add")).content.decode()
    client.post(
        reverse("wagtailsnippets_search_synonyme:add"),
        {"locale": english.pk, "expressions": "NGO, non-profit"},
    )

    french = Locale.objects.get(language_code="fr")
    assert f'<option value="{french.pk}" selected>' in form
    assert Synonyme.objects.get(expressions="NGO, non-profit").locale == english


def test_a_synonym_works_in_its_own_language_only():
    Synonyme.objects.create(
        locale=Locale.objects.get(language_code="en"), expressions="NGO, charity"
    )

    english = requetes.parse("NGO", "en").concepts
    french = requetes.parse("NGO", "fr").concepts

    assert english[0].expressions == ["NGO", "charity"]
    assert french[0].expressions == ["NGO"]
