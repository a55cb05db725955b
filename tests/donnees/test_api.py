"""The public API (/api/v2/) as a partner's system reads it: what it lists and filters, what
it refuses with a 400, what it never shows, its OpenAPI description, CORS and its limit."""

import json

import pytest
from django.core.cache import caches
from django.template.loader import render_to_string
from django.urls import reverse
from openapi_spec_validator import validate
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from evenements.models import Inscription
from fiches.models import PieceJointe
from ressources.models import ModeleFichier
from tests.factories import (
    DocumentFactory,
    FichePageFactory,
    GuidePageFactory,
    StructureFactory,
    UserFactory,
    domaine,
)
from tests.search import corpus

pytestmark = pytest.mark.django_db

PAGES, DOCUMENTS, STRUCTURES = "/api/v2/pages/", "/api/v2/documents/", "/api/v2/structures/"
# Words that only a non-public thing holds.
SECRETS = {
    "brouillon": "Zorglubrevision",
    "moderation": "Zorglubmoderation",
    "prive": "Zorglubprive",
    "email": "zorglubmembre@exemple.org",
    "inscription": "Zorglubinscrit",
    "piece": "zorglubpiece.pdf",
    "collection": "Zorglubcollection",
}


@pytest.fixture(scope="module")
def contenu(module_transaction):
    """The search corpus (a live page of every type), and one non-public thing of each
    kind holding one of the ``SECRETS``."""
    with module_transaction.unblock():
        site = corpus.build()
        pages = site.pages
        guide = pages["statuts"]
        guide.chapo = f"{SECRETS['brouillon']} pas encore publié"
        guide.save_revision()  # a draft of a live page
        en_moderation = FichePageFactory(
            parent=site.fiches, title=f"Fiche {SECRETS['moderation']}", live=False
        )
        en_moderation.save_revision()
        prive = GuidePageFactory(
            parent=site.index, title=f"Guide {SECRETS['prive']}", domaines=[domaine("numerique")]
        )
        PageViewRestriction.objects.create(page=prive, restriction_type="login")
        StructureFactory(nom="Les Amis du Jardin", membres=[UserFactory(email=SECRETS["email"])])
        Inscription.objects.create(
            atelier=pages["atelier-statuts"],
            statut=Inscription.Statut.CONFIRMEE,
            nom=SECRETS["inscription"],
            email="zorglub-inscrit@exemple.org",
        )
        PieceJointe.objects.create(
            fiche=pages["fiche-recrutement"],
            fichier="fiches/x.pdf",
            nom=SECRETS["piece"],
            type_mime="application/pdf",
            taille=10,
            publiee=True,
        )
        modele = pages["dossier-financement"]
        public = DocumentFactory(title="Formulaire de demande")
        reservee = Collection.get_first_root_node().add_child(name="Réservée")
        CollectionViewRestriction.objects.create(collection=reservee, restriction_type="login")
        cache = DocumentFactory(title=SECRETS["collection"], collection=reservee)
        for document in (public, cache):
            ModeleFichier.objects.create(modele=modele, document=document)
        site.caches = {"prive": prive, "moderation": en_moderation, "document": cache}
        return site, public


@pytest.fixture(autouse=True)
def compteurs():
    caches["default"].clear()  # the rate limit's counters


