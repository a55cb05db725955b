"""Elasticsearch with a French analyser: what ``search.backends.elasticsearch`` sends.

No Elasticsearch server runs here: the backend is built with an address nobody answers at
(building it connects to nothing) and the tests read the index settings, the mapping, the
documents and the query bodies it would send. The tests at the end talk to a real server and
run only when ``ELASTICSEARCH_URL`` is set; they use their own throwaway indexes.
"""

import datetime
import os
import uuid
from unittest import mock

import pytest
from django.core.management import call_command
from django.test.utils import override_settings
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from ressources.models import GuidePage
from search import moteur, requetes
from search.backends.elasticsearch import (
    FACET_SIZE,
    INDEX_ANALYZER,
    SEARCH_ANALYZER,
    FrenchSearchBackend,
)
from search.engines.wagtail import WagtailEngine
from search.models import Entree, Synonyme
from tests.factories import GuidePageFactory, domaine, public
from tests.search import corpus

pytestmark = pytest.mark.django_db

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
NOW = datetime.datetime(2030, 1, 15, 12, 0, tzinfo=datetime.UTC)
# The synonyms the issue starts with (search/migrations/0003).
SEEDED_RULES = {
    "RH, ressources humaines",
    "AG, assemblée générale",
    "CA, conseil d'administration",
    "asso, association",
    "subvention, financement public",
    "mécénat, fundraising",
    "IAE, insertion par l'activité économique",
}
# The fields a query searches, and their boosts (``Entree.search_fields``).
BOOSTED_FIELDS = {
    "_all_text": None,
    "_all_text_boost_4_0": 4.0,
    "_all_text_boost_2_0": 2.0,
    "_all_text_boost_1_5": 1.5,
}


@pytest.fixture(scope="module", autouse=True)
def throwaway_indexes():
    """With ``ELASTICSEARCH_URL`` set, this module's search backend writes to indexes of its
    own, deleted at the end, and saving a page indexes nothing: a developer's indexes on the
    same server are never touched."""
    if not ELASTICSEARCH_URL:
        yield None
        return
    prefix = f"entraide_test_{uuid.uuid4().hex[:8]}_"
    backends = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 30,
            "AUTO_UPDATE": False,
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends, PUBLIC_SEARCH_ENGINE="elasticsearch"):
        backend = get_search_backend()
        try:
            yield prefix
        finally:
            for name in backend.es.indices.get(index=f"{prefix}*"):
                backend.es.indices.delete(index=name)


@pytest.fixture(scope="module")
def contenu(module_transaction):
    """The search tests' corpus and its search entries; its statuts guide."""
    with module_transaction.unblock():
        return corpus.build().pages["statuts"]


def offline_backend():
    """The backend as settings build it, pointed at an address nobody answers at."""
    return FrenchSearchBackend({"URLS": ["http://elasticsearch.invalid:9200"], "TIMEOUT": 1})


def french():
    return Locale.objects.get(language_code="fr")


def english():
    return Locale.objects.get(language_code="en")


def analysis(settings):
    return settings["settings"]["analysis"]


# Index settings


def test_index_analyser_elides_lowercases_folds_accents_and_stems_in_french():
    settings = analysis(offline_backend().get_index_settings())

    chain = settings["analyzer"][INDEX_ANALYZER]
    assert chain["tokenizer"] == "standard"
    assert chain["filter"] == ["elision_fr", "lowercase", "asciifolding", "stemmer_fr"]
    elision = settings["filter"]["elision_fr"]
    assert elision["type"] == "elision"
    assert elision["articles_case"] is True
    assert {"l", "d", "qu", "j", "n", "s", "jusqu", "lorsqu"} <= set(elision["articles"])
    assert settings["filter"]["stemmer_fr"] == {"type": "stemmer", "language": "french"}


def test_search_analyser_adds_the_editors_synonyms_as_a_graph():
    settings = analysis(offline_backend().get_index_settings())

    chain = settings["analyzer"][SEARCH_ANALYZER]["filter"]
    assert chain == ["elision_fr", "lowercase", "asciifolding", "stemmer_fr", "synonymes_fr"]
    synonyms = settings["filter"]["synonymes_fr"]
    assert synonyms["type"] == "synonym_graph"
    assert set(synonyms["synonyms"]) == {
        ", ".join(synonyme.liste())
        for synonyme in Synonyme.objects.filter(locale__language_code="fr")
    }
    assert set(synonyms["synonyms"]) >= SEEDED_RULES


