"""« Nous écrire » and « Plan du site », linked from every page's footer (issue 18, point 6)."""

import types

import django_ratelimit.core
import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from fiches.services import get_or_create_fiche_index
from ressources import services
from tests import markup
from tests.factories import (
    FichePageFactory,
    GuidePageFactory,
    UserFactory,
    build_site_tree,
    translate,
)

pytestmark = pytest.mark.django_db

SECRET_BROUILLON = "Quetzalbrouillon"
SECRET_PRIVE = "Ornithoprive"
SECRET_MODERATION = "Pangolinmoderation"
MESSAGE = {
    "nom": "Claire Martin",
    "email": "claire@asso.example",
    "sujet": "erreur",
    "message": "Le montant du seuil\r\na changé au 1er janvier.",
}


@pytest.fixture(scope="module")
def site(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        guides = [GuidePageFactory(parent=index, title=f"Guide {n}") for n in range(2)]
        GuidePageFactory(parent=index, title=f"Guide {SECRET_BROUILLON}", live=False)
        revision = guides[0].get_latest_revision_as_object()
        revision.title = f"Guide {SECRET_BROUILLON}"
        revision.save_revision()
        fiches = get_or_create_fiche_index(home)
        FichePageFactory(parent=fiches, title="Fiche publiée")
        FichePageFactory(parent=fiches, title=f"Fiche {SECRET_MODERATION}", live=False)
        prive = GuidePageFactory(parent=index, title=f"Guide {SECRET_PRIVE}")
        PageViewRestriction.objects.create(page=prive, restriction_type="login")
        donnees = services.get_or_create_information(
            home, slug="donnees-personnelles", title="Données personnelles", body="<p>…</p>"
        )
        translate(home, title="Entraide (en)")
        moderatrice = UserFactory(email="moderatrice@entraide.example")
        moderatrice.groups.add(Group.objects.get(name="Modérateurs"))
        UserFactory(email="contributrice@asso.example")
        return {"home": home, "index": index, "guides": guides, "donnees": donnees}


def test_a_message_reaches_the_staff_by_e_mail_and_the_reader_is_thanked(site, client):
    page = client.get("/fr/contact/")
    form = markup.soup(page.content).select_one("main form")
    labels = [label.get_text(" ", strip=True) for label in form.select("label")]

    response = client.post("/fr/contact/", MESSAGE, follow=True)

    assert form["method"] == "post"
    assert any(label.startswith("Votre adresse e-mail") for label in labels)
    assert markup.links(page.content).count(site["donnees"].url) == 2  # footer and notice
    assert response.redirect_chain == [("/fr/contact/merci/", 302)]
    assert markup.elements(response.content, "h1")
    assert "Merci, votre message est parti" in markup.text(response.content)
    [email] = mail.outbox
    assert email.bcc == ["moderatrice@entraide.example"]
    assert email.to == []
    assert email.extra_headers["Reply-To"] == "claire@asso.example"  # « Répondre » reaches her
    assert email.subject == "[Entraide] Contact : Signaler une erreur"
    assert "Claire Martin <claire@asso.example>" in email.body
    assert "Le montant du seuil\na changé au 1er janvier." in email.body


def test_the_english_form_sends_the_staff_a_french_e_mail(site, client):
    page = client.get("/en/contact/")
    response = client.post("/en/contact/", MESSAGE)

    assert markup.soup(page.content).html["lang"] == "en"
    assert response["Location"] == "/en/contact/merci/"
    assert mail.outbox[0].subject == "[Entraide] Contact : Signaler une erreur"


def test_a_signed_in_person_finds_their_name_and_address_filled_in(site, client):
    client.force_login(UserFactory(first_name="Inès", last_name="Roy", email="ines@asso.example"))

    form = markup.soup(client.get("/fr/contact/").content)

    assert form.select_one("#id_nom")["value"] == "Inès Roy"
    assert form.select_one("#id_email")["value"] == "ines@asso.example"


def test_the_addresses_of_the_setting_receive_the_messages(site, client, settings):
    settings.CONTACT_DESTINATAIRES = ["contact@entraide.example"]

    client.post("/fr/contact/", MESSAGE)

    assert mail.outbox[0].bcc == ["contact@entraide.example"]


def test_a_wrong_form_comes_back_as_typed_with_its_errors(site, client):
    response = client.post("/fr/contact/", MESSAGE | {"email": "claire@", "sujet": "spam"})

    page = markup.soup(response.content)
    summary = page.select(".form-errors__liste a")
    assert response.status_code == 200
    assert markup.text(response.content).startswith("Aller au contenu")
    assert page.title.get_text().startswith("Erreur")
    assert [a["href"] for a in summary] == ["#id_email", "#id_sujet"]
    assert page.select_one("#id_nom")["value"] == "Claire Martin"
    assert "a changé au 1er janvier." in page.select_one("#id_message").get_text()
    assert mail.outbox == []


def test_a_robot_and_too_many_messages_send_nothing(site, client, monkeypatch):
    # django-ratelimit counts in fixed windows: all these requests in one.
    monkeypatch.setattr(
        django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: 1_800_000_000)
    )
    robot = client.post("/fr/contact/", MESSAGE | {"site_internet": "http://spam.example"})
    for _ in range(4):
        client.post("/fr/contact/", MESSAGE)
    de_trop = client.post("/fr/contact/", MESSAGE)

    assert robot.status_code == 200
    assert "Le formulaire n'a pas pu être envoyé." in markup.text(robot.content)
    assert de_trop.status_code == 429
    assert "Trop de messages en peu de temps" in markup.text(de_trop.content)
    assert markup.soup(de_trop.content).select_one("#id_nom")["value"] == "Claire Martin"
    assert len(mail.outbox) == 4


def test_the_site_map_lists_the_live_public_pages_in_few_queries(site, client):
    client.get("/fr/plan-du-site/")  # Wagtail's and Django's caches of the first request
    with CaptureQueriesContext(connection) as avant:
        client.get("/fr/plan-du-site/")
    GuidePageFactory.create_batch(3, parent=site["index"])
    with CaptureQueriesContext(connection) as apres:
        response = client.get("/fr/plan-du-site/")

    plan = markup.soup(response.content).select_one("main .plan-du-site")
    liens = {a.get_text(strip=True): a["href"] for a in plan.select("a")}
    assert len(apres) == len(avant) <= 12
    assert liens["Ressources"] == "/fr/ressources/"
    assert liens["Guide 1"] == site["guides"][1].url
    assert liens["Guide 0"] == site["guides"][0].url  # its live title, not its draft's
    assert liens["Fiche publiée"].startswith("/fr/fiches/")
    assert liens["Données personnelles"] == site["donnees"].url
    assert liens["Ressources humaines"] == "/fr/domaines/ressources-humaines/"
    assert {"Données ouvertes", "Mon espace", "Nous écrire", "Rechercher"} <= set(liens)
    assert SECRET_BROUILLON not in response.text
    assert SECRET_PRIVE not in response.text
    assert SECRET_MODERATION not in response.text
    footer = markup.soup(client.get("/fr/").content).select_one("footer")
    assert {"/fr/contact/", "/fr/plan-du-site/"} <= set(markup.links(str(footer)))


def test_the_site_map_and_the_contact_pages_refuse_unknown_parameters(site, client):
    for url in ("/fr/plan-du-site/", "/fr/contact/", "/fr/contact/merci/", "/en/plan-du-site/"):
        response = client.get(url, {"x": "1"})

        assert response.status_code == 400, url
        assert "x" in response.content.decode()
    assert client.get("/en/plan-du-site/").status_code == 200