def get(client, url, data=None, status=200):
    response = client.get(url, data or {})
    assert response.status_code == status, (url, data, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def titres(data):
    return {item["title"] for item in data["items"]}


def test_lists_only_live_public_pages_of_the_published_types(contenu, client):
    site, _document = contenu
    data = get(client, PAGES, {"limit": 100})

    assert data["meta"]["total_count"] == len(data["items"])
    types = {item["meta"]["type"] for item in data["items"]}
    assert types == {
        "ressources.GuidePage",
        "ressources.ModelePage",
        "fiches.FichePage",
        "evenements.AtelierPage",
    }
    assert "Statuts : brouillon jamais publié" not in titres(data)
    assert "Statuts réservés aux administrateurs" not in titres(data)
    assert "Rédiger les statuts d'une association" in titres(data)
    guide = next(i for i in data["items"] if i["meta"]["slug"] == "statuts")
    assert guide["meta"]["html_url"].endswith("/fr/ressources/statuts/")
    assert guide["meta"]["locale"] == "fr"
    detail = get(client, guide["meta"]["detail_url"])
    assert detail["chapo"] == Page.objects.get(pk=guide["id"]).specific.chapo != ""
    assert SECRETS["brouillon"] not in json.dumps(detail)


def test_filters_by_type_domaine_public_departement_dates_language_and_search(contenu, client):
    site, _document = contenu
    fiches = get(client, PAGES, {"type": "fiche", "fields": "structure,domaines,publics"})
    assert titres(fiches) == {
        "Notre premier recrutement en CDI",
        "Nos statuts réécrits en un week-end",
    }
    structure = fiches["items"][0]["structure"]
    assert structure["nom"] == "La Ressourcerie du Rhône"
    assert structure["departement"] == "69"
    assert set(structure) == {"nom", "slug", "departement", "html_url"}

    rh = get(client, PAGES, {"domaine": "ressources-humaines", "limit": 100})
    assert "Embaucher son premier salarié" in titres(rh)
    assert "Notre premier recrutement en CDI" in titres(rh)
    assert "Préparer son assemblée générale" not in titres(rh)

    dirigeants = get(client, PAGES, {"public": "dirigeants-benevoles", "limit": 100})
    assert "Embaucher son premier salarié" in titres(dirigeants)
    assert not {i for i in dirigeants["items"] if i["meta"]["type"] == "evenements.AtelierPage"}

    rhone = get(client, PAGES, {"departement": "69", "type": "fiche,guide"})
    assert titres(rhone) == titres(fiches)

    debut = site.pages["atelier-statuts"].debut.date().isoformat()
    a_venir = get(client, PAGES, {"type": "atelier", "depuis": debut, "fields": "debut,annule"})
    assert "Atelier statuts passé" not in titres(a_venir)
    assert "Atelier statuts : questions-réponses" in titres(a_venir)
    passes = get(client, PAGES, {"type": "evenements.AtelierPage", "jusqu_a": "2000-01-01"})
    assert passes["items"] == []

    anglais = get(client, PAGES, {"locale": "en"})
    assert titres(anglais) == {"Writing articles of association"}

    trouves = get(client, PAGES, {"search": "recrutement", "type": "fiche"})
    assert "Notre premier recrutement en CDI" in titres(trouves)
    page = get(client, PAGES, {"limit": 2, "offset": 1, "order": "title"})
    assert len(page["items"]) == 2


BAD = [
    (PAGES, {"inconnu": "1"}, "Paramètre inconnu : inconnu"),
    (PAGES, {"fields": "inexistant"}, "inexistant"),
    (PAGES, {"type": "blog"}, "Type inconnu : blog"),
    (PAGES, {"domaine": "jardinage"}, "Domaine inconnu : jardinage"),
    (PAGES, {"public": "martiens"}, "Public inconnu : martiens"),
    (PAGES, {"departement": "99"}, "Département inconnu : 99"),
    (PAGES, {"depuis": "31/01/2027"}, "Date illisible pour depuis"),
    (PAGES, {"jusqu_a": "2027-02-30"}, "Date illisible pour jusqu_a"),
    (PAGES, {"depuis": "2027-02-01", "jusqu_a": "2027-01-01"}, "avant la date"),
    (PAGES, {"limit": "1000"}, "limit ne peut dépasser 100"),
    (PAGES, {"limit": "-1"}, "limit doit être un entier"),
    (PAGES, {"offset": "x"}, "offset doit être un entier"),
    (PAGES, {"order": "chapo"}, "Tri inconnu : chapo"),
    (PAGES, {"locale": "de"}, "Langue inconnue : de"),
    (PAGES, {"search": "a\x00b"}, "caractère nul"),
    (PAGES, {"format": "api"}, "Paramètre inconnu : format"),
    (PAGES, {"child_of": "3"}, "Paramètre inconnu : child_of"),
    (DOCUMENTS, {"tags": "x"}, "Paramètre inconnu : tags"),
    (STRUCTURES, {"departement": "2C"}, "Département inconnu : 2C"),
    (STRUCTURES, {"type_structure": "sarl"}, "Type de structure inconnu : sarl"),
    (STRUCTURES, {"siret": "1"}, "Paramètre inconnu : siret"),
    ("/api/v2/", {"x": "1"}, "Paramètre inconnu : x"),
    ("/api/v2/openapi.json", {"x": "1"}, "Paramètre inconnu : x"),
]


def test_every_bad_parameter_is_a_400_with_a_message_in_the_visitors_language(contenu, client):
    for url, data, message in BAD:
        assert message in get(client, url, data, status=400)["message"]
    detail = get(client, PAGES, {"limit": 1})["items"][0]["meta"]["detail_url"]
    assert "Paramètre inconnu" in get(client, detail, {"q": "1"}, status=400)["message"]
    assert get(client, f"{PAGES}999999/", status=404)["message"] == "Introuvable."


SEARCHES = ['statuts "asso', " ".join("b" * 100), "NOT OR AND", "«" * 3000, "title:x* (", "-"]


def test_whatever_is_searched_the_answer_is_a_list(contenu, client):
    for url in (PAGES, DOCUMENTS, STRUCTURES):
        for search in SEARCHES:
            assert "items" in get(client, url, {"search": search})
    assert get(
        client, PAGES, {"search": "statuts", "order": "-title", "domaine": "juridique-statuts"}
    )


def test_documents_are_those_public_pages_offer_structures_their_public_fields(contenu, client):
    _site, public = contenu
    documents = get(client, DOCUMENTS)
    assert titres(documents) == {"Formulaire de demande"}
    assert documents["items"][0]["meta"]["download_url"].endswith(f"/telecharger/{public.pk}/")

    structures = get(client, STRUCTURES, {"fields": "*", "departement": "69"})
    (ressourcerie,) = structures["items"]
    assert ressourcerie["nom"] == "La Ressourcerie du Rhône"
    assert set(ressourcerie) == {
        "id", "meta", "nom", "slug", "type_structure", "departement", "site_web",
        "description", "verifiee",
    }  # fmt: skip
    assert ressourcerie["meta"]["html_url"].endswith("/structures/la-ressourcerie-du-rhone/")
    assert get(client, STRUCTURES, {"search": "jardin"})["meta"]["total_count"] == 1


def responses(client):
    """Every answer of the API a partner can get: lists with every field of every type,
    each item's detail, searches for each secret word."""
    urls = ["/api/v2/", "/api/v2/openapi.json"]
    for type_key in ("guide", "modele", "fiche", "atelier"):
        data = get(client, PAGES, {"type": type_key, "fields": "*", "limit": 100})
        urls += [item["meta"]["detail_url"] for item in data["items"]]
        yield data
    for url in (PAGES, DOCUMENTS, STRUCTURES):
        data = get(client, url, {"fields": "*", "limit": 100})
        urls += [item["meta"]["detail_url"] for item in data["items"]]
        yield data
        for word in SECRETS.values():
            yield get(client, url, {"search": word})
    for url in urls:
        yield get(client, url)


def test_no_draft_private_page_moderated_fiche_or_personal_data_ever_shows(contenu, client):
    answers = json.dumps(list(responses(client)), ensure_ascii=False)
    for secret in SECRETS.values():
        assert secret.lower() not in answers.lower(), secret
    assert "salle-secrete" not in answers  # a workshop's visio link
    site, _document = contenu
    for url in (
        f"{PAGES}{site.caches['prive'].pk}/",
        f"{PAGES}{site.caches['moderation'].pk}/",
        f"{PAGES}{site.index.pk}/",  # not a published type
        f"{DOCUMENTS}{site.caches['document'].pk}/",
    ):
        assert get(client, url, status=404) == {"message": "Introuvable."}


def test_openapi_description_is_valid_and_documents_every_parameter(contenu, client):
    root = get(client, "/api/v2/")
    description = get(client, root["openapi"].replace("http://testserver", ""))
    validate(description)
    parametres = {
        p["name"]
        for operation in description["paths"].values()
        for p in operation["get"]["parameters"]
    }
    assert {"type", "domaine", "public", "departement", "depuis", "jusqu_a", "locale"} <= parametres
    schema = description["components"]["schemas"]["fiches_FichePage"]["properties"]
    assert {"structure", "domaines", "publics", "chapo"} <= set(schema)
    assert reverse("api:pages:listing") in description["servers"][0]["url"] + "pages/"
    section = render_to_string("donnees/ouvertes/api.html")  # for « Données ouvertes »
    assert 'href="/api/v2/openapi.json"' in section


def test_cors_for_get_only_and_a_limit_per_address(contenu, client, settings):
    response = client.get("/api/v2/", HTTP_ORIGIN="https://partenaire.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        PAGES, HTTP_ORIGIN="https://partenaire.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight["Access-Control-Allow-Methods"] == "GET, OPTIONS"
    assert "Access-Control-Allow-Origin" not in client.get("/fr/", HTTP_ORIGIN="https://x.example")

    settings.API_RATE = "3/m"
    for _n in range(3):
        get(client, STRUCTURES)
    refused = client.get(PAGES)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Trop de requêtes" in refused.json()["message"]
    other = client.get(PAGES, REMOTE_ADDR="192.0.2.8")
    assert other.status_code == 200
