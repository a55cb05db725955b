"""No query string makes a public page fail: whatever someone types, pastes or forges in the
parameters of a page anyone can open (quotes, search operators, NUL, very long text, a hundred
words, any Unicode), the page answers, never a server error.

The endpoints are derived from the URL patterns and the page types: a new URL or page type
fails ``test_every_public_get_endpoint_is_fuzzed_or_set_aside_for_a_reason`` until it is listed
here, with the parameters it reads or the reason it needs none."""

import re
from dataclasses import dataclass, fields

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

from alertes.requetes import CRITERES
from bourse.filters import PARAMETRES as BOURSE
from donnees.api import DocumentsPublics, PagesPubliques, StructuresPubliques
from evenements.filters import AtelierFilterSet
from fiches.filters import FicheFilterSet
from ressources import services
from ressources.filters import RessourceFilterSet
from search.moteur import Filters
from tests.adresses import url_patterns
from tests.factories import AnnonceFactory
from tests.search import corpus

pytestmark = pytest.mark.django_db

DOMAINE = "ressources-humaines"


def _filters(filterset):
    return (*filterset.base_filters, "page")


SEARCH = ("q", "tri", "page", *(field.name for field in fields(Filters)))
# « Me prévenir » and its feed: the listings' parameters, refused with a 400 when an alert
# cannot be made of them (OTHER_STATUSES).
ALERTE = ("quoi", *sorted({name for names in CRITERES.values() for name in names}), "page", "tri")
# URL name → the query parameters its view reads.
FUZZED = {
    "recherche": SEARCH,
    "recherche_suggestions": ("q",),
    "structures": ("q", "page"),
    "sitemap": ("p",),
    # The feeds and the OpenSearch description read no parameter: any is ignored.
    "flux": (),
    "flux_atom": (),
    "flux_ressources": (),
    "flux_ressources_atom": (),
    "opensearch": (),
    # The pages partner sites frame refuse any other parameter with a 400 (OTHER_STATUSES);
    # their builder reads the same and marks a wrong value in its form.
    "integrer": ("quoi", "departement", "domaine", "type", "nombre"),
    "integrer_ateliers": ("departement", "domaine", "nombre"),
    "integrer_ressources": ("domaine", "type", "nombre"),
    "account_login": ("next",),
    "account_signup": ("next",),
    "account_reset_password": ("next",),
    "wagtailcore_login": ("next",),
    # The open vocabularies read no parameter: any is refused with a 400 (OTHER_STATUSES).
    "vocabulaires": (),
    "vocabulaires_fichier": (),
    "vocabulaire": (),
    "vocabulaire_fichier": (),
    "vocabulaire_concept": (),
    "vocabulaire_concept_fichier": (),
    # The open datasets' page and files read no parameter: any is refused with a 400.
    "donnees_ouvertes": (),
    "donnees_fichier": (),
    # « Le réseau en chiffres » and its dataset read no parameter: any is refused with a 400.
    "chiffres": (),
    "chiffres_csv": (),
    "chiffres_json": (),
    # The public API: its lists read their allow-listed parameters, anything else is refused
    # with a 400 (OTHER_STATUSES); its root and description read none.
    "api": (),
    "api_openapi": (),
    "api:pages:listing": tuple(sorted(PagesPubliques.parametres)),
    "api:documents:listing": tuple(sorted(DocumentsPublics.parametres)),
    "api:structures:listing": tuple(sorted(StructuresPubliques.parametres)),
    "alertes:creer": ALERTE,
    "alertes:flux": ALERTE,
    "alertes:verifiez": (),
    # The contact form (GET), its thank-you page and the site map read no parameter: any is
    # refused with a 400 (OTHER_STATUSES).
    "contact": (),
    "bourse_flux": (),  # the bourse's feed reads no parameter: any is a 400
    "contact_merci": (),
    "plan_du_site": (),
    # Reader feedback on a page (inventaire.views): its form again, no parameter read.
    "retour_lecteurs": (),
    "signaler_erreur": (),
    # La bourse d'entraide: its listing refuses any other parameter or an unknown value with a
    # 400 (OTHER_STATUSES); an annonce's page, « Signaler » (GET) and its thanks read none.
    "bourse": tuple(sorted(BOURSE)),
    "annonce": (),
    "annonce_signaler": (),
    "annonce_signalee": (),
    # The pages that may help a demande being typed (an HTML fragment for the form's script):
    # two allow-listed parameters of bounded length, anything else a 400; rate-limited (429).
    "bourse_ressources_utiles": ("titre", "description"),
}
# URL name (or the first segment of its route) → why it is not fuzzed here.
SET_ASIDE = {
    "admin": "staff only, behind Wagtail's log-in",
    "wagtaildocs_serve": "Wagtail's document serving: a file by id, no query parameter",
    "wagtaildocs_authenticate_with_password": "POST form of a password-protected collection",
    "wagtailcore_authenticate_with_password": "POST form of a password-protected page",
    "robots.txt": "a static text, no query parameter",
    "sante": "no query parameter: the health checks (tests/site/test_sante.py)",
    "comptes": "allauth's pages behind a log-in or a key sent by e-mail",
    "mon_espace": "log-in required",
    "espace_annuler_inscription": "log-in required; one's own registration by id, else 404",
    "espace_mes_donnees": "log-in required, no query parameter",
    "espace_supprimer": "log-in required, no query parameter",
    "espace_supprimer_confirmer": "a signed value in the path (tests/espace: tampered ones)",
    "espace_compte_supprime": "a fixed page, no query parameter",
    "adhesion_accepter": "POST only, log-in required",
    "adhesion_refuser": "POST only, log-in required",
    "fiche_modifier": "log-in required",
    "fiche_apercu": "log-in required",
    "fiche_soumettre": "POST only, log-in required",
    "fiche_retirer": "POST only, log-in required",
    "piece_jointe": "a file by id, no query parameter",
    "structure_nouvelle": "log-in required",
    "structure": "a structure by slug, no query parameter",
    "structure_rejoindre": "POST only, log-in required",
    "structure_modifier": "log-in required, members and staff only",
    "structure_inviter": "log-in required, members and staff only",
    "structure_quitter": "log-in required, members only",
    "invitation_annuler": "POST only, log-in required",
    "invitation": "a signed personal link, no query parameter (tests/structures/test_membres.py)",
    "telecharger": "a file by id, no query parameter",
    "mes_annonces": "log-in required",
    "annonce_nouvelle": "log-in required",
    "annonce_modifier": "log-in required, members of the annonce's structure only",
    "annonce_apercu": "log-in required, members of the annonce's structure only",
    "annonce_soumettre": "POST only, log-in required",
    "annonce_retirer": "POST only, log-in required",
    "annonce_pourvue": "POST only, log-in required",
    "conversation_issue": "log-in required, members of the conversation's two structures only",
    "conversation_fiche": "log-in required, members of the structure that helped only",
    "attestation": "log-in required, members of the structure only",
    "attestation_pdf": "log-in required, members of the structure only",
    "annonce_contacter": "log-in required, members of another structure only (tests/bourse)",
    "mes_conversations": "log-in required, no query parameter",
    "conversation": "log-in required, members of its two structures only, else 404",
    "conversation_coordonnees": "POST only, log-in required",
    "annonce_lien": "a signed personal link, no query parameter (tests/bourse/test_cycle.py)",
    "version_originale": "a page by id, served as at its own address: its parameters are its "
    "page type's, fuzzed below (wagtail_serve)",
    "flux_type": "a type in the path, no query parameter (tests/donnees/test_flux.py)",
    "flux_type_atom": "a type in the path, no query parameter (tests/donnees/test_flux.py)",
    "flux_domaine": "a domaine in the path, no query parameter (tests/donnees/test_flux.py)",
    "flux_domaine_atom": "a domaine in the path, no query parameter (tests/donnees/test_flux.py)",
    "api:pages:detail": "an item by id, reads `fields` (tests/donnees/test_api.py)",
    "api:documents:detail": "an item by id, reads `fields` (tests/donnees/test_api.py)",
    "api:structures:detail": "an item by id, reads `fields` (tests/donnees/test_api.py)",
    "alertes:confirmer": "a signed personal link, no query parameter (tests/alertes/)",
    "alertes:desabonner": "a signed personal link, no query parameter (tests/alertes/)",
    "alertes:modifier": "POST only, log-in required",
    "alertes:supprimer": "POST only, log-in required",
    "wagtail_serve": "every page type, fuzzed below",
    "wagtail_serve_routes": "the routes of the page types, fuzzed below",
}
# Route of a routable page → why it is not fuzzed here.
SET_ASIDE_ROUTES = {
    "evenements.AgendaPage:inscription": "a signed personal link, no query parameter",
    "evenements.AgendaPage:inscription_ics": "a signed personal link, no query parameter",
    "evenements.AgendaPage:inscription_annuler": "a signed personal link, no query parameter",
    "evenements.AtelierPage:inscrire": "POST only",
    "evenements.AtelierPage:renvoyer_lien": "a POST form",
    "fiches.FicheIndexPage:proposer": "log-in required",
}
# Page type (and route of a routable page) → the query parameters it reads; others: ``page``.
PAGE_PARAMETERS = {
    "ressources.RessourceIndexPage": _filters(RessourceFilterSet),
    "ressources.HomePage:domaine": _filters(RessourceFilterSet),
    "fiches.FicheIndexPage:index_route": _filters(FicheFilterSet),
    "evenements.AgendaPage:a_venir": _filters(AtelierFilterSet),
    "evenements.AgendaPage:archives": _filters(AtelierFilterSet),
    "evenements.AgendaPage:agenda_ics": ("domaine",),
    "evenements.AtelierPage:verifiez": ("demande",),
    # The reader feedback widget thanks the reader after an answer or a report (the same
    # template on modèles and fiches: fuzzed once, here).
    "ressources.GuidePage": ("merci",),
}
ROUTE_ARGUMENTS = {"ressources.HomePage:domaine": [DOMAINE]}
# Arguments of the URL names above that take some.
URL_ARGUMENTS = {
    "vocabulaires_fichier": {"format": "jsonld"},
    "vocabulaire": {"schema": "territoires"},
    "vocabulaire_fichier": {"schema": "niveaux", "format": "ttl"},
    "vocabulaire_concept": {"schema": "territoires", "identifiant": "departement-2A"},
    "vocabulaire_concept_fichier": {
        "schema": "niveaux",
        "identifiant": "avance",
        "format": "jsonld",
    },
    "donnees_fichier": {"nom": "ressources.csv"},
}
# The pages that read a query string get more examples than those that only receive one;
# the snippet builder's values all go through Django's form fields.
EXAMPLES = {"recherche": 50, "recherche_suggestions": 30, "integrer": 5, "alertes:creer": 20}
LISTING_EXAMPLES, OTHER_EXAMPLES = 10, 5
API_URLS = ("api", "api_openapi", "api:pages:listing", "api:documents:listing")
API_URLS += ("api:structures:listing",)
# What a page may answer besides 200: Django's sitemap answers 404 for a page number it
# does not have, as it should.
OTHER_STATUSES = {
    "sitemap": {404},
    **dict.fromkeys(URL_ARGUMENTS, {400}),
    "vocabulaires": {400},
    "donnees_ouvertes": {400},
    "integrer_ateliers": {400},
    "integrer_ressources": {400},
    "chiffres": {400},
    "chiffres_csv": {400},
    "chiffres_json": {400},
    **dict.fromkeys(API_URLS, {400}),
    "alertes:creer": {400},
    "alertes:flux": {400},
    **dict.fromkeys(("contact", "contact_merci", "plan_du_site"), {400}),
    **dict.fromkeys(
        ("bourse", "bourse_flux", "annonce", "annonce_signaler", "annonce_signalee"), {400}
    ),
    "bourse_ressources_utiles": {400, 429},
    # The PDF of a guide or a modèle reads no parameter, not even ``page``: any is a 400.
    **dict.fromkeys(("ressources.GuidePage:pdf", "ressources.ModelePage:pdf"), {400}),
}


