"""Annonces in the alerts (issue 19, point 2): « Me prévenir » and the RSS link of the bourse's
listing keep its filters (checked by the listing's own filter form), the digest lists the
annonces first published since the last one and, under « Toujours sans réponse », the
demandes bumped since; nothing that is not public, ever."""

import datetime

import feedparser
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from alertes import services
from alertes.models import Alerte, Frequence
from bourse import cycle
from bourse.models import Annonce
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

ADRESSE = "veille@asso.example"
SECRETS = ("Quokkabrouillon", "Pangolinmoderation", "Tatouretiree", "Narvalpassee")


def il_y_a(jours):
    return timezone.now() - datetime.timedelta(days=jours)


def test_the_listing_offers_an_alert_and_a_feed_of_its_filters(client):
    build_site_tree()
    page = client.get("/fr/bourse/?sens=demande&nature=emploi-partage&a_distance=on")
    liens = [href for href in markup.links(page.content) if "/alertes/" in href]
    assert any(href.startswith("/fr/alertes/creer/?quoi=bourse") for href in liens)
    creer = next(href for href in liens if "/alertes/creer/" in href)
    assert "sens=demande" in creer and "nature=emploi-partage" in creer and "a_distance=on" in creer
    formulaire = client.get(creer)
    assert formulaire.status_code == 200
    assert "Bourse d'entraide — Demande, Emploi partagé, À distance" in markup.text(
        formulaire.content
    )
    # Checked by the listing's own form: an unknown value or parameter is a 400 that says so.
    assert client.get("/fr/alertes/creer/?quoi=bourse&nature=licorne").status_code == 400
    assert client.get("/fr/alertes/flux/?quoi=bourse&tri=recent").status_code == 400


def test_digest_and_feed_list_new_and_bumped_public_annonces_and_nothing_private(client):
    home, index = build_site_tree()
    plateau = StructureFactory(nom="Ressourcerie du Plateau")
    alerte, _created = services.creer(
        "bourse", {"sens": ["demande"]}, "Bourse d'entraide — Demande", ADRESSE,
        Frequence.QUOTIDIENNE, "fr",
    )  # fmt: skip
    services.confirmer(alerte)
    depuis = il_y_a(1)
    Alerte.objects.filter(pk=alerte.pk).update(envoyee_jusqu_a=depuis)
    AnnonceFactory(structure=plateau, titre="Refaire notre site web", published_at=il_y_a(0.5))
    AnnonceFactory(titre="Un camion le samedi", sens="offre", published_at=il_y_a(0.5))
    AnnonceFactory(titre="Toujours muette", published_at=il_y_a(5.5))
    AnnonceFactory(titre="Vieille relancée", published_at=il_y_a(9))
    # Bumped before the last digest: not again.
    Annonce.objects.filter(titre="Vieille relancée").update(relancee_le=il_y_a(3))
    for etat, titre in (
        ("brouillon", SECRETS[0]),
        ("moderation", SECRETS[1]),
        ("retiree", SECRETS[2]),
    ):
        AnnonceFactory(etat=etat, titre=titre, published_at=il_y_a(0.5))
    AnnonceFactory(
        titre=SECRETS[3],
        published_at=il_y_a(0.5),
        fin=timezone.localdate() - datetime.timedelta(days=1),
    )
    fiches = get_or_create_fiche_index(home)
    FichePageFactory(parent=fiches, structure=plateau, title="Gavialfiche", live=False)
    prive = GuidePageFactory(parent=index, title="Ornithoprive")
    PageViewRestriction.objects.create(page=prive, restriction_type="login")

    cycle.lancer()  # bumps « Toujours muette » (5 days without a conversation)
    assert services.envoyer(alerte.pk, services.periode(Frequence.QUOTIDIENNE)) == 2

    (digest,) = [m for m in mail.outbox if m.to == [ADRESSE]]
    nouvelles, relances = digest.body.split("Toujours sans réponse :")
    assert "Refaire notre site web" in nouvelles and "Un camion" not in digest.body
    assert "Toujours muette" in relances and "Vieille relancée" not in digest.body
    assert "2 nouveautés" in digest.subject
    feed = feedparser.parse(client.get("/fr/alertes/flux/?quoi=bourse&sens=demande").content)
    assert [e.title for e in feed.entries][:1] == ["Refaire notre site web"]
    for secret in (*SECRETS, "Gavialfiche", "Ornithoprive"):
        assert secret not in digest.body and secret not in str(feed)


def test_the_bourse_feed_of_an_alert_costs_the_same_queries_whatever_its_size(client):
    build_site_tree()
    auteur = UserFactory()

    def compter():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fr/alertes/flux/?quoi=bourse&domaine=numerique").status_code == 200
        return len(queries)

    AnnonceFactory(auteur=auteur, domaines=["numerique"])
    avant = compter()
    for _n in range(6):
        AnnonceFactory(auteur=auteur, domaines=["numerique"], departements=["13", "69"])
    assert compter() == avant
