"""The public side of the bourse (issue 19, point 2): only running published annonces, the
listing's filters and its fixed number of queries, refused parameters, « Signaler » and its
limit, a structure's page, and nothing personal or unpublished anywhere."""

import datetime
import re
import types

import django_ratelimit.core
import pytest
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from bourse.models import Annonce, Etat, Signalement
from fiches.services import get_or_create_fiche_index
from tests import markup
from tests.factories import (
    AnnonceFactory,
    FichePageFactory,
    GuidePageFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
)

pytestmark = pytest.mark.django_db

SECRETS = {
    "brouillon": "Quokkabrouillon",
    "moderation": "Pangolinmoderation",
    "retiree": "Tatouretiree",
    "pourvue": "Okapipourvue",
    "expiree": "Axolotlexpiree",
    "passee": "Narvalpassee",
    "fiche": "Gavialfiche",
    "prive": "Ornithoprive",
    "membre": "Zorillemembre",
}
EMAIL_OU_TELEPHONE = re.compile(r"@|(?:\+33|\b0)[1-9](?:[\s.-]?\d{2}){4}\b")


def hier():
    return timezone.localdate() - datetime.timedelta(days=1)


@pytest.fixture(scope="module")
def bourse(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        membre = UserFactory(
            first_name=SECRETS["membre"], email=f"{SECRETS['membre'].lower()}@asso.example"
        )
        plateau = StructureFactory(
            nom="Ressourcerie du Plateau", departement="69", membres=[membre]
        )
        annonces = {
            "site": AnnonceFactory(
                structure=plateau, auteur=membre, titre="Refaire notre site web",
                domaines=["numerique"], departements=["69"],
            ),
            "camion": AnnonceFactory(
                sens="offre", nature="materiel", titre="Un camion le samedi", departements=["75"],
            ),
            "mentorat": AnnonceFactory(
                sens="offre", nature="accompagnement", titre="Mentorat de trésoriers",
                departements=[], a_distance=True,
            ),
            "achat": AnnonceFactory(
                nature="achat-groupe", titre="Achat groupé de vaisselle", departements=["13", "69"],
            ),
        }  # fmt: skip
        for etat in ("brouillon", "moderation", "retiree", "pourvue", "expiree"):
            AnnonceFactory(structure=plateau, etat=etat, titre=f"Annonce {SECRETS[etat]}")
        AnnonceFactory(structure=plateau, fin=hier(), titre=f"Annonce {SECRETS['passee']}")
        fiches = get_or_create_fiche_index(home)
        FichePageFactory(parent=fiches, structure=plateau, title=SECRETS["fiche"], live=False)
        prive = GuidePageFactory(parent=index, title=SECRETS["prive"])
        PageViewRestriction.objects.create(page=prive, restriction_type="login")
        return types.SimpleNamespace(plateau=plateau, annonces=annonces, membre=membre)


def titres(response):
    return sorted(markup.texts(response.content, "card__title"))


def test_only_running_published_annonces_show_and_nothing_private_ever(bourse, client):
    pages = {
        "liste": client.get("/fr/bourse/"),
        "offres": client.get("/fr/bourse/?sens=offre"),
        "structure": client.get(bourse.plateau.get_absolute_url()),
        "site": client.get(bourse.annonces["site"].get_absolute_url()),
        "signaler": client.get(f"/fr/bourse/{bourse.annonces['site'].pk}/signaler/"),
    }
    cachees = Annonce.objects.exclude(pk__in=[a.pk for a in bourse.annonces.values()])

    assert {nom: r.status_code for nom, r in pages.items()} == dict.fromkeys(pages, 200)
    assert titres(pages["liste"]) == sorted(a.titre for a in bourse.annonces.values())
    assert markup.result_count(pages["liste"].content) == "4 annonces"
    assert [client.get(f"/fr/bourse/{a.pk}/").status_code for a in cachees] == [404] * 6
    for nom, response in pages.items():
        html = response.content.decode()
        assert len(markup.elements(response.content, "h1")) == 1, nom
        assert not [secret for secret in SECRETS.values() if secret.lower() in html.lower()], nom
        assert not EMAIL_OU_TELEPHONE.search(markup.text(response.content)), nom
    structure = markup.text(pages["structure"].content)
    assert "Refaire notre site web" in structure
    assert "Ressourcerie du Plateau" in markup.text(pages["site"].content)
    assert bourse.plateau.get_absolute_url() in markup.links(pages["site"].content)


def test_the_filters_find_what_they_say(bourse, client):
    def trouve(query):
        return titres(client.get(f"/fr/bourse/?{query}"))

    a = bourse.annonces
    assert trouve("sens=offre") == sorted([a["camion"].titre, a["mentorat"].titre])
    assert trouve("nature=materiel&nature=achat-groupe") == sorted(
        [a["camion"].titre, a["achat"].titre]
    )
    assert trouve("domaine=numerique") == [a["site"].titre]
    assert trouve("departement=69") == sorted([a["site"].titre, a["achat"].titre])
    assert trouve("a_distance=on") == [a["mentorat"].titre]
    assert trouve("departement=75&a_distance=on") == sorted(
        [a["camion"].titre, a["mentorat"].titre]
    )
    assert trouve("departement=13&sens=offre") == []


def test_unknown_parameters_and_values_are_a_400_that_says_which(bourse, client):
    reponses = {
        query: client.get(f"/fr/bourse/?{query}")
        for query in ("utm_source=x", "nature=potager", "departement=99", "sens=les-deux")
    }
    detail = client.get(f"/fr/bourse/{bourse.annonces['site'].pk}/?x=1")

    assert {q: r.status_code for q, r in reponses.items()} == dict.fromkeys(reponses, 400)
    assert "Paramètre inconnu : utm_source" in markup.text(reponses["utm_source=x"].content)
    assert "potager" in markup.text(reponses["nature=potager"].content)
    assert markup.soup(reponses["departement=99"].content).title.get_text().startswith("Erreur")
    assert detail.status_code == 400
    assert client.get("/fr/bourse/?page=abc").status_code == 200


def test_the_listing_runs_the_same_queries_whatever_the_number_of_annonces(bourse, client):
    urls = [
        "/fr/bourse/",
        "/fr/bourse/?sens=demande&domaine=numerique&departement=69&a_distance=on",
    ]

    def compter():
        counts = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        return counts

    compter()  # the first request reads the site's root paths, then kept by Wagtail
    avant = compter()
    for numero in range(6):
        AnnonceFactory(
            titre=f"Encore {numero}", departements=["69", "2A"], domaines=["numerique"],
            a_distance=bool(numero % 2),
        )  # fmt: skip
    apres = compter()

    assert apres == avant
    assert markup.result_count(client.get("/fr/bourse/").content) == "10 annonces"


def test_signaler_reaches_the_moderators_and_is_limited(
    bourse, client, monkeypatch, django_capture_on_commit_callbacks
):
    UserFactory(groups=["Modérateurs"], email="moderation@entraide.example")
    monkeypatch.setattr(
        django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: 1_800_000_000)
    )
    annonce = bourse.annonces["camion"]
    url = f"/fr/bourse/{annonce.pk}/signaler/"
    sans_motif = client.post(url, {"commentaire": "Louche"})
    robot = client.post(url, {"motif": "arnaque", "site_internet": "http://spam.example"})
    with django_capture_on_commit_callbacks(execute=True):
        premier = client.post(url, {"motif": "arnaque", "commentaire": "On me demande un RIB"})
    for _ in range(2):
        client.post(url, {"motif": "commercial"})
    de_trop = client.post(url, {"motif": "commercial", "commentaire": "Encore"})

    assert "Choisissez une raison" in markup.text(sans_motif.content)
    assert premier["Location"] == f"/fr/bourse/{annonce.pk}/signalee/"
    assert de_trop.status_code == 429
    assert "Trop de signalements" in markup.text(de_trop.content)
    assert "Encore" in markup.soup(de_trop.content).select_one("#id_commentaire").get_text()
    assert robot.status_code == 200
    assert Signalement.objects.filter(annonce=annonce).count() == 3
    [email] = mail.outbox
    assert email.bcc == ["moderation@entraide.example"]
    assert "On me demande un RIB" in email.body
    assert f"/admin/bourse/moderer/{annonce.pk}/" in email.body
    assert annonce in Annonce.objects.a_moderer()
    assert client.post(f"/fr/bourse/{Annonce.objects.get(etat='retiree').pk}/signaler/", {
        "motif": "autre"
    }).status_code == 404  # fmt: skip