@dataclass(frozen=True)
class Endpoint:
    key: str
    parameters: tuple
    examples: int


def all_routes(model):
    """``label`` or ``label:route`` of each way a page type is served."""
    label = model._meta.label
    if not issubclass(model, RoutablePageMixin):
        return [label]
    return [f"{label}:{pattern.name}" for pattern in model.get_subpage_urls()]


def routes(model):
    return [key for key in all_routes(model) if key not in SET_ASIDE_ROUTES]


def served_page_types():
    return [model for model in get_page_models() if model.is_creatable]


def endpoints():
    # An endpoint that reads no parameter only meets unknown ones: a few examples do.
    found = [
        Endpoint(
            name, parameters, EXAMPLES.get(name, LISTING_EXAMPLES if parameters else OTHER_EXAMPLES)
        )
        for name, parameters in FUZZED.items()
    ]
    for model in served_page_types():
        for key in routes(model):
            parameters = PAGE_PARAMETERS.get(key, ("page",))
            examples = LISTING_EXAMPLES if key in PAGE_PARAMETERS else OTHER_EXAMPLES
            found.append(Endpoint(key, parameters, examples))
    return found


ENDPOINTS = endpoints()


@pytest.fixture(scope="module")
def site(module_transaction):
    """The search tests' corpus: a live page of every type, past and upcoming workshops, and
    their search entries. Returns ``{endpoint key: URL}``."""
    with module_transaction.unblock():
        contenu = corpus.build()
        pages = {
            "ressources.HomePage": contenu.home,
            "ressources.RessourceIndexPage": contenu.index,
            "ressources.GuidePage": contenu.pages["statuts"],
            "ressources.ModelePage": contenu.pages["dossier-financement"],
            "fiches.FicheIndexPage": contenu.fiches,
            "fiches.FichePage": contenu.pages["fiche-recrutement"],
            "evenements.AgendaPage": contenu.agenda,
            "evenements.AtelierPage": contenu.pages["atelier-statuts"],
            "ressources.InformationPage": services.get_or_create_information(
                contenu.home, slug="mentions-legales", title="Mentions légales", body="<p>…</p>"
            ),
        }
        urls = page_urls(pages)
        guide = pages["ressources.GuidePage"]
        for name in ("retour_lecteurs", "signaler_erreur"):
            urls[name] = reverse(name, args=[guide.pk])
        annonce = AnnonceFactory(domaines=[DOMAINE], departements=["69"])
        for name in ("annonce", "annonce_signaler", "annonce_signalee"):
            urls[name] = reverse(name, args=[annonce.pk])
        return urls


