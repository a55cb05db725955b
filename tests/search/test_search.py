"""/fr/recherche/: what people type finds what they need, and nothing else.

French as people write it (plurals, verb forms, no accents, elisions, abbreviations and the
synonyms editors keep), the four kinds of content together, facets, bad input, and what the
index may never hold (drafts, private pages, past or cancelled workshops)."""

from collections import Counter

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.models import IndexEntry

from inventaire import search_log
from inventaire.models import RechercheDuJour
from search import analysis, moteur, requetes, results_cache
from search.engines import Engine, engine
from search.models import Entree, Synonyme
from tests.evenements.helpers import in_days
from tests.factories import GuidePageFactory, domaine, public
from tests.markup import result_count, texts
from tests.search import corpus
from tests.search.helpers import index_everything

pytestmark = pytest.mark.django_db

URL = "/fr/recherche/"
STATUTS = {"statuts", "fiche-statuts", "atelier-statuts"}  # a guide, a fiche, a workshop: titled so


@pytest.fixture(scope="module")
def contenu(module_transaction):
    with module_transaction.unblock():
        return corpus.build()


def titles(text, language="fr", **filters):
    locale = Locale.objects.get(language_code=language)
    results = moteur.search(
        requetes.parse(text, language), locale, moteur.Filters(**filters), per_page=50
    )
    return [entree.title for entree in results.page.object_list]


def slugs_found(client, text, **params):
    response = client.get(URL, {"q": text, **params})
    assert response.status_code == 200
    return [item["entree"].page.slug for item in response.context["items"]]


# What is found


def test_one_search_covers_guides_templates_fiches_and_upcoming_workshops(contenu):
    found = titles("statuts")

    assert set(found[:3]) == {
        "Rédiger les statuts d'une association",
        "Nos statuts réécrits en un week-end",
        "Atelier statuts : questions-réponses",
    }
    assert set(titles("recrutement")) == {
        "Embaucher son premier salarié",
        "Notre premier recrutement en CDI",
    }
    assert titles("financement public mairie") == ["Dossier de demande de financement public"]


def distinct_words(entree):
    """The longest meaningful word of the title, and of the chapô one the title does not have."""
    title_words = [w for w in analysis.words(entree.title) if analysis.meaningful(w)]
    title_stems = {analysis.stem(w) for w in title_words}
    chapo_words = [
        w
        for w in analysis.words(entree.chapo)
        if analysis.meaningful(w) and analysis.stem(w) not in title_stems and len(w) > 3
    ]
    if not title_words or not chapo_words:
        return None
    return max(title_words, key=len), max(chapo_words, key=len)


def test_words_found_one_in_the_title_and_one_in_the_text_find_the_page_together(contenu):
    """Every word is required, wherever it is in the page: for each entry of the corpus, a word
    of its title with a word only its chapô has finds it among results that have both."""
    locale = Locale.objects.get(language_code="fr")
    checked = 0
    upcoming_or_undated = Q(fin__isnull=True) | Q(fin__gt=timezone.now())
    for entree in Entree.objects.filter(upcoming_or_undated, locale=locale):
        pair = distinct_words(entree)
        if pair is None:
            continue
        results = moteur.search(
            requetes.parse(" ".join(pair)), locale, moteur.Filters(), per_page=50
        )
        found = [result.title for result in results.page.object_list]
        with_every_word = found if results.complete is None else found[: results.complete]
        assert entree.title in with_every_word, pair
        checked += 1
    assert checked >= 10


def test_drafts_private_pages_past_and_cancelled_workshops_are_never_found(contenu):
    found = titles("statuts")

    assert "Statuts : brouillon jamais publié" not in found
    assert "Statuts réservés aux administrateurs" not in found
    assert "Atelier statuts passé" not in found
    assert "Atelier statuts annulé" not in found
    assert not Entree.objects.filter(page__slug__in=["brouillon", "prive", "atelier-annule"])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("statut", "Rédiger les statuts d'une association"),  # singular finds plural
        ("STATUTS", "Rédiger les statuts d'une association"),  # case
        ("benevole", "Accueillir des bénévoles"),  # accents optional
        ("bénévoles", "Accueillir des bénévoles"),
        ("recruter", "Embaucher son premier salarié"),  # verb finds « recrutement »
        ("embauche", "Embaucher son premier salarié"),
        ("l'association", "Rédiger les statuts d'une association"),  # elision
        ("d’assemblée", "Préparer son assemblée générale"),  # typographic apostrophe
    ],
)
def test_french_as_people_type_it(contenu, typed, expected):
    assert expected in titles(typed)[:2]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("RH", "Embaucher son premier salarié"),
        ("AG", "Préparer son assemblée générale"),
        ("statuts asso", "Rédiger les statuts d'une association"),
        ("subvention", "Dossier de demande de financement public"),
        ("ressources humaines", "Accueillir des bénévoles"),  # through its domaine name
    ],
)
def test_synonyms_editors_keep(contenu, typed, expected):
    assert expected in titles(typed)