def test_addresses_and_numbers_typed_by_a_poster_never_show(bourse, client):
    user = bourse.membre
    client.force_login(user)
    refus = client.post(
        "/fr/bourse/nouvelle/",
        {
            "structure": bourse.plateau.pk, "sens": "offre", "nature": "competence",
            "titre": "Appelez le 06 12 34 56 78", "description": "Écrivez à moi@asso.example",
            "departements": ["69"], "format": "sur-place", "contrepartie": "aucune",
        },
    )  # fmt: skip
    cachee = AnnonceFactory(
        titre="Saisie par l'admin",
        description="<script>alert(1)</script> [lien](javascript:alert(1)) 01 23 45 67 89 "
        "x@y.example https://exemple.org",
    )
    client.logout()
    page = client.get(cachee.get_absolute_url())

    assert markup.soup(refus.content).select(".form-errors__liste a") == [
        markup.soup(refus.content).select_one(f'a[href="#id_{name}"]')
        for name in ("titre", "description")
    ]
    texte = markup.text(page.content)
    assert not EMAIL_OU_TELEPHONE.search(texte)
    assert "<script>" not in page.content.decode()
    assert 'href="javascript' not in page.content.decode()
    assert 'href="https://exemple.org" rel="nofollow ugc noopener"' in page.content.decode()


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(etat=st.sampled_from(Etat.values), decalage=st.integers(-400, 200))
def test_an_annonce_is_public_exactly_while_published_and_not_ended(bourse, client, etat, decalage):
    fin = timezone.localdate() + datetime.timedelta(days=decalage)
    with transaction.atomic():
        annonce = AnnonceFactory(etat=etat, fin=fin, titre="Annonce de la propriété")
        attendue = etat == Etat.PUBLIEE and decalage >= 0
        listee = "Annonce de la propriété" in titres(client.get("/fr/bourse/?sens=demande"))
        detail = client.get(annonce.get_absolute_url()).status_code
        structure = "Annonce de la propriété" in markup.text(
            client.get(annonce.structure.get_absolute_url()).content
        )
        transaction.set_rollback(True)

    assert (listee, detail == 200, structure) == (attendue, attendue, attendue)