def page_urls(pages):
    urls = {}
    for model in served_page_types():
        page = pages[model._meta.label]
        for key in routes(model):
            if ":" not in key:
                urls[key] = page.url
                continue
            route = key.split(":", 1)[1]
            path = page.reverse_subpage(route, args=ROUTE_ARGUMENTS.get(key))
            urls[key] = page.url + path
    return urls


def endpoint_url(site, key):
    return site[key] if key in site else reverse(key, kwargs=URL_ARGUMENTS.get(key))


# What people type, paste or forge. Hypothesis picks a branch of ``one_of`` about as often as
# any other: quotes and operators get their own branches so that they meet real words often.
QUOTES = ['"', "'", "«", "»", "“", "”", "’", "l'", "d’", '""', '"""']
SYNTAX = [
    *"OR AND NOT NEAR OU ET SAUF * - + ^ : ( ) { } [ ] | & % _ ; -- /* */".split(),  # noqa: SIM905
    *"title: body: {title}: NEAR(a b* col:x ^x \\".split(),  # noqa: SIM905
    *["\x00", "\t", "\n"],
]
REAL_VALUES = (
    "statuts recrutement ressourcerie rhône guide modele fiche atelier dirigeants-benevoles 69 2A "
    "75 date pertinence az recent semaine mois distance presentiel on true 2026-01-31 "
    "1999-12-31 9999-12-31 2 0 -1 999999999999999999999 1e9 /fr/ //evil.example "
    f"https://evil.example/ javascript:alert(1) {DOMAINE}"
).split()
RTL_AND_MARKS = ["مرحبا بالعالم", "שלום", "\u202eevil\u202c", "e\u0301", "a\u0308\u0323", "\u200d"]
# One-character words that are not stop words: a hundred of them nest a query deeply.
LETTERS = st.one_of(st.sampled_from("befghikopqruvwxz0123456789"), st.characters(categories=["Lo"]))

