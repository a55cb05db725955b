"""Finding the bourse's annonces beyond its listing (issue 19, points 2 and 6a): the sitemap,
the JSON-LD of an annonce's page, the pages that may help a demande (on its page, its
preview, its form, and live as it is typed, through an HTML fragment). Nothing unpublished,
private or personal in any of them."""

import datetime
import json
import re
import types
from unittest import mock

import pytest
from django.core.cache import caches
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from bourse import services, tasks, views_ressources
from bourse.cherchable import SOURCE
from bourse.models import Annonce, Etat
from search import indexation, moteur
from search.backends.elasticsearch import FrenchSearchBackend
from search.models import Entree, Synonyme
from tests import markup
from tests.factories import (
    AnnonceFactory,
    GuidePageFactory,
    ModelePageFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
)
from tests.search.helpers import index_everything

pytestmark = pytest.mark.django_db

SECRETS = {
    "brouillon": "Quokkatrouver",
    "moderation": "Pangolintrouver",
    "retiree": "Tatoutrouver",
    "pourvue": "Okapitrouver",
    "expiree": "Axolotltrouver",
    "passee": "Narvaltrouver",
    "guide_brouillon": "Gavialtrouver",
    "guide_prive": "Ornithotrouver",
    "membre": "Zorilletrouver",
}
FRAGMENT = "/fr/bourse/ressources-utiles/"
ANNONCE = re.compile(r"/fr/bourse/\d+/")


@pytest.fixture(scope="module")
def bourse(module_transaction):
    with module_transaction.unblock():
        _home, index = build_site_tree()
        guide = GuidePageFactory(parent=index, title="Monter un dossier de subvention")
        modele = ModelePageFactory(parent=index, title="Modèle de budget prévisionnel")
        GuidePageFactory(parent=index, title=f"Subvention {SECRETS['guide_brouillon']}", live=False)
        prive = GuidePageFactory(parent=index, title=f"Subvention {SECRETS['guide_prive']}")
        PageViewRestriction.objects.create(page=prive, restriction_type="login")
        Synonyme.objects.create(expressions="CA, conseil d'administration")
        membre = UserFactory(
            first_name=SECRETS["membre"], email=f"{SECRETS['membre'].lower()}@asso.example"
        )
        plateau = StructureFactory(nom="Ressourcerie du Plateau", membres=[membre])
        demande = AnnonceFactory(
            structure=plateau,
            auteur=membre,
            titre="Relire notre dossier de subvention",
            description=(
                "Nous déposons une demande de subvention au département en mars ; notre "
                "conseil d'administration la vote avant."
            ),
            domaines=["numerique"],
            departements=["69"],
        )
        offre = AnnonceFactory(
            structure=plateau,
            sens="offre",
            nature="materiel",
            titre="Un camion le samedi",
            auteur=membre,
            departements=["75"],
            a_distance=True,
        )
        cachees = [
            AnnonceFactory(
                structure=plateau, etat=etat, titre=f"Subvention {SECRETS[etat]}", auteur=membre
            )
            for etat in ("brouillon", "moderation", "retiree", "pourvue", "expiree")
        ]
        cachees.append(
            AnnonceFactory(
                structure=plateau,
                titre=f"Subvention {SECRETS['passee']}",
                fin=timezone.localdate() - datetime.timedelta(days=1),
            )
        )
        index_everything()
        return types.SimpleNamespace(
            guide=guide, modele=modele, demande=demande, offre=offre, cachees=cachees,
            membre=membre,
        )  # fmt: skip


def sans_secret(texte):
    return [nom for nom, secret in SECRETS.items() if secret.lower() in texte.lower()]


def json_ld(response):
    scripts = markup.soup(response.content).select('script[type="application/ld+json"]')
    return [json.loads(script.string) for script in scripts]


def test_the_sitemap_lists_running_annonces_only_with_their_last_change(bourse, client):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()

    assert response.status_code == 200
    for annonce in (bourse.demande, bourse.offre):
        entry = f"<loc>http://testserver/fr/bourse/{annonce.pk}/</loc>"
        assert entry in xml
        lastmod = timezone.localtime(annonce.updated_at).date().isoformat()
        assert f"{entry}<lastmod>{lastmod}</lastmod>" in xml.replace("\n", "").replace(" ", "")
    for annonce in bourse.cachees:
        assert f"/bourse/{annonce.pk}/" not in xml
    assert not sans_secret(xml)


