"""Listings run a fixed number of SQL queries, whatever the number of ressources."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ressources.models import Niveau
from tests import markup
from tests.factories import (
    GuidePageFactory,
    ModelePageFactory,
    domaine,
    public,
)

pytestmark = pytest.mark.django_db

URLS = {
    "liste": "/fr/ressources/",
    "liste filtrée": "/fr/ressources/?type=guide&niveau=debutant&niveau=avance&tri=az",
    "accueil": "/fr/",
    "domaine": "/fr/domaines/ressources-humaines/",
    "domaines": "/fr/domaines/",
    "recherche": "/fr/recherche/?q=ressource",
}
DOMAINES = ["ressources-humaines", "juridique-statuts", "numerique", "communication"]
PUBLICS = ["salaries", "benevoles", "dirigeants-benevoles"]


def add_ressources(index, count, start):
    domaines = [domaine(slug) for slug in DOMAINES]
    publics = [public(slug) for slug in PUBLICS]
    niveaux = itertools.cycle(Niveau.values)
    for number in range(start, start + count):
        factory = GuidePageFactory if number % 2 else ModelePageFactory
        extra = {} if number % 2 else {"with_file": False}
        factory(
            parent=index,
            title=f"Ressource {number:03d}",
            domaines=[domaines[number % 4], domaines[(number + 1) % 4]],
            publics=[publics[number % 3]],
            niveau=next(niveaux),
            age_hours=number,
            **extra,
        )


def query_count(client, url):
    client.get(url)  # warms the caches a visitor's first request would fill
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_listings_run_the_same_queries_for_10_and_30_ressources(
    client, site_tree, django_assert_num_queries, subtests
):
    home, index = site_tree
    add_ressources(index, 10, start=1)
    with_10 = {name: query_count(client, url) for name, url in URLS.items()}

    add_ressources(index, 20, start=11)  # more than two listing pages of 12

    for name, url in URLS.items():
        with subtests.test(page=name):
            client.get(url)
            with django_assert_num_queries(with_10[name]):
                response = client.get(url)
            assert response.status_code == 200
    assert markup.result_count(client.get(URLS["liste"]).content).startswith("30 ressources")