token = st.one_of(
    st.sampled_from(QUOTES),
    st.sampled_from(SYNTAX),
    st.sampled_from(REAL_VALUES),
    st.sampled_from(RTL_AND_MARKS),
    st.text(min_size=1, max_size=4),
)
# A word with a quote or an operator stuck to it or beside it: « statuts" », « "asso », « RH* ».
marked = st.tuples(
    st.sampled_from(REAL_VALUES),
    st.sampled_from(QUOTES + SYNTAX),
    st.sampled_from(["", " "]),
    st.booleans(),
).map(lambda t: t[0] + t[2] + t[1] if t[3] else t[1] + t[2] + t[0])
typed = st.lists(st.one_of(marked, token), min_size=1, max_size=12).map(" ".join)
# A real value with a NUL byte inside, which PostgreSQL refuses in any text.
with_nul = st.tuples(st.sampled_from(REAL_VALUES), st.integers(0, 3)).map(
    lambda t: t[0][: t[1]] + "\x00" + t[0][t[1] :]
)
VALUES = st.one_of(
    typed,
    with_nul,
    st.text(),
    st.sampled_from(REAL_VALUES),
    st.lists(LETTERS, min_size=100, max_size=160).map(" ".join),
    # very long
    st.tuples(st.text(min_size=1, max_size=6), st.integers(40, 2000)).map(lambda t: t[0] * t[1]),
    # any plane, combining marks, bidirectional and format characters
    st.text(st.characters(min_codepoint=0x10000), min_size=1, max_size=30),
    st.text(st.characters(categories=["Mn", "Me", "Cf", "Zs", "Cc"]), min_size=1, max_size=30),
)