def test_an_annonce_page_describes_an_offer_or_a_demand_without_a_person(bourse, client):
    demande = client.get(bourse.demande.get_absolute_url())
    offre = client.get(bourse.offre.get_absolute_url())
    signaler = client.get(f"/fr/bourse/{bourse.offre.pk}/signaler/")

    demand, miettes = json_ld(demande)
    offer, _miettes = json_ld(offre)
    assert demand["@type"] == "Demand" and offer["@type"] == "Offer"
    assert demand["name"] == "Relire notre dossier de subvention"
    assert demand["url"] == f"http://testserver/fr/bourse/{bourse.demande.pk}/"
    assert demand["@reverse"]["seeks"]["name"] == "Ressourcerie du Plateau"
    assert demand["@reverse"]["seeks"]["@type"] == "Organization"
    assert demand["itemOffered"] == {
        "@type": "Service",
        "serviceType": "Compétence",
        "category": ["Numérique"],
    }
    assert demand["validThrough"] == bourse.demande.fin.isoformat()
    assert [lieu["name"] for lieu in demand["areaServed"]] == ["69 – Rhône"]
    assert offer["offeredBy"]["@type"] == "Organization"
    assert offer["price"] == 0 and offer["itemOffered"]["availableChannel"]["name"] == "à distance"
    assert miettes["@type"] == "BreadcrumbList"
    assert [block["@type"] for block in json_ld(signaler)] == ["BreadcrumbList"]
    for data in (demand, offer):
        texte = json.dumps(data, ensure_ascii=False)
        assert "@" not in texte.replace('"@', "")  # no e-mail address
        assert not sans_secret(texte)
        assert "streetAddress" not in texte and "telephone" not in texte
    for annonce in bourse.cachees:
        assert client.get(annonce.get_absolute_url()).status_code == 404


def test_a_demande_shows_the_pages_that_may_help_on_its_page_preview_and_form(bourse, client):
    client.force_login(bourse.membre)
    pages = {
        "page": client.get(bourse.demande.get_absolute_url()),
        "apercu": client.get(f"/fr/bourse/{bourse.demande.pk}/apercu/"),
        "formulaire": client.get(f"/fr/bourse/{bourse.demande.pk}/modifier/"),
    }
    offre = client.get(f"/fr/bourse/{bourse.offre.pk}/modifier/")

    for nom, response in pages.items():
        assert response.status_code == 200, nom
        assert bourse.guide.url in markup.links(response.content), nom
        assert not sans_secret(response.content.decode()), nom
    formulaire = markup.soup(pages["formulaire"].content)
    section = formulaire.select_one("[data-ressources-utiles]")
    assert section["data-ressources-utiles"] == FRAGMENT and not section.has_attr("hidden")
    assert section.select_one("[aria-live=polite]").find("a", href=bourse.guide.url)
    assert "js/ressources_utiles" in formulaire.select_one("head").decode()
    assert markup.soup(offre.content).select_one("[data-ressources-utiles]").has_attr("hidden")


def test_the_fragment_finds_public_pages_for_what_is_typed_and_refuses_the_rest(
    bourse, client, monkeypatch
):
    caches["default"].clear()
    trouve = client.get(FRAGMENT, {"titre": "Budget", "description": "prévisionnel 2027"})
    secrets = client.get(
        FRAGMENT, {"titre": "Subvention", "description": " ".join(SECRETS.values())}
    )
    rien = client.get(FRAGMENT, {"titre": "Zygomorphe", "description": ""})
    refus = {
        "inconnu": client.get(FRAGMENT, {"titre": "statuts", "utm_source": "x"}),
        "trop long": client.get(FRAGMENT, {"titre": "x" * 151}),
        "deux fois": client.get(f"{FRAGMENT}?titre=a&titre=b"),
    }
    monkeypatch.setattr(views_ressources, "DEMANDES_PAR_MINUTE", "3/m")
    caches["default"].clear()
    statuts = [client.get(FRAGMENT, {"titre": "statuts"}).status_code for _n in range(4)]

    assert trouve.status_code == 200 and trouve["X-Robots-Tag"] == "noindex"
    assert markup.links(trouve.content) == [bourse.modele.url]
    assert bourse.guide.url in markup.links(secrets.content)
    assert not sans_secret(secrets.content.decode())
    assert "Pas encore de guide" in markup.text(rien.content)
    assert {nom: r.status_code for nom, r in refus.items()} == dict.fromkeys(refus, 400)
    assert "Paramètre inconnu : utm_source" in markup.text(refus["inconnu"].content)
    assert "150 caractères au plus" in markup.text(refus["trop long"].content)
    assert "plusieurs fois" in markup.text(refus["deux fois"].content)
    assert statuts == [200, 200, 200, 429]
    caches["default"].clear()