def test_synonyms_are_read_from_the_database_when_the_index_is_created():
    backend = offline_backend()
    Synonyme.objects.create(locale=french(), expressions="ESS, économie sociale et solidaire")
    Synonyme.objects.create(locale=english(), expressions="NGO, non-profit")
    Synonyme.objects.create(locale=french(), expressions="seul")  # nothing to be synonym of
    backend.es = mock.Mock()

    backend.get_index_for_model(Entree).put()

    (created,) = backend.es.indices.create.call_args_list
    assert created.kwargs["index"] == "search_entree"
    rules = created.kwargs["settings"]["analysis"]["filter"]["synonymes_fr"]["synonyms"]
    assert "ESS, économie sociale et solidaire" in rules
    assert not any("NGO" in rule or "seul" in rule for rule in rules)


def test_without_synonyms_the_index_can_still_be_created():
    Synonyme.objects.all().delete()

    settings = analysis(offline_backend().get_index_settings())

    assert "synonymes_fr" not in settings["filter"]
    assert "synonymes_fr" not in settings["analyzer"][SEARCH_ANALYZER]["filter"]


def test_rule_syntax_typed_by_an_editor_cannot_break_the_rules():
    Synonyme.objects.all().delete()
    Synonyme.objects.create(locale=french(), expressions="CAC => commissaire, \\aux comptes")

    rules = analysis(offline_backend().get_index_settings())["filter"]["synonymes_fr"]

    assert rules["synonyms"] == ["CAC commissaire, aux comptes"]
    assert rules["lenient"] is True


def test_autocomplete_keeps_modelsearch_edge_ngrams_with_elisions_and_folding():
    settings = analysis(offline_backend().get_index_settings())

    assert settings["analyzer"]["edgengram_analyzer"]["filter"] == [
        "elision_fr",
        "asciifolding",
        "lowercase",
        "edgengram",
    ]
    assert settings["analyzer"]["autocomplete_recherche"]["filter"] == [
        "elision_fr",
        "lowercase",
        "asciifolding",
    ]


# Mapping and documents


def entree_mapping():
    backend = offline_backend()
    return backend.mapping_class(Entree).get_mapping()["properties"]


def test_every_searched_text_field_uses_the_french_analysers():
    properties = entree_mapping()

    searched = ["title", "chapo", "taxons", "structure", "texte", *BOOSTED_FIELDS]
    for name in searched:
        assert properties[name]["type"] == "text", name
        assert properties[name]["analyzer"] == INDEX_ANALYZER, name
        assert properties[name]["search_analyzer"] == SEARCH_ANALYZER, name


def test_the_text_of_related_fields_of_any_page_is_analysed_in_french_too():
    """Pages are indexed for the admin's search with their domaines' names nested: those get
    the French analysers as well, and the fields modelsearch gives its own analyser keep it."""
    properties = offline_backend().mapping_class(GuidePage).get_mapping()["properties"]

    (domaines,) = [value for name, value in properties.items() if name.endswith("__domaines")]
    nested = domaines["properties"]["nom"]
    assert (nested["analyzer"], nested["search_analyzer"]) == (INDEX_ANALYZER, SEARCH_ANALYZER)
    assert properties["title_edgengrams"]["analyzer"] == "edgengram_analyzer"


def test_autocomplete_fields_use_edge_ngrams():
    properties = entree_mapping()

    for name in ("title_edgengrams", "_edgengrams"):
        assert properties[name]["analyzer"] == "edgengram_analyzer"
        assert properties[name]["search_analyzer"] == "autocomplete_recherche"


def test_every_analyser_of_the_mapping_is_defined_in_the_index_settings():
    defined = set(analysis(offline_backend().get_index_settings())["analyzer"])

    used = {
        definition[key]
        for definition in entree_mapping().values()
        for key in ("analyzer", "search_analyzer")
        if key in definition
    }
    assert used <= defined