def query_strings(parameters):
    """``{name: [values]}``: any of the endpoint's own parameters, once or twice, and now and
    then one it does not know."""
    own = st.fixed_dictionaries(
        {}, optional={name: st.lists(VALUES, min_size=1, max_size=2) for name in parameters}
    )
    unknown = st.dictionaries(st.text(max_size=8), st.lists(VALUES, max_size=1), max_size=1)
    return st.tuples(unknown, own).map(lambda both: {**both[0], **both[1]})


# What failed before (issue 13): an unbalanced quote (FTS5: « unterminated string »), a
# hundred one-letter words (FTS5: « parser stack overflow »), a NUL byte (PostgreSQL).
KNOWN_FAILURES = ['statuts "asso', " ".join("b" * 100), "ressources\x00humaines", "«" * 3000]
CONTENT_TYPES = {
    "recherche_suggestions": "application/json",
    "evenements.AgendaPage:agenda_ics": "text/calendar",
    "evenements.AtelierPage:atelier_ics": "text/calendar",
    "sitemap": "application/xml",
    "flux": "application/rss+xml",
    "flux_atom": "application/atom+xml",
    "flux_ressources": "application/rss+xml",
    "flux_ressources_atom": "application/atom+xml",
    "opensearch": "application/opensearchdescription+xml",
    "vocabulaires": "text/turtle",
    "vocabulaires_fichier": "application/ld+json",
    "vocabulaire": "text/turtle",
    "vocabulaire_fichier": "text/turtle",
    "vocabulaire_concept": "text/turtle",
    "vocabulaire_concept_fichier": "application/ld+json",
    "donnees_fichier": "text/csv",
    "chiffres_csv": "text/csv",
    "chiffres_json": "application/json",
    "alertes:flux": "application/rss+xml",
    "bourse_flux": "application/rss+xml",
    **dict.fromkeys(API_URLS, "application/json"),
    "ressources.GuidePage:pdf": "application/pdf",
    "ressources.ModelePage:pdf": "application/pdf",
}


