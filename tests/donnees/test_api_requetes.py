"""A list of the API runs the same SQL queries for 3 items and for 12, with the fields a
partner asks for (a fiche's domaines, publics and structure, a modèle's files, a workshop's
animators)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from tests.evenements.helpers import atelier
from tests.factories import (
    FichePageFactory,
    ModelePageFactory,
    StructureFactory,
    domaine,
    public,
)

pytestmark = pytest.mark.django_db

URLS = {
    "fiches": "/api/v2/pages/?type=fiche&fields=domaines,publics,structure,chapo&limit=100",
    "modèles": "/api/v2/pages/?type=modele&fields=domaines,publics,fichiers,niveau&limit=100",
    "ateliers": "/api/v2/pages/?type=atelier&fields=domaines,animateurs,format&limit=100",
    "toutes les pages": "/api/v2/pages/?limit=100&domaine=ressources-humaines",
    "recherche": "/api/v2/pages/?type=fiche&fields=structure,domaines&search=fiche",
    "documents": "/api/v2/documents/?limit=100",
    "structures": "/api/v2/structures/?fields=*&limit=100",
}


def add(fiches, index, agenda, count, start):
    domaines = [domaine("ressources-humaines"), domaine("numerique")]
    publics = [public("benevoles"), public("salaries")]
    for number in range(start, start + count):
        structure = StructureFactory(departement="69")
        FichePageFactory(
            parent=fiches, structure=structure, domaines=domaines, publics=publics,
            title=f"Fiche {number}", slug=f"fiche-{number}",
        )  # fmt: skip
        if number % 3 == 0:
            ModelePageFactory(parent=index, domaines=domaines, publics=publics)
            atelier(agenda, animateurs=(("Claire Martin", structure), ("Léa Roux", None)))


def queries(client, url):
    client.get(url)  # warms the caches a first request fills
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(captured), response.json()["meta"]["total_count"]


def test_a_list_runs_the_same_queries_for_3_and_12_items(site_tree, client, subtests):
    home, index = site_tree
    fiches, agenda = get_or_create_fiche_index(home), get_or_create_agenda(home)
    add(fiches, index, agenda, 3, start=1)
    with_3 = {name: queries(client, url) for name, url in URLS.items()}

    add(fiches, index, agenda, 9, start=4)

    for name, url in URLS.items():
        with subtests.test(liste=name):
            count, total = queries(client, url)
            assert count == with_3[name][0] > 0
            assert total > with_3[name][1]
