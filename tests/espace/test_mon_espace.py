"""« Mon espace »: a person's registrations (those of their verified addresses only), which
they cancel from there; the workshop form pre-filled for them; the archive of their data."""

import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evenements.models import Inscription
from tests import markup
from tests.evenements.helpers import agenda_page, atelier, in_days, past_registration, register
from tests.factories import StructureFactory, UserFactory

pytestmark = pytest.mark.django_db


def person(email="alix@asso.example", verified=True):
    user = UserFactory(email=email, first_name="Alix", last_name="Martin")
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


@pytest.fixture
def agenda():
    return agenda_page()


def test_my_registrations_upcoming_and_past_only_of_my_verified_addresses(client, agenda):
    alix = person()
    soon, later = (
        atelier(agenda, title="Budget", debut=in_days(2)),
        atelier(agenda, title="Statuts", debut=in_days(9)),
    )
    register(later, nom="Alix Martin", email="ALIX@asso.example")
    register(soon, nom="Alix Martin", email="alix@asso.example")
    past_registration(
        atelier(agenda, title="Bénévolat", debut=in_days(-20)), email="alix@asso.example"
    )
    register(soon, nom="Sacha", email="sacha@asso.example")  # somebody else's
    client.force_login(alix)

    page = markup.soup(client.get("/fr/mon-espace/").content)
    section = page.select_one("#titre-inscriptions").parent
    text = section.get_text(" ", strip=True)

    assert text.index("Budget") < text.index("Statuts") < text.index("Ateliers passés")
    assert text.index("Ateliers passés") < text.index("Bénévolat")
    assert "Sacha" not in page.get_text() and len(section.select("a[href*=annuler]")) == 2


def test_an_unverified_address_shows_no_registration(client, agenda):
    mallory = person(verified=False)
    register(atelier(agenda, title="Budget"), nom="Alix Martin", email="alix@asso.example")
    client.force_login(mallory)

    assert "Budget" not in client.get("/fr/mon-espace/").content.decode()


def test_i_cancel_from_my_space_and_my_seat_goes_to_the_waitlist(client, agenda):
    alix = person()
    workshop = atelier(agenda, title="Budget", capacite=1)
    mine = register(workshop, nom="Alix Martin", email="alix@asso.example")
    waiting = register(workshop, nom="Sacha", email="sacha@asso.example")
    client.force_login(alix)
    url = f"/fr/mon-espace/inscriptions/{mine.pk}/annuler/"

    confirmation = client.get(url)
    assert confirmation.status_code == 200 and "Budget" in confirmation.content.decode()
    assert Inscription.objects.filter(pk=mine.pk).exists()  # GET changes nothing

    response = client.post(url, follow=True)

    assert not Inscription.objects.filter(pk=mine.pk).exists()
    waiting.refresh_from_db()
    assert waiting.statut == Inscription.Statut.CONFIRMEE
    assert "est annulée" in response.content.decode()


def test_nobody_reaches_or_cancels_someone_elses_registration(client, agenda):
    theirs = register(atelier(agenda), nom="Sacha", email="sacha@asso.example")
    client.force_login(person())
    url = f"/fr/mon-espace/inscriptions/{theirs.pk}/annuler/"

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Inscription.objects.filter(pk=theirs.pk).exists()


def test_my_space_costs_the_same_queries_with_one_or_many_registrations(client, agenda):
    alix = person()
    client.force_login(alix)
    workshops = [atelier(agenda, debut=in_days(2 + n)) for n in range(6)]
    register(workshops[0], email="alix@asso.example")

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/fr/mon-espace/").status_code == 200
        return len(context)

    queries()  # the site's caches (root paths, content types) warm up
    one = queries()
    for workshop in workshops[1:]:
        register(workshop, email="alix@asso.example")
    assert queries() == one


def test_the_workshop_form_is_pre_filled_for_a_signed_in_member(client, agenda):
    alix = person()
    structure = StructureFactory(nom="Les Jardins partagés")
    structure.adhesions.create(user=alix, statut="acceptee")
    workshop = atelier(agenda)
    client.force_login(alix)

    form = markup.soup(client.get(workshop.url).content)

    assert form.select_one("input[name=email]")["value"] == "alix@asso.example"
    assert form.select_one("input[name=nom]")["value"] == "Alix Martin"
    assert form.select_one("input[name=structure]")["value"] == "Les Jardins partagés"
    client.logout()
    anonymous = markup.soup(client.get(workshop.url).content)
    assert not anonymous.select_one("input[name=email]").get("value")


def test_my_data_archive_holds_every_section_as_json_and_csv(client, agenda):
    alix = person()
    register(
        atelier(agenda, title="Budget"),
        nom="Alix Martin",
        email="alix@asso.example",
        besoins="Accès PMR",
    )
    register(atelier(agenda, title="Statuts"), nom="Sacha", email="sacha@asso.example")
    client.force_login(alix)

    response = client.get("/fr/mon-espace/mes-donnees/")

    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("donnees.json"))
    assert data["compte"][0]["adresse"] == "alix@asso.example"
    assert [(i["atelier"], i["besoins"]) for i in data["inscriptions"]] == [("Budget", "Accès PMR")]
    csv_text = archive.read("inscriptions.csv").decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("atelier;") and "Accès PMR" in csv_text
    assert "sacha" not in json.dumps(data).lower()
    assert set(archive.namelist()) >= {f"{name}.csv" for name in data}
    assert (
        "inscriptions.csv : Mes inscriptions aux ateliers" in archive.read("LISEZ-MOI.txt").decode()
    )
    assert {"compte", "inscriptions", "adhesions", "invitations", "fiches", "annonces"} <= set(data)


def test_signed_out_people_are_sent_to_log_in(client):
    for url in ("/fr/mon-espace/", "/fr/mon-espace/mes-donnees/", "/fr/mon-espace/supprimer/"):
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/login/" in response["Location"]