def test_update_index_builds_every_index_with_the_french_analysis(contenu, settings):
    """``update_index`` against a recording client: each index created with today's
    synonyms, the French mapping put, the entries sent with their term ids."""
    settings.PUBLIC_SEARCH_ENGINE = "elasticsearch"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": ["http://elasticsearch.invalid:9200"],
            "INDEX_PREFIX": "essai_",
            "AUTO_UPDATE": False,
        }
    }
    client, sent = mock.MagicMock(), []
    Synonyme.objects.create(locale=french(), expressions="ESS, économie sociale et solidaire")

    with (
        mock.patch.object(FrenchSearchBackend, "client_class", return_value=client),
        mock.patch.object(
            FrenchSearchBackend,
            "bulk",
            side_effect=lambda es, actions, index: sent.extend((index, a) for a in actions),
        ),
    ):
        call_command("update_index", backend_name="default", verbosity=0)

    created = {call.kwargs["index"]: call.kwargs for call in client.indices.create.mock_calls}
    (entree_index,) = [name for name in created if name.startswith("essai_search_entree_")]
    assert len(created) > 1  # pages, images, documents… get the French analysis too
    for request in created.values():
        synonyms = request["settings"]["analysis"]["filter"]["synonymes_fr"]["synonyms"]
        assert "ESS, économie sociale et solidaire" in synonyms
    mappings = {call.kwargs["index"]: call.kwargs for call in client.indices.put_mapping.mock_calls}
    title = mappings[entree_index]["properties"]["title"]
    assert (title["analyzer"], title["search_analyzer"]) == (INDEX_ANALYZER, SEARCH_ANALYZER)
    documents = {action["_id"]: action for index, action in sent if index == entree_index}
    assert set(documents) == {str(pk) for pk in Entree.objects.values_list("pk", flat=True)}
    statuts_domaines = [domaine("juridique-statuts"), domaine("gouvernance-vie-associative")]
    entree_du_contenu = Entree.objects.get(page=contenu).pk
    assert sorted(documents[str(entree_du_contenu)]["domaines_filter"]) == sorted(
        terme.pk for terme in statuts_domaines
    )
    client.indices.put_alias.assert_any_call(name="essai_search_entree", index=entree_index)


def test_a_publication_reaches_elasticsearch_at_once_and_leaves_it_when_unpublished(
    contenu, settings
):
    """The entries are written to Elasticsearch by the public search's engine (Wagtail's
    signal handlers leave them alone): the entry as written, its domaines with it."""
    settings.PUBLIC_SEARCH_ENGINE = "elasticsearch"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": ["http://elasticsearch.invalid:9200"],
        }
    }
    page = GuidePageFactory(
        parent=contenu.get_parent(),
        title="Mécénat de compétences",
        domaines=[domaine("juridique-statuts")],
        live=False,
    )
    added, deleted = [], []

    with (
        mock.patch.object(
            FrenchSearchBackend, "add_bulk", lambda self, model, objs: added.extend(objs)
        ),
        mock.patch.object(FrenchSearchBackend, "delete", lambda self, obj: deleted.append(obj)),
    ):
        page.save_revision().publish()
        (entree,) = added
        assert (entree.page_id, entree.title) == (page.pk, "Mécénat de compétences")
        assert [d.slug for d in entree.domaines.all()] == ["juridique-statuts"]

        page.refresh_from_db()
        page.unpublish()

    assert [entry.pk for entry in deleted] == [entree.pk]


# Queries


def body_for(text, filters, sort="pertinence"):
    entries = moteur.candidates(french(), filters, now=NOW)
    if sort == "date":
        entries = entries.order_by("-date")
    query = requetes.parse(text).query("and")
    results = offline_backend().search(query, entries, order_by_relevance=sort != "date")
    return results._get_es_body()


def matches(clause):
    """Every ``match`` clause of a query body, as (field, words, operator, boost)."""
    if isinstance(clause, dict):
        for key, value in clause.items():
            if key == "match":
                ((field, options),) = value.items()
                yield field, options["query"], options.get("operator"), options.get("boost")
            else:
                yield from matches(value)
    elif isinstance(clause, list):
        for item in clause:
            yield from matches(item)


def test_french_query_body_matches_every_concept_on_every_weighted_field(contenu):
    body = body_for("statuts asso", moteur.Filters(domaine="juridique-statuts"))

    per_field = body["query"]["bool"]["must"]["dis_max"]["queries"]
    assert len(per_field) == len(BOOSTED_FIELDS)
    assert set(matches(body["query"]["bool"]["must"])) == {
        (field, word, "and", boost)
        for field, boost in BOOSTED_FIELDS.items()
        for word in ("statuts", "asso", "association")
    }
    # « statuts » AND (« asso » OR its synonym « association »)
    (all_text,) = [q for q in per_field if "_all_text" in q["bool"]["must"][0]["match"]]
    statuts, asso = all_text["bool"]["must"]
    assert statuts == {"match": {"_all_text": {"query": "statuts", "operator": "and"}}}
    assert asso == {
        "bool": {
            "should": [
                {"match": {"_all_text": {"query": "asso", "operator": "and"}}},
                {"match": {"_all_text": {"query": "association", "operator": "and"}}},
            ]
        }
    }