def fuzzed(endpoint):
    """An endpoint that reads no parameter refuses (or ignores) any before it reads the
    database: the SQLite pass covers it (``engine_independent``). Those whose parameters reach
    a query also run on PostgreSQL, which refuses what SQLite accepts (NUL bytes, numbers out
    of range)."""
    marks = () if endpoint.parameters else (pytest.mark.engine_independent,)
    return pytest.param(endpoint, id=endpoint.key, marks=marks)


@pytest.mark.parametrize("endpoint", [fuzzed(endpoint) for endpoint in ENDPOINTS])
def test_no_query_string_makes_a_public_page_fail(site, client, endpoint):
    url = endpoint_url(site, endpoint.key)
    allowed = {200, *OTHER_STATUSES.get(endpoint.key, ())}
    content_type = CONTENT_TYPES.get(endpoint.key, "text/")

    # The client and the module's data are shared by the examples on purpose (building the
    # site for each would take minutes); each example runs in its own savepoint.
    @settings(
        max_examples=endpoint.examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],  # no slow "explain" phase
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(query=query_strings(endpoint.parameters))
    def answers(query):
        with transaction.atomic():
            response = client.get(url, query)
        assert response.status_code in allowed, response.status_code
        if response.status_code == 200:
            assert response["Content-Type"].startswith(content_type)

    for value in KNOWN_FAILURES:  # in every parameter at once, before the generated ones
        answers = example(query={name: [value] for name in endpoint.parameters})(answers)
    answers()


def test_a_quote_in_what_is_typed_still_suggests_titles(site, client):
    response = client.get(reverse("recherche_suggestions"), {"q": 'statuts "asso'})

    titles = [suggestion["title"] for suggestion in response.json()["suggestions"]]
    assert titles == ["Rédiger les statuts d'une association"]


def test_a_hundred_one_letter_words_are_searched_like_any_query(site, client):
    response = client.get(reverse("recherche"), {"q": " ".join("b" * 100)})

    assert response.status_code == 200
    assert response.context["results"].count == 0
    assert "Aucun résultat" in response.text


@pytest.mark.parametrize("name", ["domaine", "public"])
def test_a_nul_byte_in_a_facet_value_is_an_unknown_value(site, client, name):
    unfiltered = client.get(reverse("recherche"), {"q": "statuts"})
    response = client.get(reverse("recherche"), {"q": "statuts", name: "ressources\x00humaines"})

    assert response.context["filters"].as_dict() == {}
    assert response.context["results"].count == unfiltered.context["results"].count > 0


def test_a_nul_byte_in_the_feeds_domaine_is_an_unknown_domaine(site, client):
    response = client.get(
        site["evenements.AgendaPage:agenda_ics"], {"domaine": "ressources\x00humaines"}
    )

    assert response.status_code == 200
    assert b"BEGIN:VCALENDAR" in response.content
    assert b"BEGIN:VEVENT" not in response.content


def test_every_public_get_endpoint_is_fuzzed_or_set_aside_for_a_reason(site):
    unlisted = [
        route
        for route, name, _callback in url_patterns()
        if (name or route) not in FUZZED
        and (name or route) not in SET_ASIDE
        and re.sub(r"^[a-z]{2}/", "", route).split("/")[0] not in SET_ASIDE
    ]
    assert not unlisted, "List these URLs in FUZZED (with their parameters) or SET_ASIDE"
    keys = {endpoint.key for endpoint in ENDPOINTS}
    assert set(site) <= keys
    # every page type and route has a live page to ask, or a reason not to be asked
    assert {key for key in keys if "." in key} == {key for key in site if "." in key}
    every_route = {key for model in served_page_types() for key in all_routes(model)}
    assert set(SET_ASIDE_ROUTES) <= every_route
