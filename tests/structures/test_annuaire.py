"""/structures/?q=: a structure is found by the words of its name whatever their accents, case
and order, each possibly cut short, and by its SIREN, SIRET or RNA typed with or without
spaces; the same on SQLite and PostgreSQL, in a fixed number of queries."""

import random
import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests import markup
from tests.factories import StructureFactory

pytestmark = pytest.mark.django_db

URL = "/fr/structures/"


def found(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [structure.nom for structure in response.context["structures"].object_list]


@pytest.fixture
def amis_du_jardin(db):
    StructureFactory(nom="Vélo solidaire", siret="73282932000074")
    StructureFactory(nom="Les Jardins de Cocagne", rna="W691000001")
    return StructureFactory(
        nom="Les Amis du Jardin Partagé", siret="73282932000082", rna="W751234567"
    )


@pytest.mark.parametrize(
    "query",
    [
        "jardin partage",
        "JARDIN partage",
        "PARTAGÉ jardin",
        "partag amis",
        "  les   amis   du jardin partagé  ",
        "jardin-partagé",
        "l'amis du jardin",
    ],
)
def test_a_structure_is_found_by_its_words_in_any_order_case_and_accents(
    client, amis_du_jardin, query
):
    assert found(client, query) == ["Les Amis du Jardin Partagé"]


@pytest.mark.parametrize(
    "query, names",
    [
        ("732 829 320", ["Les Amis du Jardin Partagé", "Vélo solidaire"]),  # their SIREN
        ("732829320 00082", ["Les Amis du Jardin Partagé"]),
        ("732.829.320.00074", ["Vélo solidaire"]),
        ("w75 123 4567", ["Les Amis du Jardin Partagé"]),
        ("W691000001", ["Les Jardins de Cocagne"]),
    ],
)
def test_a_structure_is_found_by_its_siren_siret_or_rna_with_or_without_spaces(
    client, amis_du_jardin, query, names
):
    assert found(client, query) == names


def test_a_siret_finds_a_structure_registered_with_its_siren_only(client, db):
    StructureFactory(nom="La Coop du coin", siret="732829320")

    assert found(client, "732 829 320 00074") == ["La Coop du coin"]


def test_every_word_must_be_found(client, amis_du_jardin):
    assert found(client, "jardin vélo") == []
    assert "Aucune structure ne correspond à « jardin vélo »." in markup.text(
        client.get(URL, {"q": "jardin vélo"}).content
    )


def test_renaming_a_structure_keeps_its_search_in_step(client, amis_du_jardin):
    amis_du_jardin.nom = "Les Amis de la Ressourcerie"
    amis_du_jardin.save(update_fields=["nom"])

    assert found(client, "ressourcerie amis") == ["Les Amis de la Ressourcerie"]
    assert found(client, "jardin partage") == []


def query_count(client, query):
    with CaptureQueriesContext(connection) as queries:
        found(client, query)
    return len(queries)


def test_the_search_runs_the_same_queries_for_3_and_60_structures(
    client, amis_du_jardin, django_assert_num_queries
):
    client.get(URL, {"q": "jardin"})  # caches warmed
    with_3 = query_count(client, "jardin partage")
    for number in range(57):
        StructureFactory(nom=f"Jardin numéro {number}")

    with django_assert_num_queries(with_3):
        names = found(client, "jardin numero")

    assert len(names) == 30  # the first page


@pytest.mark.postgresql
def test_the_search_key_is_served_by_a_trigram_index_on_postgresql(amis_du_jardin):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM fiches_structure WHERE search_key LIKE %s", ["%jardin%"]
        )
        plan = " ".join(row[0] for row in cursor.fetchall())

    assert "fiches_structure_search_key_trgm" in plan


# Property: any re-cased, de-accented, re-ordered subset of a name's words, each possibly
# cut short, finds the structure; so do its identifiers, however they are spaced.

LETTERS = "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôœùûüÿ"
words = st.text(alphabet=LETTERS + LETTERS.upper(), min_size=2, max_size=10)
names = st.lists(words, min_size=1, max_size=5)


def without_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def spaced(number, rng):
    """``number`` as people type it: spaces, dots or nothing between groups of digits."""
    out, position = [], 0
    while position < len(number):
        size = rng.choice([1, 2, 3, 4, 5])
        out.append(number[position : position + size])
        position += size
    return rng.choice([" ", "", ".", " "]).join(out)


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=names,
    seed=st.integers(min_value=0, max_value=2**32),
    siret=st.text(alphabet="0123456789", min_size=14, max_size=14),
    rna_number=st.text(alphabet="0123456789", min_size=9, max_size=9),
)
def test_any_reworded_subset_of_a_name_and_its_identifiers_find_the_structure(
    client, db, name, seed, siret, rna_number
):
    rng = random.Random(seed)
    rna = "W" + rna_number
    structure = StructureFactory(nom=" ".join(name), siret=siret, rna=rna)
    try:
        chosen = rng.sample(name, rng.randint(1, len(name)))
        query_words = []
        for word in chosen:
            word = without_accents(word) if rng.random() < 0.5 else word
            word = word.upper() if rng.random() < 0.3 else word.lower()
            start = rng.randint(0, len(word) // 2)
            query_words.append(word[start : rng.randint(start + 1, len(word))])
        queries = [
            " ".join(query_words),
            spaced(siret[:9], rng),
            spaced(siret, rng),
            rna.lower() if rng.random() < 0.5 else spaced(rna, rng),
        ]
        for query in queries:
            response = client.get(URL, {"q": query})
            assert structure in response.context["structures"].paginator.object_list, query
    finally:
        structure.delete()
