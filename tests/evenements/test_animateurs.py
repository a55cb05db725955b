"""What the Animateurs group does in the admin: workshops under the agenda and nothing else,
a form that refuses inconsistent dates without losing what was typed, the list of
registrants, its CSV export and « Écrire à tous les inscrits »."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from evenements.models import AtelierPage, Inscription
from fiches.services import get_or_create_fiche_index
from ressources.models import RessourceIndexPage
from tests import markup
from tests.evenements.helpers import anime_par, atelier, in_days, past_registration, register
from tests.factories import FichePageFactory, GuidePageFactory, UserFactory, domaine

pytestmark = pytest.mark.django_db

DATETIME = "%Y-%m-%d %H:%M"


@pytest.fixture
def animateur(db):
    return UserFactory(groups=["Animateurs"])


@pytest.fixture
def animateur_client(client, animateur):
    client.force_login(animateur)
    return client


def add_url(agenda):
    return reverse("wagtailadmin_pages:add", args=["evenements", "atelierpage", agenda.pk])


def workshop_form(client, agenda, **changes):
    """The admin's « add a workshop » form as the browser would send it, filled in."""
    response = client.get(add_url(agenda))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    debut = in_days(14)
    values = {
        "title": "Faire sa première paie",
        "slug": "faire-sa-premiere-paie",
        "chapo": "Pour les associations qui embauchent : la paie, pas à pas.",
        "description": rich_text("<p>Nous ferons ensemble une fiche de paie fictive.</p>"),
        "debut": debut.strftime(DATETIME),
        "fin": (debut + timedelta(hours=2)).strftime(DATETIME),
        "format": "distance",
        "adresse": "",
        "departement": "",
        "lien_visio": "https://visio.entraide.example/paie",
        "capacite": "20",
        "date_limite": "",
        "inscription_externe": "",
        "enregistrement": "",
        "motif_annulation": "",
        "animateurs-TOTAL_FORMS": "1",
        "animateurs-INITIAL_FORMS": "0",
        "animateurs-MIN_NUM_FORMS": "1",
        "animateurs-MAX_NUM_FORMS": "1000",
        "animateurs-0-nom": "Claire Martin",
        "animateurs-0-structure": "",
        "animateurs-0-ORDER": "1",
        "animateurs-0-DELETE": "",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    values.update(changes)
    for name, value in values.items():
        data[name] = value
    data.setlist("domaines", [str(domaine("ressources-humaines").pk)])
    return data


def test_animateur_can_open_the_admin_and_add_workshops_under_the_agenda_only(
    animateur_client, animateur, agenda
):
    index = RessourceIndexPage.objects.get(locale__language_code="fr")

    assert animateur_client.get("/admin/").status_code == 200
    permissions = agenda.permissions_for_user(animateur)
    assert permissions.can_add_subpage()
    assert permissions.can_publish_subpage()
    assert AtelierPage.can_create_at(agenda)
    assert not index.permissions_for_user(animateur).can_add_subpage()
    assert animateur_client.get(add_url(agenda)).status_code == 200


def test_animateur_publishes_a_workshop_through_the_admin(animateur_client, agenda):
    response = animateur_client.post(add_url(agenda), workshop_form(animateur_client, agenda))

    assert response.status_code == 302
    workshop = AtelierPage.objects.child_of(agenda).get()
    assert workshop.live
    assert workshop.title == "Faire sa première paie"
    assert workshop.debut == in_days(14)
    assert [a.nom for a in workshop.animateurs.all()] == ["Claire Martin"]
    assert list(workshop.domaines.values_list("slug", flat=True)) == ["ressources-humaines"]
    assert "Faire sa première paie" in markup.text(animateur_client.get("/fr/ateliers/").content)


def test_animateur_edits_and_publishes_an_existing_workshop(animateur_client, agenda):
    workshop = atelier(agenda, title="Titre provisoire")
    url = reverse("wagtailadmin_pages:edit", args=[workshop.pk])
    data = querydict_from_html(animateur_client.get(url).content.decode(), form_id="page-edit-form")
    data["title"] = "Titre définitif"
    data["action-publish"] = "action-publish"

    response = animateur_client.post(url, data)

    assert response.status_code == 302
    assert AtelierPage.objects.get(pk=workshop.pk).title == "Titre définitif"


def test_animateur_cannot_edit_ressources_or_fiches(animateur_client, animateur, agenda):
    index = RessourceIndexPage.objects.get(locale__language_code="fr")
    guide = GuidePageFactory(parent=index, title="Rédiger les statuts")
    fiches = get_or_create_fiche_index(index.get_parent())
    fiche = FichePageFactory(parent=fiches, title="Notre première paie")

    for page in (guide, index, fiches, fiche):
        permissions = page.permissions_for_user(animateur)
        assert not permissions.can_edit(), page.title
        assert not permissions.can_publish(), page.title
        response = animateur_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code in (302, 403), page.title
    assert not fiches.permissions_for_user(animateur).can_add_subpage()


INCONSISTENT = {
    "end before start": (
        {"fin": in_days(14, hour=17).strftime(DATETIME)},
        "La fin doit venir après le début.",
    ),
    # two days after: these values are computed when the tests are collected, maybe on the
    # day before the form's (a run across midnight)
    "deadline after start": (
        {"date_limite": in_days(16).strftime(DATETIME)},
        "Les inscriptions doivent se clore au plus tard au début de l'atelier.",
    ),
    "negative capacity": ({"capacite": "-3"}, "supérieure ou égale à 0"),
    "in person without address": (
        {"format": "presentiel"},
        "Indiquez l'adresse d'un atelier en présentiel ou hybride.",
    ),
    "the archive's address": (
        {"slug": "archives"},
        "« archives » est réservé à une page de l'agenda : choisissez une autre adresse.",
    ),
    "the personal links' address": (
        {"slug": "inscription"},
        "« inscription » est réservé à une page de l'agenda : choisissez une autre adresse.",
    ),
}


@pytest.mark.parametrize("case", INCONSISTENT)
def test_the_workshop_form_refuses_inconsistent_values_and_keeps_what_was_typed(
    animateur_client, agenda, case
):
    changes, message = INCONSISTENT[case]
    data = workshop_form(animateur_client, agenda, **changes)

    response = animateur_client.post(add_url(agenda), data)

    assert response.status_code == 200
    assert message in markup.text(response.content)
    assert not AtelierPage.objects.exists()
    kept = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name in ("title", "chapo", "debut", "lien_visio", "animateurs-0-nom", *changes):
        assert kept.get(name, "").strip() == data[name], name
    assert kept.getlist("domaines") == data.getlist("domaines")


@pytest.fixture
def registrants(agenda, animateur):
    workshop = anime_par(atelier(agenda, title="Premier salarié", capacite=2), animateur)
    register(workshop, nom="Camille Durand", email="camille@asso.example", structure="Asso")
    register(
        workshop,
        nom='=HYPERLINK("http://pirate.example","Cliquez")',
        email="formule@asso.example",
        structure="+33 6 12 34 56 78",
        besoins="@SOMME(A1:A9)",
    )
    register(workshop, nom="Bruno Petit", email="bruno@asso.example")
    register(workshop, nom="Chloé Roux", email="chloe@asso.example")
    return workshop


def inscriptions_url(workshop, name="inscriptions"):
    return reverse(f"evenements_admin:{name}", args=[workshop.pk])


def test_animateur_sees_who_registered_and_who_waits(animateur_client, registrants):
    response = animateur_client.get(inscriptions_url(registrants))

    assert response.status_code == 200
    text = markup.text(response.content)
    waitlist = text.index("Liste d'attente (2 personnes)")
    assert "Participants et participantes confirmé·es (2)" in text
    assert text.index("Camille Durand") < text.index("HYPERLINK") < waitlist
    assert waitlist < text.index("Bruno Petit") < text.index("Chloé Roux")
    assert "camille@asso.example" in text


def test_the_workshops_admin_page_leads_to_its_registrants(animateur_client, registrants):
    response = animateur_client.get(reverse("wagtailadmin_pages:edit", args=[registrants.pk]))

    assert inscriptions_url(registrants) in markup.links(response.content)


def csv_rows(response):
    body = markup.content(response)
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_registrants_export_opens_in_a_french_spreadsheet(animateur_client, registrants):
    response = animateur_client.get(inscriptions_url(registrants, "csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ["Nom", "E-mail", "Structure", "Besoins", "Statut", "Inscrit le"]
    assert [row[0] for row in rows[1:]] == [
        "Camille Durand",
        '\'=HYPERLINK("http://pirate.example","Cliquez")',
        "Bruno Petit",
        "Chloé Roux",
    ]
    assert [row[4] for row in rows[1:]] == ["Confirmée", "Confirmée"] + ["Liste d'attente"] * 2
    formula = rows[2]
    assert formula[2] == "'+33 6 12 34 56 78"
    assert formula[3] == "'@SOMME(A1:A9)"
    registered = Inscription.objects.get(email="camille@asso.example").created_at
    assert rows[1][5] == timezone.localtime(registered).strftime("%d/%m/%Y %H:%M")


def test_anonymised_registrants_are_counted_without_their_details(
    animateur_client, animateur, agenda
):
    workshop = anime_par(atelier(agenda, debut=in_days(-100)), animateur)
    past_registration(workshop, nom="", email="", anonymisee_at=timezone.now())

    rows = csv_rows(animateur_client.get(inscriptions_url(workshop, "csv")))

    assert len(rows) == 2
    assert rows[1][1:4] == ["", "", ""]


def test_writing_to_all_registrants_sends_one_email_with_hidden_addresses(
    animateur_client, registrants
):
    response = animateur_client.post(
        inscriptions_url(registrants, "message"),
        {
            "sujet": "Changement de salle",
            "message": "Rendez-vous salle 2, au premier étage.",
            "liste_attente": "on",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == inscriptions_url(registrants)
    [message] = mail.outbox
    assert message.to == []
    assert sorted(message.bcc) == [
        "bruno@asso.example",
        "camille@asso.example",
        "chloe@asso.example",
        "formule@asso.example",
    ]
    assert "Changement de salle" in message.subject
    assert "Rendez-vous salle 2, au premier étage." in message.body
    followed = animateur_client.get(response["Location"])
    assert "Message envoyé à 4 adresses." in markup.text(followed.content)


def test_writing_to_confirmed_participants_only(animateur_client, registrants):
    animateur_client.post(
        inscriptions_url(registrants, "message"),
        {"sujet": "Documents à lire", "message": "Voici le support."},
    )

    [message] = mail.outbox
    assert sorted(message.bcc) == ["camille@asso.example", "formule@asso.example"]


def test_writing_to_nobody_is_explained(animateur_client, animateur, agenda):
    workshop = anime_par(atelier(agenda), animateur)

    response = animateur_client.post(
        inscriptions_url(workshop, "message"),
        {"sujet": "Bonjour", "message": "Test.", "liste_attente": "on"},
    )

    assert response.status_code == 200
    assert "Personne à qui écrire" in markup.text(response.content)
    assert mail.outbox == []


@pytest.fixture
def admin_reader(db):
    """Someone who may open the admin but edit no page."""
    group = Group.objects.create(name="Lecteurs")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return UserFactory(groups=["Lecteurs"])


@pytest.mark.parametrize("who", ["Contributeurs", "Lecteurs"])
def test_people_without_admin_rights_on_the_workshop_neither_see_nor_write_to_registrants(
    client, registrants, admin_reader, who
):
    user = admin_reader if who == "Lecteurs" else UserFactory(groups=["Contributeurs"])
    client.force_login(user)

    for name in ("inscriptions", "csv", "message"):
        response = client.get(inscriptions_url(registrants, name))
        assert response.status_code in (302, 403), name
        assert "camille@asso.example" not in markup.content(response).decode()
    response = client.post(
        inscriptions_url(registrants, "message"),
        {"sujet": "Hameçonnage", "message": "Cliquez ici.", "liste_attente": "on"},
    )
    assert response.status_code in (302, 403)
    assert mail.outbox == []
