"""The shared classification as SKOS (issue 17, point 2): what a partner system reads back
with rdflib, at URIs that survive an editor's changes."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS
from wagtail.models import PageViewRestriction

from donnees.vocabulaires import concept_uri, schema_uri
from fiches.models import FichePage
from fiches.services import get_or_create_fiche_index
from ressources.models.taxonomy import Domaine
from ressources.territoires import DEPARTEMENTS
from tests import markup
from tests.factories import (
    GuidePageFactory,
    StructureFactory,
    domaine,
    public,
)
from tests.fiches.helpers import contributor, draft, published, submit

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]

SCHEMES = ["domaines", "publics", "niveaux", "types-structure", "territoires"]


def path(uri):
    return str(uri).removeprefix("http://testserver")


def graph_of(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    fmt = "json-ld" if response["Content-Type"].startswith("application/ld+json") else "turtle"
    return Graph().parse(data=response.content, format=fmt)


def labels(graph, uri):
    return {(label.language, str(label)) for label in graph.objects(uri, SKOS.prefLabel)}


def test_every_domaine_is_a_concept_labelled_in_french_and_english(client):
    graph = graph_of(client, "/vocabulaires/domaines.ttl")
    rh = concept_uri("domaines", domaine("ressources-humaines").translation_key)
    english = domaine("ressources-humaines", "en")

    assert (rh, RDF.type, SKOS.Concept) in graph
    assert (rh, SKOS.inScheme, schema_uri("domaines")) in graph
    assert (rh, SKOS.topConceptOf, schema_uri("domaines")) in graph
    assert labels(graph, rh) == {("fr", domaine("ressources-humaines").nom), ("en", english.nom)}
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == Domaine.objects.values("translation_key").distinct().count()


def test_a_description_is_the_concepts_definition(client):
    terme = public("benevoles")
    terme.description = "Celles et ceux qui donnent de leur temps."
    terme.save()

    graph = graph_of(client, "/vocabulaires/publics/")

    uri = concept_uri("publics", terme.translation_key)
    assert Literal("Celles et ceux qui donnent de leur temps.", lang="fr") in set(
        graph.objects(uri, SKOS.definition)
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_turtle_and_json_ld_say_the_same(client, scheme):
    turtle = graph_of(client, f"/vocabulaires/{scheme}.ttl")
    json_ld = graph_of(client, f"/vocabulaires/{scheme}.jsonld")

    assert len(turtle) > 3
    assert isomorphic(turtle, json_ld)
    assert (schema_uri(scheme), RDF.type, SKOS.ConceptScheme) in turtle


def test_codes_are_labelled_in_both_languages_with_their_notation(client):
    niveaux = graph_of(client, "/vocabulaires/niveaux/")
    types = graph_of(client, "/vocabulaires/types-structure/")

    debutant = concept_uri("niveaux", "debutant")
    assert labels(niveaux, debutant) == {("fr", "Débutant"), ("en", "Beginner")}
    assert (debutant, SKOS.notation, Literal("debutant")) in niveaux
    assert ("fr", "Fondation") in labels(types, concept_uri("types-structure", "fondation"))
    assert ("en", "Foundation") in labels(types, concept_uri("types-structure", "fondation"))


def test_territories_nest_departements_in_regions(client):
    graph = graph_of(client, "/vocabulaires/territoires/")
    rhone, aura = (
        concept_uri("territoires", "departement-69"),
        concept_uri("territoires", "region-84"),
    )
    national = concept_uri("territoires", "national")

    assert (rhone, SKOS.notation, Literal("69")) in graph
    assert (rhone, SKOS.broader, aura) in graph
    assert (aura, SKOS.narrower, rhone) in graph
    assert (aura, SKOS.broader, national) in graph
    assert (concept_uri("territoires", "departement-2A"), SKOS.broader, aura) not in graph
    # Saint-Pierre-et-Miquelon belongs to no région
    assert (concept_uri("territoires", "departement-975"), SKOS.broader, national) in graph
    # every département and every région has a broader territory
    assert len(set(graph.subjects(SKOS.broader, None))) == len(DEPARTEMENTS) + 18


def test_a_concept_has_its_own_address(client):
    uri = concept_uri("territoires", "departement-2A")

    graph = graph_of(client, path(uri))

    assert labels(graph, uri) == {("fr", "Corse-du-Sud"), ("en", "Corse-du-Sud")}
    assert (uri, SKOS.broader, concept_uri("territoires", "region-94")) in graph
    assert (uri, SKOS.inScheme, schema_uri("territoires")) in graph
    assert set(graph.subjects(RDF.type, SKOS.Concept)) == {uri}
    assert isomorphic(graph, graph_of(client, path(uri).rstrip("/") + ".jsonld"))


def vary(response):
    return [header.strip() for header in response.get("Vary", "").split(",")]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("", "text/turtle"),
        ("text/turtle", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("application/json", "application/ld+json"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "text/turtle"),
        ("application/ld+json;q=0.5, text/turtle", "text/turtle"),
        ("application/ld+json, text/turtle;q=0.5", "application/ld+json"),
        ("image/png", "text/turtle"),
        (";;;,=q", "text/turtle"),
    ],
)
def test_content_negotiation_picks_the_format(client, accept, expected):
    for url in ("/vocabulaires/niveaux/", "/vocabulaires/niveaux/avance/", "/vocabulaires/"):
        response = client.get(url, headers={"accept": accept} if accept else {})

        assert response.status_code == 200
        assert response["Content-Type"].split(";")[0] == expected
        assert "Accept" in vary(response)
        assert response["Access-Control-Allow-Origin"] == "*"


def test_an_explicit_extension_wins_over_accept(client):
    response = client.get("/vocabulaires/niveaux.jsonld", headers={"accept": "text/turtle"})

    assert response["Content-Type"].startswith("application/ld+json")
    assert "Accept" not in vary(response)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/vocabulaires/inconnus/", 404),
        ("/vocabulaires/inconnus.ttl", 404),
        ("/vocabulaires/domaines/ressources-humaines/", 404),  # a slug is not an identifiant
        ("/vocabulaires/domaines/00000000-0000-0000-0000-000000000000/", 404),
        ("/vocabulaires/territoires/departement-99/", 404),
        ("/vocabulaires/territoires/departement-69.xml", 404),
        ("/vocabulaires/niveaux/expert.jsonld", 404),
        ("/vocabulaires/niveaux/?format=json", 400),
        ("/vocabulaires/niveaux/debutant/?x=1", 400),
        ("/vocabulaires.ttl?lang=en", 400),
    ],
)
def test_unknown_terms_and_parameters_are_refused_plainly(client, url, status):
    # Django's LocaleMiddleware may first redirect a 404 to the French address, which is a
    # 404 too.
    response = client.get(url, follow=True)

    assert response.status_code == status
    if status == 400:
        assert "Cette adresse ne prend aucun paramètre" in response.text


def test_vocabularies_are_read_only(client):
    assert client.post("/vocabulaires/niveaux/").status_code == 405


def test_the_catalogue_lists_the_schemes(client):
    graph = graph_of(client, "/vocabulaires/")

    assert set(graph.subjects(RDF.type, SKOS.ConceptScheme)) == {schema_uri(s) for s in SCHEMES}


NAMES = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=120).filter(
    str.strip
)
SLUGS = st.from_regex(r"[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,3}", fullmatch=True)


def test_renaming_a_domaine_and_changing_its_slug_keeps_its_uri(client):
    french = domaine("ressources-humaines")
    uri = concept_uri("domaines", french.translation_key)

    @settings(
        max_examples=15,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(nom=NAMES, nom_en=NAMES, slug=SLUGS)
    def renamed(nom, nom_en, slug):
        with transaction.atomic():
            Domaine.objects.filter(translation_key=french.translation_key).update(slug=slug)
            Domaine.objects.filter(pk=french.pk).update(nom=nom)
            Domaine.objects.filter(
                translation_key=french.translation_key, locale__language_code="en"
            ).update(nom=nom_en)

            graph = graph_of(client, path(uri))
            scheme = graph_of(client, "/vocabulaires/domaines/")
            transaction.set_rollback(True)

        assert labels(graph, uri) == {("fr", nom), ("en", nom_en)}
        assert labels(scheme, uri) == {("fr", nom), ("en", nom_en)}

    renamed()


def test_a_scheme_costs_the_same_queries_whatever_its_size(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/vocabulaires/domaines/").status_code == 200
        return len(captured)

    before = queries()
    locale = domaine("ressources-humaines").locale
    Domaine.objects.bulk_create(
        Domaine(nom=f"Domaine {n}", slug=f"domaine-{n}", locale=locale) for n in range(40)
    )

    assert queries() == before <= 2
    concepts = set(graph_of(client, "/vocabulaires/domaines/").subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == Domaine.objects.values("translation_key").distinct().count()


def test_only_terms_are_published_never_content(client, site_tree):
    """The vocabularies read the classification only: no draft, no fiche in moderation, no
    private page, no structure or registration ever shows in them."""
    home, index = site_tree
    GuidePageFactory(parent=index, title="Brouillonzorg", live=False)
    private = GuidePageFactory(parent=index, title="Privezorg")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    get_or_create_fiche_index(home)
    author = contributor(email="zorg@asso.example")
    structure = StructureFactory(nom="Structurezorg", membres=[author])
    submit(draft(structure, author, title="Modérationzorg"), author)
    assert not FichePage.objects.get(title="Modérationzorg").live

    urls = ["/vocabulaires/", *(f"/vocabulaires/{s}/" for s in SCHEMES)]
    urls += [f"/vocabulaires/{s}.jsonld" for s in SCHEMES]
    for url in urls:
        assert "zorg" not in client.get(url).text.lower()


def head_links(response):
    assert response.status_code == 200
    soup = markup.soup(response.content.decode())
    return {(link["property"], link["href"]) for link in soup.head.select("link[property]")}


def test_a_ressource_page_links_the_terms_it_uses(client, site_tree):
    _home, index = site_tree
    rh, benevoles = domaine("ressources-humaines"), public("benevoles")
    guide = GuidePageFactory(parent=index, domaines=[rh], publics=[benevoles], niveau="avance")

    links = head_links(client.get(guide.url))

    assert links == {
        ("dcterms:subject", str(concept_uri("domaines", rh.translation_key))),
        ("dcterms:audience", str(concept_uri("publics", benevoles.translation_key))),
        ("dcterms:educationLevel", str(concept_uri("niveaux", "avance"))),
    }


def test_a_renamed_domaine_keeps_the_link_of_the_pages_that_use_it(client, site_tree):
    _home, index = site_tree
    rh = domaine("ressources-humaines")
    guide = GuidePageFactory(parent=index, domaines=[rh])
    before = head_links(client.get(guide.url))

    Domaine.objects.filter(translation_key=rh.translation_key).update(slug="rh", nom="RH")

    assert head_links(client.get(guide.url)) == before


def test_a_domaine_page_and_a_structure_page_link_their_terms(client, site_tree):
    rh = domaine("ressources-humaines")
    structure = StructureFactory(type_structure="scic", departement="2B")

    domaine_page = head_links(client.get("/fr/domaines/ressources-humaines/"))
    structure_page = head_links(client.get(f"/fr/structures/{structure.slug}/"))

    assert domaine_page == {("dcterms:subject", str(concept_uri("domaines", rh.translation_key)))}
    assert structure_page == {
        ("dcterms:type", str(concept_uri("types-structure", "scic"))),
        ("dcterms:spatial", str(concept_uri("territoires", "departement-2B"))),
    }


def test_a_fiche_page_links_the_terms_it_uses(client, site_tree):
    home, _index = site_tree
    get_or_create_fiche_index(home)
    author = contributor()
    fiche = published(StructureFactory(membres=[author]), author)
    rh = domaine("ressources-humaines")

    links = head_links(client.get(fiche.url))

    assert ("dcterms:subject", str(concept_uri("domaines", rh.translation_key))) in links
    assert ("dcterms:educationLevel", str(concept_uri("niveaux", "debutant"))) in links
