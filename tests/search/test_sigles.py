"""The abbreviations seeded as synonyms (migration search/0012): typed alone, each finds the
pages that only spell out what it stands for."""

from importlib import import_module

import pytest
from wagtail.models import Locale

from search import moteur, requetes
from tests.factories import GuidePageFactory, build_site_tree
from tests.search.helpers import index_everything

SIGLES = import_module("search.migrations.0012_sigles").SIGLES["fr"]


def spelt_out(group):
    return group.split(",", 1)[1].strip()


@pytest.fixture(scope="module")
def pages(module_transaction):
    with module_transaction.unblock():
        _home, index = build_site_tree()
        for group in SIGLES:
            GuidePageFactory(parent=index, title=f"Guide : {spelt_out(group)}")
        index_everything()


def titles(text):
    locale = Locale.objects.get(language_code="fr")
    results = moteur.search(requetes.parse(text, "fr"), locale, moteur.Filters(), per_page=50)
    return [entree.title for entree in results.page.object_list]


@pytest.mark.django_db
@pytest.mark.parametrize("group", SIGLES)
def test_an_abbreviation_finds_the_pages_that_spell_it_out(pages, group):
    abbreviation = group.split(",")[0]

    assert f"Guide : {spelt_out(group)}" in titles(abbreviation)
    assert f"Guide : {spelt_out(group)}" in titles(abbreviation.lower())
