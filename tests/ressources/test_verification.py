"""« Vérifié le » and « à revoir avant le » (issue 18): readers see when a guide or modèle was
last checked and are told, discreetly, when its check is overdue; editors get a weekly list of
the pages past or near their date and a report in the admin."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from fiches.services import get_or_create_fiche_index
from ressources.models.verification import aujourd_hui
from tests.factories import FichePageFactory, GuidePageFactory, ModelePageFactory, UserFactory
from tests.fiches.helpers import contributor

pytestmark = pytest.mark.django_db

NOTICE = "devait être revérifiée"


def days(count):
    return aujourd_hui() + datetime.timedelta(days=count)


def test_a_new_guide_is_due_one_year_later(site_tree):
    _home, index = site_tree
    guide = GuidePageFactory(parent=index)
    assert guide.a_revoir_avant == days(365)
    assert not guide.a_revoir


def test_readers_see_when_a_guide_was_checked_and_whether_it_is_overdue(client, site_tree):
    _home, index = site_tree
    a_jour = GuidePageFactory(
        parent=index, verifie_le=datetime.date(2026, 1, 5), a_revoir_avant=days(10)
    )
    en_retard = ModelePageFactory(parent=index, with_file=False, a_revoir_avant=days(-1))

    html = client.get(a_jour.url).content.decode()
    assert "Vérifié le" in html and "5 janvier 2026" in html
    assert NOTICE not in html
    html = client.get(en_retard.url).content.decode()
    assert NOTICE in html
    assert "Vérifié le" not in html  # never checked: nothing is claimed


def test_editors_get_one_email_listing_the_pages_past_or_near_their_date(site_tree):
    home, index = site_tree
    editeur = UserFactory(groups=["Éditeurs"], email="editrice@reseau.example")
    UserFactory(groups=["Éditeurs"], email="partie@reseau.example", is_active=False)
    UserFactory(email="lecteur@asso.example")
    GuidePageFactory(parent=index, title="Taux de cotisations", a_revoir_avant=days(-3))
    ModelePageFactory(parent=index, title="Budget type", with_file=False, a_revoir_avant=days(20))
    GuidePageFactory(parent=index, title="Relu hier", a_revoir_avant=days(364))
    GuidePageFactory(parent=index, title="Brouillon ancien", a_revoir_avant=days(-9), live=False)
    FichePageFactory(parent=get_or_create_fiche_index(home), title="Une fiche")

    out = io.StringIO()
    call_command("signaler_pages_a_revoir", stdout=out)

    assert "2 page(s)" in out.getvalue()
    [message] = mail.outbox
    assert message.bcc == [editeur.email] and message.to == []
    assert "2 pages à revérifier" in message.subject
    body = message.body
    assert body.index("Taux de cotisations") < body.index("Budget type")
    assert "date dépassée" in body
    assert "Relu hier" not in body and "Brouillon ancien" not in body
    assert "/admin/pages/" in body and reverse("verification:pages_a_revoir") in body


def test_nothing_due_sends_nothing(site_tree):
    _home, index = site_tree
    UserFactory(groups=["Éditeurs"])
    GuidePageFactory(parent=index)
    call_command("signaler_pages_a_revoir", stdout=io.StringIO())
    assert mail.outbox == []


def test_the_admin_report_lists_due_pages_for_those_who_edit_pages_only(client, site_tree):
    _home, index = site_tree
    GuidePageFactory(parent=index, title="Seuils de la TVA", a_revoir_avant=days(-1))
    GuidePageFactory(parent=index, title="Tout neuf", a_revoir_avant=days(200))
    url = reverse("verification:pages_a_revoir")

    client.force_login(UserFactory(groups=["Éditeurs"]))
    html = client.get(url).content.decode()
    assert "Seuils de la TVA" in html and "Tout neuf" not in html
    export = b"".join(client.get(url, {"export": "csv"}).streaming_content).decode()
    assert "Seuils de la TVA" in export

    client.force_login(contributor())
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "Seuils de la TVA" not in response.content.decode()
