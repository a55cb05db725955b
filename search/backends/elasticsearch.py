"""Wagtail's Elasticsearch 9 backend, with French analysis and the editors' synonyms.

Text is analysed as PostgreSQL's ``entraide_fr`` configuration does: elisions out (« l' »,
« d' », « qu' »…), lower case, accents folded, Snowball's French stemmer (the one PostgreSQL
and ``search.analysis.stem`` use, so « recruter » meets « recrutement » on every engine).

The synonyms (``search.models.Synonyme``, language « fr ») are a ``synonym_graph`` filter of
the *search* analyser only: it is the filter that handles multi-word synonyms (« RH » ↔
« ressources humaines ») correctly, and it is meant for search analysers only. The
documents keep their own words, so term statistics stay true and changing a synonym never
needs the documents re-analysed. The synonyms are read from the database when an index is
created (``update_index``), never at import time: a synonym edited in the admin reaches
Elasticsearch at the next ``update_index``. ``search.requetes`` also expands the synonyms
in the query itself, so a new synonym works before that.
"""

from copy import deepcopy

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)
from modelsearch.utils import deep_update

from search.models import Synonyme

INDEX_ANALYZER = "francais"
SEARCH_ANALYZER = "francais_recherche"
AUTOCOMPLETE_SEARCH_ANALYZER = "autocomplete_recherche"
SYNONYM_FILTER = "synonymes_fr"
# Terms aggregations return 10 buckets unless told otherwise; the database backend counts
# every value, and there are 101 départements.
FACET_SIZE = 500

# Lucene's French elision list (the one of Elasticsearch's own ``french`` analyser).
ARTICLES = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]

ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "elision_fr": {"type": "elision", "articles_case": True, "articles": ARTICLES},
                "stemmer_fr": {"type": "stemmer", "language": "french"},
            },
            "analyzer": {
                INDEX_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["elision_fr", "lowercase", "asciifolding", "stemmer_fr"],
                },
                # The same, and the synonyms at the end when there are some (see
                # ``get_index_settings``): Elasticsearch reads the rules through the filters
                # before them, so « ressource humaine » triggers the rule written
                # « ressources humaines », and what a rule adds is already stemmed.
                SEARCH_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["elision_fr", "lowercase", "asciifolding", "stemmer_fr"],
                },
                # modelsearch's own edge n-grams, elisions out first: « l'association »
                # starts with « asso ».
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["elision_fr", "asciifolding", "lowercase", "edgengram"],
                },
                # What is typed in the box, folded like the edge n-grams (modelsearch
                # searches them with ``standard``, which keeps the accents: « béné » would
                # not find « bénévole »).
                AUTOCOMPLETE_SEARCH_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["elision_fr", "lowercase", "asciifolding"],
                },
            },
        }
    }
}


def synonym_rules(language="fr"):
    """One Solr-format rule per ``Synonyme`` row: « RH, ressources humaines »."""
    rules = []
    for synonyme in Synonyme.objects.filter(locale__language_code=language).order_by("pk"):
        expressions = [_plain(expression) for expression in synonyme.liste()]
        expressions = [expression for expression in expressions if expression]
        if len(expressions) > 1:
            rules.append(", ".join(expressions))
    return rules


def _plain(expression):
    """An expression without the characters of the rule syntax (``=>``, ``\\``, ``#``)."""
    return " ".join(expression.replace("=>", " ").replace("\\", " ").replace("#", " ").split())


class FrenchMapping(Elasticsearch9Mapping):
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": AUTOCOMPLETE_SEARCH_ANALYZER,
    }

    def get_mapping(self):
        mapping = super().get_mapping()
        _use_french(mapping["properties"])
        return mapping


def _use_french(properties):
    """Every text property without an analyser of its own (the search fields and the
    ``_all_text*`` fields that queries actually search) gets the French analysers."""
    for definition in properties.values():
        if definition.get("type") == "text" and "analyzer" not in definition:
            definition["analyzer"] = INDEX_ANALYZER
            definition["search_analyzer"] = SEARCH_ANALYZER
        if "properties" in definition:
            _use_french(definition["properties"])


class FrenchIndex(Elasticsearch9Index):
    def put(self):
        self.es.indices.create(index=self.name, **self.backend.get_index_settings())


class FrenchSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = FrenchMapping


class FrenchAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = FrenchMapping


class FrenchSearchResults(Elasticsearch9SearchResults):
    def _backend_do_search(self, body, **kwargs):
        for aggregation in body.get("aggregations", {}).values():
            if "terms" in aggregation:
                aggregation["terms"].setdefault("size", FACET_SIZE)
        return super()._backend_do_search(body, **kwargs)


class FrenchSearchBackend(Elasticsearch9SearchBackend):
    mapping_class = FrenchMapping
    index_class = FrenchIndex
    query_compiler_class = FrenchSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchAutocompleteQueryCompiler
    results_class = FrenchSearchResults
    settings = deep_update(deepcopy(Elasticsearch9SearchBackend.settings), ANALYSIS)

    def get_index_settings(self):
        """The settings of a new index: the analysers, with today's synonyms (none at all
        when there are none: Elasticsearch refuses a synonym filter without synonyms)."""
        settings = deepcopy(self.settings)
        analysis = settings["settings"]["analysis"]
        rules = synonym_rules("fr")
        if rules:
            analysis["filter"][SYNONYM_FILTER] = {
                "type": "synonym_graph",
                "synonyms": rules,
                # A rule the analyser cannot read is skipped rather than failing the index.
                "lenient": True,
            }
            analysis["analyzer"][SEARCH_ANALYZER]["filter"].append(SYNONYM_FILTER)
        return settings


SearchBackend = FrenchSearchBackend
