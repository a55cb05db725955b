"""Deleting one's account: asked in « Mon espace », confirmed by a link sent by e-mail, then
nothing of the person is left in any table, while their fiche stays with its structure and
their seat goes to the waitlist. Links tampered with or too old: a clear page, never a 500."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.db import connection, models
from django.db.models.functions import Cast

from alertes.models import Alerte
from evenements.models import Inscription
from fiches.models import FichePage
from fiches.services import get_or_create_fiche_index
from inventaire.models import SignalementErreur
from inventaire.retours import signaler
from outbox.models import Email
from structures.models import Invitation
from tests.browser import browser_db
from tests.evenements.helpers import agenda_page, atelier, in_days, past_registration, register
from tests.factories import (
    AdhesionFactory,
    AnnonceFactory,
    ConversationFactory,
    FichePageFactory,
    MessageFactory,
    StructureFactory,
    UserFactory,
)
from tests.servers import DATABASE_TASKS, worker

pytestmark = pytest.mark.django_db

ADDRESS = "dominique.unique-7f3a@asso-supprimee.example"


def person(email=ADDRESS):
    user = UserFactory(email=email, first_name="Dominique", last_name="Leroux")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def rows_mentioning(text):
    """{table: count} of rows where any text or JSON column contains ``text``, case ignored."""
    found = {}
    tables = set(connection.introspection.table_names())  # some exist on one engine only
    for model in apps.get_models(include_auto_created=True):
        if model._meta.db_table not in tables:
            continue
        fields = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        if not fields:
            continue
        condition = models.Q()
        annotations = {}
        for field in fields:
            annotations[f"{field.attname}__as_text"] = Cast(field.attname, models.TextField())
            condition |= models.Q(**{f"{field.attname}__as_text__icontains": text})
        count = model._base_manager.annotate(**annotations).filter(condition).count()
        if count:
            found[model._meta.db_table] = count
    return found


def confirmation_link():
    (message,) = [m for m in mail.outbox if m.to == [ADDRESS]]
    return re.search(r"https?://\S+/mon-espace/supprimer/\S+/", message.body).group(0)


def test_deleting_my_account_leaves_no_trace_of_my_address(
    client, django_capture_on_commit_callbacks
):
    agenda = agenda_page()
    home = agenda.get_parent()
    dominique = person()
    structure = StructureFactory(nom="La Ressourcerie")
    AdhesionFactory(structure=structure, user=dominique, statut="acceptee")
    fiche = FichePageFactory(
        parent=get_or_create_fiche_index(home), structure=structure, owner=dominique
    )
    Invitation.objects.create(
        structure=structure, email="camille@asso.example", invited_by=dominique
    )
    Invitation.objects.create(structure=StructureFactory(), email=ADDRESS, invited_by=UserFactory())
    signaler(fiche, "Le montant de 2024 a changé.", email=ADDRESS.upper())
    annonce = AnnonceFactory(structure=structure, auteur=dominique, titre="Un camion samedi")
    # A conversation where, once details were shared, Dominique typed her address.
    conversation = ConversationFactory(initiee_par=dominique, structure=structure)
    MessageFactory(conversation=conversation, auteur=dominique, texte=f"Écrivez-moi : {ADDRESS}")
    workshop = atelier(agenda, title="Budget", capacite=1, owner=UserFactory())
    register(workshop, nom="Dominique Leroux", email=ADDRESS, besoins="Venir avec mon fils")
    waiting = register(workshop, nom="Sacha", email="sacha@asso.example")
    past_registration(atelier(agenda, debut=in_days(-30)), nom="Dominique L.", email=ADDRESS)
    # An alert made signed in, and one made without an account for the same address.
    Alerte.objects.create(
        quoi="fiches", cle="a", description="Fiches", email=ADDRESS, user=dominique
    )
    Alerte.objects.create(quoi="ateliers", cle="b", description="Ateliers", email=ADDRESS)
    client.post("/fr/comptes/login/", {"login": ADDRESS, "password": "pas le bon"})
    assert rows_mentioning(ADDRESS)  # the scan finds what is there

    client.force_login(dominique)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/mon-espace/supprimer/")
    link = confirmation_link()
    assert get_user_model().objects.filter(pk=dominique.pk).exists()  # not yet
    confirmation = client.get(link)
    assert ADDRESS in confirmation.content.decode()
    assert "no-store" in confirmation["Cache-Control"]  # a personal link's page
    assert confirmation["Referrer-Policy"] == "same-origin"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)

    assert response.status_code == 302 and response["Location"].endswith("/compte-supprime/")
    assert not get_user_model().objects.filter(pk=dominique.pk).exists()
    assert rows_mentioning(ADDRESS) == {}
    assert not Invitation.objects.filter(email="camille@asso.example").exists()
    assert SignalementErreur.objects.get().description == "Le montant de 2024 a changé."
    assert rows_mentioning("Leroux") == {}
    fiche.refresh_from_db()
    assert (fiche.live, fiche.structure_id, fiche.owner_id) == (True, structure.pk, None)
    annonce.refresh_from_db()  # the structure's annonce stays, without its author
    assert (annonce.etat, annonce.structure_id, annonce.auteur_id) == (
        "publiee",
        structure.pk,
        None,
    )
    message = conversation.messages.get()  # stays with the structure, its author emptied
    assert (message.auteur_id, message.texte) == (None, "Écrivez-moi : […]")
    waiting.refresh_from_db()
    assert waiting.statut == Inscription.Statut.CONFIRMEE
    assert [m.to for m in mail.outbox][-1] == ["sacha@asso.example"]  # told of the seat
    assert Inscription.objects.filter(atelier__title="Budget").count() == 1
    assert client.get("/fr/mon-espace/").status_code == 302  # signed out


def test_asking_twice_is_harmless_and_the_account_stays_until_the_link_is_followed(client):
    dominique = person()
    client.force_login(dominique)
    for _ in range(2):
        response = client.post("/fr/mon-espace/supprimer/", follow=True)
        assert "suivez son lien" in response.content.decode()
    assert get_user_model().objects.filter(pk=dominique.pk).exists()


@pytest.mark.parametrize("change", ["tamper", "expire", "other_address"])
def test_a_bad_confirmation_link_deletes_nothing(client, monkeypatch, change):
    dominique = person()
    token = signing.dumps({"compte": dominique.pk, "adresse": ADDRESS}, salt="espace.suppression")
    if change == "tamper":
        token = signing.dumps({"compte": dominique.pk + 1, "adresse": ADDRESS}, salt="autre")
    elif change == "expire":
        later = signing.time.time() + 2 * 24 * 3600
        monkeypatch.setattr(signing.time, "time", lambda: later)
    else:
        dominique.email = "nouvelle@asso.example"
        dominique.save()
    url = f"/fr/mon-espace/supprimer/{token}/"

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "Lien non valable" in response.content.decode()
    assert get_user_model().objects.filter(pk=dominique.pk).exists()
    assert FichePage.objects.count() == 0


@pytest.mark.postgresql
@browser_db  # committed, for the worker's process
def test_with_the_task_worker_the_deletion_leaves_nothing_either(client, settings):
    """As in production: the e-mails wait in the outbox for ``db_worker``, which sends the
    confirmation link, then the seat's news to the waitlist, and nothing of the person stays
    in the outbox or in the tasks' table."""
    settings.TASKS = DATABASE_TASKS
    dominique = person()
    workshop = atelier(agenda_page(), title="Budget", capacite=1, owner=UserFactory())
    register(workshop, nom="Dominique Leroux", email=ADDRESS)
    register(workshop, nom="Sacha", email="sacha@asso.example")
    client.force_login(dominique)

    client.post("/fr/mon-espace/supprimer/")
    worker()
    (confirmation,) = (
        Email.objects.filter(to=[ADDRESS], state=Email.State.SENT)
        .exclude(body__contains="Sacha")
        .filter(body__contains="/mon-espace/supprimer/")
    )
    link = re.search(r"https?://\S+/mon-espace/supprimer/\S+/", confirmation.body).group(0)
    client.post(link)
    worker()

    assert rows_mentioning(ADDRESS) == {}
    assert Email.objects.filter(to=["sacha@asso.example"], state=Email.State.SENT).exists()
    assert Inscription.objects.get(atelier=workshop).email == "sacha@asso.example"
