"""The shared classification as SKOS concept schemes (issue 17): domaines, publics, niveaux,
structure types and territories, built as rdflib graphs and served in Turtle and JSON-LD.

A concept's URI is ``<site>/vocabulaires/<schema>/<identifiant>/`` and never changes when an
editor edits a term, because its identifiant is what editors cannot touch:

- domaines, publics: the term's ``translation_key``, the UUID Wagtail gives a term when it is
  created and that its French and English versions share (not the name, not the slug);
- niveaux, types-structure: the code stored in pages and structures (a ``TextChoices`` value,
  which only a data migration could change);
- territoires: ``departement-<INSEE code>``, ``region-<INSEE code>``, ``national``, ``en-ligne``.

``<site>`` is ``WAGTAILADMIN_BASE_URL``, the site's canonical address, never the request's
host: the same term has the same URI whichever address it was asked from.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from ressources.models.taxonomy import Domaine, Niveau, Public
from ressources.territoires import DEPARTEMENTS, EN_LIGNE, NATIONAL, TERRITOIRE_CHOICES
from structures.models import TypeStructure

from .regions import REGION_OF, REGIONS

LANGUES = ("fr", "en")
JSON_LD_CONTEXT = {"skos": str(SKOS), "dcterms": str(DCTERMS)}


@dataclass
class Concept:
    identifiant: str
    labels: dict  # language code → label
    definitions: dict = field(default_factory=dict)
    notation: str = ""
    broader: str = ""  # identifiant of the broader concept, in the same scheme


def taxons(model):
    """The terms of a translatable snippet, one concept per ``translation_key`` (one query).
    Every saved term is live: the snippets have no draft state."""
    rows = (
        model.objects.filter(locale__language_code__in=LANGUES)
        .order_by("ordre", "nom", "pk")
        .values_list("translation_key", "locale__language_code", "nom", "description")
    )
    concepts = {}
    for key, langue, nom, description in rows:
        concept = concepts.setdefault(str(key), Concept(str(key), {}))
        concept.labels[langue] = nom
        if description:
            concept.definitions[langue] = description
    return list(concepts.values())


def in_each_language(label):
    labels = {}
    for langue in LANGUES:
        with translation.override(langue):
            labels[langue] = str(label)
    return labels


def codes(choices):
    return [
        Concept(value, in_each_language(label), notation=value) for value, label in choices.choices
    ]


def territoires():
    """France, its régions and départements (proper names, the same in both languages), and
    « en ligne »."""
    libelles = dict(TERRITOIRE_CHOICES)
    concepts = [
        Concept(NATIONAL, in_each_language(libelles[NATIONAL])),
        Concept(EN_LIGNE, in_each_language(libelles[EN_LIGNE])),
    ]
    for code, (nom, _departements) in REGIONS.items():
        concepts.append(
            Concept(f"region-{code}", dict.fromkeys(LANGUES, nom), notation=code, broader=NATIONAL)
        )
    for code, nom in DEPARTEMENTS:
        region = REGION_OF.get(code)
        concepts.append(
            Concept(
                f"departement-{code}",
                dict.fromkeys(LANGUES, nom),
                notation=code,
                broader=f"region-{region}" if region else NATIONAL,
            )
        )
    return concepts


# Scheme (its URL segment) → its labels and how to read its concepts.
SCHEMAS = {
    "domaines": ({"fr": "Domaines", "en": "Domains"}, lambda: taxons(Domaine)),
    "publics": ({"fr": "Publics", "en": "Audiences"}, lambda: taxons(Public)),
    "niveaux": ({"fr": "Niveaux", "en": "Levels"}, lambda: codes(Niveau)),
    "types-structure": (
        {"fr": "Types de structure", "en": "Types of organisation"},
        lambda: codes(TypeStructure),
    ),
    "territoires": ({"fr": "Territoires", "en": "Territories"}, territoires),
}


def absolute(path):
    return URIRef(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path)


def schema_uri(schema):
    return absolute(reverse("vocabulaire", args=[schema]))


def concept_uri(schema, identifiant):
    return absolute(reverse("vocabulaire_concept", args=[schema, identifiant]))


def new_graph():
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dcterms", DCTERMS)
    return graph


def describe_schema(graph, schema):
    uri = schema_uri(schema)
    graph.add((uri, RDF.type, SKOS.ConceptScheme))
    for langue, label in SCHEMAS[schema][0].items():
        graph.add((uri, SKOS.prefLabel, Literal(label, lang=langue)))
    return uri


def add_concept(graph, schema, concept):
    uri = concept_uri(schema, concept.identifiant)
    scheme = schema_uri(schema)
    graph.add((uri, RDF.type, SKOS.Concept))
    graph.add((uri, SKOS.inScheme, scheme))
    for langue, label in concept.labels.items():
        graph.add((uri, SKOS.prefLabel, Literal(label, lang=langue)))
    for langue, definition in concept.definitions.items():
        graph.add((uri, SKOS.definition, Literal(definition, lang=langue)))
    if concept.notation:
        graph.add((uri, SKOS.notation, Literal(concept.notation)))
    if concept.broader:
        broader = concept_uri(schema, concept.broader)
        graph.add((uri, SKOS.broader, broader))
        graph.add((broader, SKOS.narrower, uri))
    else:
        graph.add((uri, SKOS.topConceptOf, scheme))
        graph.add((scheme, SKOS.hasTopConcept, uri))


def schema_graph(schema):
    """The whole scheme: its concepts, their labels and hierarchy."""
    graph = new_graph()
    describe_schema(graph, schema)
    for concept in SCHEMAS[schema][1]():
        add_concept(graph, schema, concept)
    return graph


def concept_graph(schema, identifiant):
    """What the scheme says about one concept (and the scheme's own labels), or None when the
    scheme has no such concept."""
    whole = schema_graph(schema)
    uri = concept_uri(schema, identifiant)
    if (uri, RDF.type, SKOS.Concept) not in whole:
        return None
    graph = new_graph()
    describe_schema(graph, schema)
    for triple in whole.triples((uri, None, None)):
        graph.add(triple)
    return graph


def catalogue_graph():
    """The list of the schemes, for /vocabulaires/."""
    graph = new_graph()
    for schema in SCHEMAS:
        describe_schema(graph, schema)
    return graph


def serialize(graph, extension):
    if extension == "jsonld":
        return graph.serialize(format="json-ld", context=JSON_LD_CONTEXT, auto_compact=True)
    return graph.serialize(format="turtle")