def test_a_synonym_added_in_the_admin_is_used_at_once(contenu):
    assert titles("AGO") == []

    Synonyme.objects.create(
        locale=Locale.objects.get(language_code="fr"), expressions="AGO, assemblée générale"
    )

    assert titles("AGO") == ["Préparer son assemblée générale"]


def test_when_no_result_has_every_word_results_with_some_of_them_are_shown(contenu):
    locale = Locale.objects.get(language_code="fr")

    results = moteur.search(requetes.parse("bénévoles photosynthèse"), locale, moteur.Filters())

    assert results.partial
    assert results.page.object_list[0].title == "Accueillir des bénévoles"


def corpus_words():
    """Meaningful words of the French entries' titles, for queries people could type."""
    titles = Entree.objects.filter(locale__language_code="fr").values_list("title", flat=True)
    found = {w.lower() for t in titles for w in analysis.words(t) if analysis.meaningful(w)}
    return sorted(word for word in found if len(word) > 3)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_results_with_every_word_always_come_before_those_with_only_some(contenu, data):
    """Whatever the words: the results that have them all come first, all of them; when they
    are fewer than a handful, those with only some of the words follow, and only those."""
    words = data.draw(st.lists(st.sampled_from(corpus_words()), min_size=2, max_size=3))
    locale = Locale.objects.get(language_code="fr")
    requete = requetes.parse(" ".join(words))

    results = moteur.search(requete, locale, moteur.Filters(), per_page=50)

    listed = [entree.pk for entree in results.page.object_list]
    entries = moteur.candidates(locale, moteur.Filters())
    every = set(engine().matches(entries, requete, "and").values_list("pk", flat=True))
    every -= {pick.page_id for pick in results.picks}
    if results.complete is None:
        assert set(listed) == every or len(listed) == 50
        return
    assert results.complete == len(every) < moteur.HANDFUL
    assert set(listed[: results.complete]) == every
    assert every.isdisjoint(listed[results.complete :])
    some = set(engine().matches(entries, requete, "or").values_list("pk", flat=True))
    assert set(listed) <= some


def test_english_search_finds_english_content_only(contenu, client):
    assert titles("articles", language="en") == ["Writing articles of association"]
    assert "Writing articles of association" not in titles("statuts")

    response = client.get("/en/recherche/", {"q": "articles"})

    assert [item["entree"].page.slug for item in response.context["items"]] == ["writing-articles"]


@pytest.mark.postgresql
def test_postgresql_stems_english_pages_as_english(contenu, client):
    """With the French configuration, « write » was stemmed « writ » and « Writing » kept
    whole: the English guide was not found."""
    response = client.get("/en/recherche/", {"q": "write"})

    assert [item["entree"].title for item in response.context["items"]] == [
        "Writing articles of association"
    ]


@pytest.mark.postgresql
def test_postgresql_admin_search_finds_pages_whatever_their_language(contenu):
    """The admin searches pages of every language at once: they keep one configuration."""
    with translation.override("fr"):
        assert "Writing articles of association" in [
            page.title for page in Page.objects.live().search("writing")
        ]
    with translation.override("en"):
        assert "Accueillir des bénévoles" in [
            page.title for page in Page.objects.live().search("bénévoles")
        ]


# Facets and sorting


def test_facets_count_the_matches_by_type_domaine_public_and_departement(contenu, client):
    response = client.get(URL, {"q": "recrutement"})
    facets = {
        name: {facet.value: facet.count for facet in values}
        for name, values in response.context["results"].facets.items()
    }

    assert facets["type"] == {"guide": 1, "fiche": 1}
    assert facets["domaine"] == {"ressources-humaines": 2}
    assert facets["public"] == {"dirigeants-benevoles": 1}
    assert facets["departement"] == {"69": 1}


