"""The registrant's journey in a real Chromium (tests/browser.py), at phone width: register on
the workshop page, open the « annuler » link of the e-mail, confirm, and see the person on the
waitlist get the seat. Chromium sends « Origin: null » with a form posted from a page that
asks for no referrer at all, which Django's CSRF check refuses: this journey proves the
cancellation form gets through."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright import sync_api

from evenements.models import Inscription
from tests.browser import browser_db, describe, serious_violations
from tests.evenements.helpers import atelier

pytestmark = browser_db

ANA, BRUNO = "ana@asso-quartier.example", "bruno@asso-quartier.example"


@pytest.fixture
def workshop(agenda):
    return atelier(agenda, title="Premier salarié : mode d'emploi", capacite=1)


def register_on_the_page(tab, live_server, workshop, nom, email, button):
    tab.goto(f"{live_server.url}{workshop.url}")
    tab.locator("#id_nom").fill(nom)
    tab.locator("#id_email").fill(email)
    tab.locator("#id_consentement").check()
    tab.get_by_role("button", name=button).click()
    sync_api.expect(tab.get_by_role("heading", level=1)).to_have_text("Vérifiez vos e-mails")


def link_in_mail(address, label):
    """The path of the link that follows ``label`` in the last e-mail to ``address``."""
    [message] = [m for m in mail.outbox if m.to == [address]][-1:]
    url = re.search(rf"{re.escape(label)} (\S+)", message.body).group(1)
    return urlsplit(url).path


def test_a_registrant_cancels_from_the_email_and_the_waitlist_gets_the_seat(
    tab, live_server, workshop
):
    register_on_the_page(tab, live_server, workshop, "Ana Lopez", ANA, "M'inscrire")
    register_on_the_page(
        tab, live_server, workshop, "Bruno Petit", BRUNO, "Rejoindre la liste d'attente"
    )
    assert Inscription.objects.get(email=BRUNO).statut == Inscription.Statut.ATTENTE

    tab.goto(live_server.url + link_in_mail(ANA, "Annuler mon inscription :"))

    sync_api.expect(tab.get_by_role("heading", level=1)).to_have_text("Annuler mon inscription ?")
    sync_api.expect(tab.locator("main")).to_contain_text(ANA)
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    violations = serious_violations(tab, context="main")
    assert not violations, describe(violations)

    tab.get_by_role("button", name="Oui, annuler mon inscription et supprimer mes données").click()

    tab.wait_for_url(f"{live_server.url}{workshop.url}")
    sync_api.expect(tab.locator(".messages")).to_contain_text("Votre inscription est annulée")
    assert not Inscription.objects.filter(email=ANA).exists()
    assert Inscription.objects.get(email=BRUNO).statut == Inscription.Statut.CONFIRMEE
    promotion = [m for m in mail.outbox if m.to == [BRUNO]][-1]
    assert "Une place s'est libérée" in promotion.subject