def test_french_query_body_filters_language_upcoming_and_domaine_with_a_list_of_ids(contenu):
    tagged = sorted(
        Entree.objects.filter(domaines__slug="juridique-statuts").values_list("pk", flat=True)
    )
    # The statuts guide, its English translation (which keeps its terms) and the statuts fiche.
    assert Entree.objects.get(page=contenu).pk in tagged and len(tagged) == 3

    body = body_for("statuts asso", moteur.Filters(domaine="juridique-statuts"))

    content_type, filters = body["query"]["bool"]["filter"]
    assert content_type == {"match": {"_django_content_type": "search.Entree"}}
    locale, upcoming, domaines = filters["bool"]["must"]
    assert locale == {"term": {"locale_id_filter": french().pk}}
    assert upcoming == {
        "bool": {
            "should": [
                {"bool": {"must_not": {"exists": {"field": "fin_filter"}}}},
                {"range": {"fin_filter": {"gt": NOW}}},
            ]
        }
    }
    (ids,) = domaines["terms"].values()
    assert list(domaines["terms"]) == ["id_filter"]
    assert isinstance(ids, list)
    assert sorted(ids) == tagged


def test_every_facet_filter_becomes_an_exact_filter(contenu):
    filters = moteur.Filters(
        type="fiche", departement="69", domaine="juridique-statuts", public="inconnu"
    )

    body = body_for("statuts", filters)

    clauses = body["query"]["bool"]["filter"][1]["bool"]["must"]
    assert {"term": {"type_filter": "fiche"}} in clauses
    assert {"term": {"departement_filter": "69"}} in clauses
    terms = [clause["terms"]["id_filter"] for clause in clauses if "terms" in clause]
    assert len(terms) == 2
    assert terms[1] == []  # nothing tagged « inconnu »: matches nothing, no error


def test_sort_by_date_sorts_on_the_date_filter_field(contenu):
    body = body_for("statuts", moteur.Filters(), sort="date")

    assert body["sort"] == [{"date_filter": "desc"}]


def test_facets_count_types_terms_and_departements_from_aggregations(contenu, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": ["http://elasticsearch.invalid:9200"],
        }
    }
    buckets = {
        "type": [{"key": "guide", "doc_count": 2}, {"key": "atelier", "doc_count": 1}],
        "domaines": [
            {"key": domaine("juridique-statuts").pk, "doc_count": 2},
            {"key": 0, "doc_count": 1},  # entries without a domaine ("missing": 0)
        ],
        "publics": [{"key": public("dirigeants-benevoles").pk, "doc_count": 1}],
        "departement": [{"key": "69", "doc_count": 1}, {"key": "", "doc_count": 2}],
    }
    sent = []

    def search(**request):
        sent.append(request)
        (name,) = request["aggregations"]
        return {"aggregations": {name: {"buckets": buckets[name]}}}

    client = mock.Mock(
        search=mock.Mock(side_effect=search), count=mock.Mock(return_value={"count": 3})
    )
    entries = moteur.candidates(french(), moteur.Filters(), now=NOW)

    with mock.patch.object(FrenchSearchBackend, "client_class", return_value=client):
        counted = WagtailEngine().tally(entries, requetes.parse("statuts"), "and", moteur.FACETS)
    facets = moteur.facets(counted.facets, moteur.Filters(domaine="juridique-statuts"))

    assert counted.count == 3

    assert [(f.value, f.count) for f in facets["type"]] == [("guide", 2), ("atelier", 1)]
    assert [(f.value, f.count, f.selected) for f in facets["domaine"]] == [
        ("juridique-statuts", 2, True)
    ]
    assert [(f.value, f.count) for f in facets["public"]] == [("dirigeants-benevoles", 1)]
    assert [(f.value, f.count) for f in facets["departement"]] == [("69", 1)]
    aggregations = {
        name: aggregation["terms"]
        for request in sent
        for name, aggregation in request["aggregations"].items()
    }
    assert aggregations["domaines"]["field"] == "domaines_filter"
    assert aggregations["departement"]["field"] == "departement_filter"
    assert all(terms["size"] == FACET_SIZE for terms in aggregations.values())
    assert all(request["size"] == 0 for request in sent)