@pytest.mark.parametrize("text", ["association", "recrutement", "statuts bénévoles", "zzzz"])
def test_the_count_and_the_facets_are_one_statement_that_agrees_with_the_matches(contenu, text):
    search_engine = engine()
    entries = moteur.candidates(Locale.objects.get(language_code="fr"), moteur.Filters())
    requete = requetes.parse(text)

    with CaptureQueriesContext(connection) as queries:
        counted = search_engine.tally(entries, requete, "and", moteur.FACETS)

    assert len(queries) == 1
    matches = search_engine.matches(entries, requete, "and")
    assert counted.count == matches.count()
    expected = {
        name: Counter(v for v in matches.values_list(name, flat=True) if v is not None)
        for name in moteur.FACETS
    }
    assert {name: dict(values) for name, values in counted.facets.items()} == (
        {name: dict(values) for name, values in expected.items()} if counted.count else {}
    )


def test_past_a_thousand_matches_the_count_says_more_and_facets_show_no_number(
    contenu, client, monkeypatch
):
    """As engines count (Elasticsearch's ``track_total_hits``): exactly up to the cap, « plus
    de … » beyond; facets counted among the first matches only, so shown without numbers."""
    monkeypatch.setattr(Engine, "cap", 2)
    results_cache.invalidate()

    response = client.get(URL, {"q": "statuts"})

    results = response.context["results"]
    assert results.more and results.count == 2
    assert result_count(response.content) == "Plus de 2 résultats pour « statuts »"
    assert texts(response.content, "facette__lien")
    assert not texts(response.content, "facette__nombre")
    assert len(response.context["items"]) == 2


@pytest.mark.postgresql
@pytest.mark.parametrize("text", ["association", "statuts", "premier salarié"])
def test_postgresql_past_the_cap_lists_every_match_once_title_matches_first(contenu, text):
    """Past the cap, the matches with the words in their title or chapô come first, ranked on
    the short vector, then the others by date: pages read one by one give every match once."""
    search_engine = engine()
    entries = moteur.candidates(Locale.objects.get(language_code="fr"), moteur.Filters())
    requete = requetes.parse(text)
    expected = set(search_engine.matches(entries, requete, "and").values_list("pk", flat=True))
    broad = search_engine.cap + 1

    pages = [
        search_engine.page(entries, requete, "and", start, start + 3, count=broad)
        for start in range(0, len(expected) + 3, 3)
    ]

    listed = [entree.pk for page in pages for entree in page]
    assert sorted(listed) == sorted(expected)
    in_title = search_engine.title_query(requete, "and")
    heads = set(entries.filter(title_vector=in_title).values_list("pk", flat=True))
    assert heads  # the corpus has these words in titles or chapôs
    assert [pk in heads for pk in listed] == sorted((pk in heads for pk in listed), reverse=True)


def test_the_public_search_keeps_nothing_in_wagtails_index(contenu):
    """Wagtail's index serves the admin; the public search reads its own (search.engines)."""
    entries = ContentType.objects.get_for_model(Entree)

    assert Entree.objects.exists()
    assert not IndexEntry.objects.filter(content_type=entries).exists()


def test_facets_combine_with_the_query(contenu, client):
    assert slugs_found(client, "recrutement", type="fiche") == ["fiche-recrutement"]
    assert slugs_found(client, "recrutement", departement="69") == ["fiche-recrutement"]
    assert slugs_found(client, "statuts", domaine="ressources-humaines") == ["atelier-statuts"]
    assert slugs_found(client, "recrutement", public="dirigeants-benevoles") == ["premier-salarie"]


@pytest.mark.parametrize(
    "params",
    [{"type": "podcast"}, {"departement": "999"}, {"domaine": "n-existe-pas"}, {"tri": "x"}],
)
def test_unknown_facet_values_never_fail(contenu, client, params):
    response = client.get(URL, {"q": "statuts", **params})

    assert response.status_code == 200
    if "domaine" in params:
        assert response.context["items"] == []
    else:
        assert response.context["items"][0]["entree"].page.slug in STATUTS


def test_sort_by_date_puts_the_latest_first(contenu, client):
    by_date = slugs_found(client, "statuts association", tri="date")
    dates = [
        item["entree"].date
        for item in client.get(URL, {"q": "statuts", "tri": "date"}).context["items"]
    ]

    assert dates == sorted(dates, reverse=True)
    assert by_date[0] in {"statuts", "atelier-statuts"}


def test_pagination_keeps_working_past_the_end_and_with_nonsense(contenu, client):
    for page in ["abc", "999", "-1", "0"]:
        response = client.get(URL, {"q": "statuts", "page": page})
        assert response.status_code == 200
        assert response.context["items"]


# Editors' picks


def test_editors_pick_a_page_for_a_query(contenu, client):
    modele = Entree.objects.get(page__slug="dossier-financement").page
    SearchPromotion.objects.create(
        query=Query.get("Statuts"), page=modele, sort_order=0, description="Le bon dossier."
    )

    response = client.get(URL, {"q": "statuts"})

    assert [pick.page.slug for pick in response.context["picks"]] == ["dossier-financement"]
    assert "dossier-financement" not in [
        item["entree"].page.slug for item in response.context["items"]
    ]


