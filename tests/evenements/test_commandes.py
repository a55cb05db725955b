"""The two daily commands: reminders before a workshop, and erasing personal data some time
after it."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from evenements import inscriptions, liens
from evenements.models import Inscription
from tests.evenements.helpers import (
    atelier,
    calendars,
    in_days,
    only_event,
    past_registration,
    register,
    reload,
    sent_to,
    signed_part,
    urls_in,
)

pytestmark = pytest.mark.django_db


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def starting_in(agenda, hours, **fields):
    return atelier(agenda, debut=timezone.now() + timedelta(hours=hours), **fields)


@pytest.fixture
def tomorrow(agenda):
    """A workshop in 20 hours: one seat taken, one person waiting."""
    workshop = starting_in(agenda, 20, title="Demain soir", capacite=1)
    register(workshop, email="assise@asso.example")
    register(workshop, email="attente@asso.example")
    return workshop


def test_reminders_go_to_confirmed_participants_of_workshops_starting_within_24_hours(
    agenda, tomorrow
):
    later = starting_in(agenda, 30, title="Après-demain")
    register(later, email="plus-tard@asso.example")
    started = starting_in(agenda, -1, title="Déjà commencé", duree=timedelta(hours=3))
    past_registration(started, email="en-retard@asso.example")

    output = run("envoyer_rappels")

    assert [message.to for message in mail.outbox] == [["assise@asso.example"]]
    [message] = mail.outbox
    assert "Demain soir" in message.subject + message.body
    seated = Inscription.objects.get(email="assise@asso.example")
    assert liens.voir(seated) in urls_in(message)
    assert liens.annuler(seated) in urls_in(message)
    assert only_event(calendars(message)[0])["UID"] == f"{tomorrow.uid}@entraide"
    assert output.startswith("1 rappel")


def test_reminders_are_never_sent_twice(agenda, tomorrow):
    run("envoyer_rappels")
    mail.outbox.clear()

    output = run("envoyer_rappels")

    assert mail.outbox == []
    assert output.startswith("0 rappel")
    assert Inscription.objects.get(email="assise@asso.example").rappel_envoye_at is not None


def test_waitlisted_people_get_no_reminder(agenda, tomorrow):
    run("envoyer_rappels")

    assert sent_to("attente@asso.example") == []


def test_cancelled_workshops_send_no_reminder(agenda):
    cancelled = starting_in(agenda, 5, annule=True, motif_annulation="Salle indisponible.")
    past_registration(cancelled, email="assise@asso.example")

    run("envoyer_rappels")

    assert mail.outbox == []


def test_unpublished_workshops_send_no_reminder(agenda):
    draft = starting_in(agenda, 5)
    past_registration(draft, email="assise@asso.example")
    draft.unpublish()

    run("envoyer_rappels")

    assert mail.outbox == []


def test_how_long_before_a_reminder_goes_is_configurable(agenda, tomorrow):
    later = starting_in(agenda, 30, title="Après-demain")
    register(later, email="plus-tard@asso.example")

    run("envoyer_rappels", "--heures", "6")
    assert mail.outbox == []

    run("envoyer_rappels", "--heures", "36")
    assert sorted(message.to[0] for message in mail.outbox) == [
        "assise@asso.example",
        "plus-tard@asso.example",
    ]


def test_someone_promoted_from_the_waitlist_gets_a_reminder(agenda, tomorrow):
    inscriptions.annuler(Inscription.objects.get(email="assise@asso.example"))
    mail.outbox.clear()

    run("envoyer_rappels")

    assert [message.to for message in mail.outbox] == [["attente@asso.example"]]


@pytest.fixture
def old_and_recent(agenda):
    old = atelier(agenda, title="Il y a quatre mois", debut=in_days(-120), capacite=1)
    past_registration(
        old,
        nom="Camille Durand",
        email="camille@asso.example",
        structure="Asso du Quartier",
        besoins="Interprète LSF",
    )
    past_registration(
        old, nom="Bruno Petit", email="bruno@asso.example", statut=Inscription.Statut.ATTENTE
    )
    recent = atelier(agenda, title="Il y a un mois", debut=in_days(-30))
    past_registration(recent, nom="Chloé Roux", email="chloe@asso.example", structure="Recyclerie")
    return old, recent


def test_anonymising_erases_the_personal_data_of_old_workshops_and_keeps_the_counts(
    old_and_recent,
):
    old, recent = old_and_recent
    links = {i.email: liens.voir(i) for i in Inscription.objects.filter(atelier=old)}

    output = run("anonymiser_inscriptions")

    rows = list(
        Inscription.objects.filter(atelier=old).values_list(
            "nom", "email", "structure", "besoins", "statut"
        )
    )
    assert sorted(rows) == [
        ("", "", "", "", Inscription.Statut.ATTENTE),
        ("", "", "", "", Inscription.Statut.CONFIRMEE),
    ]
    assert all(i.anonymisee_at for i in Inscription.objects.filter(atelier=old))
    for lien in links.values():
        with pytest.raises(liens.LienInvalide):
            liens.inscription_de(signed_part(lien), liens.VOIR)
    assert reload(old).places_prises == 1
    recent_row = Inscription.objects.get(atelier=recent)
    assert (recent_row.nom, recent_row.email, recent_row.structure) == (
        "Chloé Roux",
        "chloe@asso.example",
        "Recyclerie",
    )
    assert recent_row.anonymisee_at is None
    assert output.startswith("2 inscription")


def test_anonymising_after_fewer_days_is_configurable(old_and_recent):
    _old, recent = old_and_recent

    run("anonymiser_inscriptions", "--jours", "20")

    assert not Inscription.objects.filter(anonymisee_at__isnull=True).exists()
    assert Inscription.objects.filter(atelier=recent).get().nom == ""


def test_anonymising_twice_changes_nothing_more(old_and_recent):
    run("anonymiser_inscriptions")
    first = dict(Inscription.objects.values_list("pk", "anonymisee_at"))

    output = run("anonymiser_inscriptions")

    assert dict(Inscription.objects.values_list("pk", "anonymisee_at")) == first
    assert output.startswith("0 inscription")