def test_a_results_page_goes_through_the_elasticsearch_backend(contenu, settings):
    """``moteur.search`` with this backend as the default one, against a client that
    answers one hit: a count, one page of hits read back from the database, the facets."""
    settings.PUBLIC_SEARCH_ENGINE = "elasticsearch"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": ["http://elasticsearch.invalid:9200"],
        }
    }
    sent = []

    def search(**request):
        sent.append(request)
        if "aggregations" in request:
            (name,) = request["aggregations"]
            buckets = [{"key": "guide", "doc_count": 1}] if name == "type" else []
            return {"aggregations": {name: {"buckets": buckets}}}
        entree = Entree.objects.get(page=contenu)
        return {"hits": {"hits": [{"fields": {"pk": [str(entree.pk)]}, "_score": 3.2}]}}

    client = mock.MagicMock()
    client.count.return_value = {"count": 1}
    client.search.side_effect = search

    with mock.patch.object(FrenchSearchBackend, "client_class", return_value=client):
        results = moteur.search(requetes.parse("statuts"), french(), moteur.Filters())

    assert results.count == 1
    assert [entree.page_id for entree in results.page.object_list] == [contenu.pk]
    assert [(f.value, f.count) for f in results.facets["type"]] == [("guide", 1)]
    (page,) = [request for request in sent if "aggregations" not in request]
    # One hit counted: the paginator asks for that one only, from the first.
    assert (page["index"], page["from_"], page["size"]) == ("search_entree", 0, 1)
    assert client.count.call_args.kwargs["index"] == "search_entree"


def test_settings_use_this_backend_when_elasticsearch_url_is_set():
    import importlib

    from entraide.settings import base, env

    with mock.patch.object(env, "ELASTICSEARCH_URL", "http://search.example:9200"):
        reloaded = importlib.reload(base)
    try:
        config = reloaded.WAGTAILSEARCH_BACKENDS["default"]
        assert config["BACKEND"] == "search.backends.elasticsearch"
        assert config["URLS"] == ["http://search.example:9200"]
        assert config["INDEX_PREFIX"]
        assert config["TIMEOUT"] == 10
        assert reloaded.PUBLIC_SEARCH_ENGINE == "elasticsearch"
    finally:
        importlib.reload(base)


# Against a real server: ELASTICSEARCH_URL=http://localhost:9200


live = pytest.mark.skipif(not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set")


@pytest.fixture(scope="module")
def elasticsearch(throwaway_indexes, contenu, module_transaction):
    """The real ``update_index``, into the module's throwaway indexes."""
    with module_transaction.unblock():
        call_command("update_index", backend_name="default", verbosity=0)
    return get_search_backend()


def live_titles(text, **filters):
    results = moteur.search(requetes.parse(text), french(), moteur.Filters(**filters))
    return [entree.title for entree in results.page.object_list]


def tokens(backend, analyzer, text):
    index = backend.get_index_for_model(Entree).name
    analysed = backend.es.indices.analyze(index=index, analyzer=analyzer, text=text)
    return {token["token"] for token in analysed["tokens"]}


@live
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("benevole", "Accueillir des bénévoles"),
        ("statut", "Rédiger les statuts d'une association"),
        ("l'association", "Rédiger les statuts d'une association"),
        ("RH", "Embaucher son premier salarié"),
    ],
)
def test_live_french_as_people_type_it(elasticsearch, typed, expected):
    assert expected in live_titles(typed)[:3]


@live
def test_live_synonyms_work_in_elasticsearch_itself(elasticsearch):
    """« RH » as a bare query, without the expansion ``search.requetes`` does."""
    entries = Entree.objects.filter(locale=french())

    found = [entree.title for entree in elasticsearch.search(PlainText("RH"), entries)]

    assert "Embaucher son premier salarié" in found
    assert tokens(elasticsearch, SEARCH_ANALYZER, "RH") >= tokens(
        elasticsearch, INDEX_ANALYZER, "ressources humaines"
    )
    assert tokens(elasticsearch, INDEX_ANALYZER, "Bénévoles") == tokens(
        elasticsearch, INDEX_ANALYZER, "benevole"
    )


@live
def test_live_filters_and_facets(elasticsearch):
    results = moteur.search(requetes.parse("statuts"), french(), moteur.Filters())
    facets = {name: {f.value: f.count for f in values} for name, values in results.facets.items()}

    assert results.count == 3
    assert facets["type"] == {"guide": 1, "fiche": 1, "atelier": 1}
    assert facets["domaine"]["juridique-statuts"] == 2
    assert facets["departement"] == {"69": 1}
    assert live_titles("statuts", domaine="juridique-statuts", type="fiche") == [
        "Nos statuts réécrits en un week-end"
    ]


@live
def test_live_autocomplete_folds_accents(elasticsearch):
    entries = Entree.objects.filter(locale=french())

    found = [entree.title for entree in elasticsearch.autocomplete("béné", entries)]

    assert "Accueillir des bénévoles" in found