# Bad input


@pytest.mark.parametrize(
    "query",
    [
        '"statuts',
        'statuts"',
        '"statuts"',
        "« statuts »",
        "statuts AND (",
        "statuts OR",
        "OR",
        "NOT",
        "*",
        "statuts*",
        "-statuts",
        "^statuts",
        "budget:prévisionnel",
        "%_\\",
        "' OR 1=1 --",
        '" OR "',
        "🙂",
        "-",
        "...",
        "statuts\x00",
        "NEAR(statuts asso)",
        "statuts + - * / ( ) { } [ ] ~ ^ :",
    ],
)
def test_punctuation_and_operators_never_fail(contenu, client, query):
    response = client.get(URL, {"q": query})

    assert response.status_code == 200
    if "statuts" in query:
        assert response.context["items"][0]["entree"].page.slug in STATUTS


def test_a_quoted_phrase_is_searched_as_a_phrase(contenu):
    assert set(titles('"premier salarié"')) == {
        "Embaucher son premier salarié",
        "Notre premier recrutement en CDI",  # « un premier salarié » in its story
    }
    assert titles('"salarié premier"') == []


def test_a_very_long_query_is_cut_to_200_characters(contenu, client):
    response = client.get(URL, {"q": "statuts " + "prévisionnel" * 2000})

    assert response.status_code == 200
    assert len(response.context["query"]) == 200


def test_a_null_byte_is_dropped(contenu, client):
    response = client.get(URL + "?q=stat%00uts")

    assert response.status_code == 200
    assert response.context["query"] == "stat uts"


# Corrections and suggestions as you type


def test_a_typo_that_finds_nothing_shows_what_its_correction_finds(contenu, client):
    response = client.get(URL, {"q": "benevolles acueil"})

    results = response.context["results"]
    assert results.corrected_from == "benevolles acueil"
    assert results.requete.text == "bénévoles accueillir"
    assert response.context["items"][0]["entree"].page.slug == "benevoles"
    assert response.context["query"] == "benevolles acueil"  # kept in the box as typed


def test_nothing_to_correct_means_no_correction(contenu, client):
    response = client.get(URL, {"q": "photosynthèse"})

    assert response.context["items"] == []
    assert not response.context["results"].corrected_from


def test_suggestions_as_you_type(contenu, client):
    response = client.get("/fr/recherche/suggestions/", {"q": "rédig"})

    assert response["Content-Type"] == "application/json"
    assert response.json()["suggestions"] == [
        {
            "title": "Rédiger les statuts d'une association",
            "url": "/fr/ressources/statuts/",
            "type": "Guide pratique",
        }
    ]


def test_kept_suggestions_give_way_to_a_page_just_published(contenu, client):
    def suggested():
        response = client.get("/fr/recherche/suggestions/", {"q": "rédig"})
        return [suggestion["title"] for suggestion in response.json()["suggestions"]]

    assert suggested() == ["Rédiger les statuts d'une association"]
    index = Entree.objects.get(page__slug="statuts").page.get_parent()
    guide = GuidePageFactory(parent=index, title="Rédiger un compte rendu d'AG")
    guide.save_revision().publish()

    assert "Rédiger un compte rendu d'AG" in suggested()


@pytest.mark.parametrize("query", ["", "a", "**", "'\"", "\x00", "x" * 5000])
def test_suggestions_of_nothing_are_an_empty_list(contenu, client, query):
    response = client.get("/fr/recherche/suggestions/", {"q": query})

    assert response.status_code == 200
    assert response.json()["suggestions"] == []


# What is recorded


def test_a_search_is_counted_without_personal_data(contenu, client):
    client.get(URL, {"q": "Statuts"})
    client.get(URL, {"q": "statuts", "page": "2"})  # turning a page is not a new search
    client.get(URL, {"q": "statuts", "type": "guide"})  # nor is clicking a facet
    client.get(URL, {"q": "photosynthèse"})
    client.get(URL, {"q": "aide camille.durand@asso.example 06 12 34 56 78"})

    rows = {row.requete: row for row in RechercheDuJour.objects.filter(locale__language_code="fr")}
    assert rows["statuts"].nombre == 1
    assert rows["statuts"].sans_resultat == 0
    assert rows["photosynthèse"].sans_resultat == 1
    assert "aide … …" in rows
    assert not any("@" in requete or "56" in requete for requete in rows)


