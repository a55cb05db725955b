"""The bourse's RSS feed, read as a feed reader reads it: only the annonces anyone may see,
the moment they stop being public; of their authors, only the structure's name."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from tests.factories import AnnonceFactory, StructureFactory, UserFactory, build_site_tree

pytestmark = pytest.mark.django_db


def test_the_feed_lists_the_public_annonces_and_nothing_else(client):
    build_site_tree()
    structure = StructureFactory(nom="La Ressourcerie")
    auteur = UserFactory(email="secret-auteur@asso.example")
    hier = timezone.localdate() - datetime.timedelta(days=1)
    AnnonceFactory(titre="Un camion le samedi", sens="offre", structure=structure, auteur=auteur)
    for etat, fin, titre in [
        ("brouillon", None, "Brouillon"),
        ("moderation", None, "En modération"),
        ("retiree", None, "Retirée"),
        ("pourvue", None, "Pourvue"),
        ("publiee", hier, "Finie hier"),
    ]:
        AnnonceFactory(titre=titre, etat=etat, **({"fin": fin} if fin else {}))

    response = client.get("/fr/bourse/flux/")
    feed = feedparser.parse(response.content)

    assert response.status_code == 200 and not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Offre – Un camion le samedi"]
    assert feed.entries[0].author == "La Ressourcerie"
    assert "secret-auteur" not in response.content.decode()
    assert client.get("/fr/bourse/flux/?page=2").status_code == 400
    listing = client.get("/fr/bourse/").content.decode()
    assert 'type="application/rss+xml"' in listing and "/fr/bourse/flux/" in listing