def trouvees(client, **params):
    response = client.get("/fr/recherche/", params)
    assert response.status_code == 200
    return response, [url for url in markup.links(response.content) if ANNONCE.fullmatch(url)]


def test_the_search_finds_public_annonces_by_their_words_and_synonyms_only(bourse, client):
    demande_url = bourse.demande.get_absolute_url()
    par_mot, annonces = trouvees(client, q="subvention")
    _reponse, par_synonyme = trouvees(client, q="CA")
    _reponse, par_type = trouvees(client, q="camion", type="annonce")
    _reponse, par_secret = trouvees(client, q=" OR ".join(SECRETS.values()))

    assert demande_url in annonces
    assert not [a for a in bourse.cachees if a.get_absolute_url() in annonces]
    assert demande_url in par_synonyme  # « CA » finds « conseil d'administration »
    assert par_type == [bourse.offre.get_absolute_url()]
    facettes = markup.text(par_mot.content)
    assert "Bourse d'entraide" in facettes and "Ressourcerie du Plateau" in facettes
    assert par_secret == []
    ecrit = [
        texte for row in Entree.objects.values_list("title", "chapo", "texte") for texte in row
    ]
    assert not sans_secret(" ".join(ecrit))  # nor in any entry


def test_an_annonce_leaves_the_search_the_day_after_its_end_and_when_it_closes(
    bourse, django_capture_on_commit_callbacks
):
    francais = Locale.objects.get(language_code="fr")
    cle = SOURCE.cle(bourse.demande.pk)
    fin = timezone.make_aware(datetime.datetime.combine(bourse.demande.fin, datetime.time(23, 59)))

    def cherchable(now):
        return moteur.candidates(francais, moteur.Filters(), now=now).filter(objet=cle).exists()

    assert cherchable(fin) and not cherchable(fin + datetime.timedelta(minutes=2))

    brouillon = Annonce.objects.get(titre=f"Subvention {SECRETS['brouillon']}")
    with django_capture_on_commit_callbacks(execute=True):
        services.fermer(bourse.demande, Etat.RETIREE)
        services.publier(brouillon)
    assert not Entree.objects.filter(objet=cle).exists()
    assert Entree.objects.get(objet=SOURCE.cle(brouillon.pk)).url == brouillon.get_absolute_url()

    # The daily expiry marks it in bulk (no signal) and takes its entry out all the same.
    Annonce.objects.filter(pk=brouillon.pk).update(fin=timezone.localdate() - datetime.timedelta(1))
    with django_capture_on_commit_callbacks(execute=True):
        tasks.expirer_annonces.call()
    assert not Entree.objects.filter(objet=SOURCE.cle(brouillon.pk)).exists()


def test_an_annonce_reaches_elasticsearch_and_leaves_it_when_it_closes(bourse, settings):
    """Through the same engine as the pages' entries (search.engines.wagtail)."""
    settings.PUBLIC_SEARCH_ENGINE = "elasticsearch"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": ["http://elasticsearch.invalid:9200"],
        }
    }
    added, deleted = [], []
    pk = bourse.demande.pk

    with (
        mock.patch.object(
            FrenchSearchBackend, "add_bulk", lambda self, model, objs: added.extend(objs)
        ),
        mock.patch.object(FrenchSearchBackend, "delete", lambda self, obj: deleted.append(obj)),
    ):
        indexation.synchroniser_objets(SOURCE, [pk])
        (entree,) = added
        assert (entree.objet, entree.type, entree.page_id) == (f"annonce:{pk}", "annonce", None)
        assert entree.url == bourse.demande.get_absolute_url()
        assert [d.slug for d in entree.domaines.all()] == ["numerique"]
        Annonce.objects.filter(pk=pk).update(etat=Etat.RETIREE)
        indexation.synchroniser_objets(SOURCE, [pk])

    assert [entry.pk for entry in deleted] == [entree.pk]
