"""What the open data publishes is what anyone may read, nothing more (issue 17, « Security »).

A unique word is placed where only its authors or staff may see it: a draft revision of a live
guide, a fiche waiting for moderation and its attached file, a change to a published fiche
waiting for moderation, pages behind a log-in or a password, an unpublished workshop, a
registration's name and address, a member's name and address. Every open-data address is then
read anonymously and as the member of another structure: the word is never there.

The addresses are taken from the URL configuration: an address served by ``donnees`` (or under
``/api/``) that is not listed in ``ADDRESSES`` fails the last test."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from donnees import publication
from donnees.jeux_views import NOMS
from evenements.models import Inscription
from fiches.models import FichePage
from ressources.registry import registered_types
from tests.adresses import url_patterns
from tests.evenements import helpers as evenements_helpers
from tests.factories import (
    AtelierPageFactory,
    GuidePageFactory,
    ModelePageFactory,
    StructureFactory,
    UserFactory,
    in_days,
)
from tests.fiches import helpers as fiches_helpers
from tests.search import corpus

pytestmark = pytest.mark.django_db

SECRET = "Quibbelwonk"
DOMAINES = ("juridique-statuts", "ressources-humaines")


def _types():
    return ["ressources", *registered_types()]


# URL name → the keyword arguments of each address to read.
ADDRESSES = {
    "flux": [{}],
    "flux_atom": [{}],
    "flux_ressources": [{}],
    "flux_ressources_atom": [{}],
    "flux_type": [{"type_key": key} for key in _types()],
    "flux_type_atom": [{"type_key": key} for key in _types()],
    "flux_domaine": [{"slug": slug} for slug in DOMAINES],
    "flux_domaine_atom": [{"slug": slug} for slug in DOMAINES],
    "opensearch": [{}],
    "vocabulaires": [{}],
    "vocabulaires_fichier": [{"format": "ttl"}, {"format": "jsonld"}],
    "vocabulaire": [{"schema": "domaines"}, {"schema": "territoires"}],
    "vocabulaire_fichier": [{"schema": "domaines", "format": "jsonld"}],
    "vocabulaire_concept": [{"schema": "territoires", "identifiant": "departement-69"}],
    "vocabulaire_concept_fichier": [
        {"schema": "niveaux", "identifiant": "avance", "format": "ttl"}
    ],
    "integrer": [{}],
    "integrer_ateliers": [{}],
    "integrer_ressources": [{}],
    "chiffres": [{}],
    "chiffres_csv": [{}],
    "chiffres_json": [{}],
    "donnees_ouvertes": [{}],
    "donnees_fichier": [{"nom": nom} for nom in sorted(NOMS)],
    "api": [{}],
    "api_openapi": [{}],
    "api:pages:listing": [{}],
    "api:documents:listing": [{}],
    "api:structures:listing": [{}],
    # the public items of the API by id, read from its lists (``api_details``)
    "api:pages:detail": [],
    "api:documents:detail": [],
    "api:structures:detail": [],
}
# Addresses that are not named URL patterns of ``donnees``, or the same with parameters.
OTHER_ADDRESSES = [
    "/sitemap.xml",
    "/fr/integrer/ateliers/?nombre=20",
    "/fr/integrer/ressources/?nombre=20",
    "/fr/integrer/?quoi=ateliers&nombre=20",
    "/api/v2/pages/?fields=*&limit=100",
    "/api/v2/pages/?type=fiche&fields=*&search=Tilleuls",
    "/api/v2/documents/?fields=*",
    "/api/v2/structures/?fields=*&limit=100",
]


def _secrets(site):
    """Put the word everywhere it must not come out."""
    guide = site.pages["statuts"].specific
    guide.title = f"Statuts {SECRET}"
    guide.save_revision()  # a draft revision of a live page

    membre = fiches_helpers.contributor(email=f"{SECRET.lower()}@asso.example", first_name=SECRET)
    structure = StructureFactory(nom="Asso des Tilleuls", membres=[membre])
    piece = fiches_helpers.pending_file(membre, name=f"{SECRET}.pdf")
    en_moderation = fiches_helpers.draft(
        structure, membre, pieces=[piece], title=f"Fiche {SECRET}", chapo=SECRET
    )
    fiches_helpers.submit(en_moderation, membre)
    publiee = fiches_helpers.published(structure, membre, title="Fiche des Tilleuls")
    publiee = FichePage.objects.get(pk=publiee.pk)
    publiee.chapo = f"Nouveau chapô {SECRET}"
    publiee.save_revision(user=membre)  # a change waiting for the moderators

    for kind in ("login", "password"):
        prive = GuidePageFactory(parent=site.index, title=f"Réservé {SECRET} {kind}")
        PageViewRestriction.objects.create(page=prive, restriction_type=kind, password="x")
    AtelierPageFactory(parent=site.agenda, title=f"Atelier {SECRET}", brouillon=True)
    ModelePageFactory(parent=site.index, title="Modèle public")  # with its file
    atelier = AtelierPageFactory(parent=site.agenda, title="Atelier public", debut=in_days(9))
    evenements_helpers.register(atelier, nom=f"Camille {SECRET}")
    evenements_helpers.past_registration(
        atelier, nom="Dominique Martin", email=f"{SECRET.lower()}2@asso.example"
    )
    assert Inscription.objects.filter(nom__contains=SECRET).exists()


@pytest.fixture(scope="module")
def site(module_transaction):
    with module_transaction.unblock():
        contenu = corpus.build()
        _secrets(contenu)
        publication.publier()  # the open datasets of this content, not another module's
        autre = UserFactory(email="autre@asso.example")
        StructureFactory(nom="Une autre structure", membres=[autre])
        return contenu, autre


def addresses():
    for name, arguments in ADDRESSES.items():
        for kwargs in arguments:
            yield reverse(name, kwargs=kwargs)
    yield from OTHER_ADDRESSES


def api_details(client):
    """The address of every item the API's lists give."""
    for endpoint in ("pages", "documents", "structures"):
        listing = client.get(reverse(f"api:{endpoint}:listing"), {"limit": 100}).json()
        for item in listing["items"]:
            yield reverse(f"api:{endpoint}:detail", kwargs={"pk": item["id"]})


@pytest.mark.parametrize("viewer", ["anonyme", "membre d'une autre structure"])
def test_no_open_data_address_ever_shows_what_is_not_public(site, viewer):
    _contenu, autre = site
    client = Client()
    if viewer != "anonyme":
        client.force_login(autre)
    read = []
    for url in [*addresses(), *api_details(client)]:
        response = client.get(url)
        assert response.status_code == 200, url
        content = b"".join(response.streaming_content) if response.streaming else response.content
        body = content.decode()
        assert SECRET.lower() not in body.lower(), url
        read.append(body)
    # what is public is there: the addresses were not empty
    assert any("Fiche des Tilleuls" in body for body in read)
    assert any("Atelier public" in body for body in read)


def _served_by_donnees():
    for route, name, callback in url_patterns():
        module = getattr(callback, "__module__", "") or ""
        if module.startswith("donnees") or route.startswith("api/"):
            yield name or route


def test_every_open_data_address_is_read_by_the_disclosure_test():
    unlisted = set(_served_by_donnees()) - set(ADDRESSES)
    assert not unlisted, "Add these addresses to ADDRESSES"