def test_popular_searches_are_those_that_found_something(contenu):
    fr, en = (Locale.objects.get(language_code=code) for code in ("fr", "en"))
    for _ in range(3):
        search_log.record("statuts", fr, 5)
    search_log.record("bénévoles", fr, 2)
    search_log.record("photosynthèse", fr, 0)
    search_log.record("articles", en, 1)

    assert search_log.popular(fr) == ["statuts", "bénévoles"]


# The index follows publication


def test_publishing_and_unpublishing_updates_the_index(contenu):
    page = GuidePageFactory(
        parent=Entree.objects.get(page__slug="statuts").page.get_parent(),
        title="Mécénat : trouver une entreprise partenaire",
        slug="mecenat",
        live=False,
    )
    assert titles("mécénat") == []

    page.save_revision().publish()
    assert titles("mecenat") == ["Mécénat : trouver une entreprise partenaire"]

    page.refresh_from_db()
    page.unpublish()
    assert titles("mecenat") == []


def test_a_draft_of_a_live_page_is_not_indexed(contenu):
    page = Entree.objects.get(page__slug="benevoles").page.specific
    page.title = "Titre en cours de rédaction"
    page.save_revision()

    assert titles("rédaction") == []
    assert "Accueillir des bénévoles" in titles("bénévoles")


def test_update_index_rebuilds_the_entries(contenu):
    from django.core.management import call_command

    Entree.objects.filter(page__slug="benevoles").delete()
    assert "Accueillir des bénévoles" not in titles("bénévoles")

    call_command("update_index", verbosity=0)

    assert "Accueillir des bénévoles" in titles("bénévoles")


# Constant cost


def _queries(client, params, kept=False):
    """SQL queries of one search; unless ``kept``, of a search not seen before (the results
    kept by ``search.results_cache`` forgotten first)."""
    if not kept:
        results_cache.invalidate()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(queries)


def test_a_results_page_costs_the_same_number_of_queries_whatever_its_size(contenu, client):
    index = Entree.objects.get(page__slug="statuts").page.get_parent()
    # ``page`` given: turning pages is not recorded, so both requests do the same work; the
    # first request fills the caches (synonyms, site root paths).
    _queries(client, {"q": "statuts", "page": "1"})
    few = _queries(client, {"q": "statuts", "page": "1"})
    filtered_few = _queries(client, {"q": "statuts", "domaine": "juridique-statuts", "page": "1"})
    for number in range(25):
        GuidePageFactory(
            parent=index,
            title=f"Statuts, cas numéro {number}",
            domaines=[domaine("juridique-statuts"), domaine("ressources-humaines")],
            publics=[public("dirigeants-benevoles")],
        )
    index_everything()

    many = _queries(client, {"q": "statuts", "page": "1"})
    filtered = _queries(client, {"q": "statuts", "domaine": "juridique-statuts", "page": "2"})

    assert many == few
    assert filtered == filtered_few


def test_a_search_made_again_is_answered_from_kept_results_until_the_content_changes(
    contenu, client
):
    index = Entree.objects.get(page__slug="statuts").page.get_parent()
    params = {"q": "statuts", "page": "1"}
    first = _queries(client, params)
    titles_first = titles("statuts")

    again = _queries(client, params, kept=True)

    assert again < first  # no count, no facets, no ranking: the kept ids read back
    assert titles("statuts") == titles_first
    guide = GuidePageFactory(parent=index, title="Statuts d'une SCIC")
    guide.save_revision().publish()  # written to the search entries: the kept results go

    assert "Statuts d'une SCIC" in titles("statuts")


@pytest.mark.postgresql
def test_postgresql_uses_the_french_configuration_with_accent_folding(contenu):
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('entraide_fr', 'Bénévoles recrutés')::text")
        assert cursor.fetchone()[0] == "'benevol':1 'recrut':2"

    assert titles("benevole")[0] == "Accueillir des bénévoles"


@pytest.mark.postgresql
def test_postgresql_leaves_wagtails_index_table_as_wagtail_makes_it(contenu):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.reloptions, a.attstorage FROM pg_class c JOIN pg_attribute a "
            "ON a.attrelid = c.oid WHERE c.relname = 'wagtailsearch_indexentry' "
            "AND a.attname = 'title'"
        )
        options, title_storage = cursor.fetchone()

    assert options is None
    assert title_storage == "x"  # EXTENDED, PostgreSQL's default for text search vectors


def test_past_workshops_drop_out_without_reindexing(contenu):
    entree = Entree.objects.get(page__slug="atelier-statuts")
    entree.fin = in_days(-1)
    entree.save()

    assert "Atelier statuts : questions-réponses" not in titles("statuts")
