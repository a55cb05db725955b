"""Calendar files: one workshop, the subscribable agenda feed, and the updates registrants
receive when a published workshop moves or is cancelled."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar
from wagtail.test.utils.form_data import querydict_from_html

from tests import markup
from tests.evenements.helpers import (
    ADRESSE,
    VISIO,
    atelier,
    calendar_url,
    calendars,
    in_days,
    only_event,
    register,
    reload,
    sent_to,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def calendar_at(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(markup.content(response))


def assert_valid_paris_calendar(calendar):
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Entraide")
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    for event in calendar.walk("VEVENT"):
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"
        assert event["DTEND"].params["TZID"] == "Europe/Paris"


def test_a_workshops_calendar_file_opens_in_any_calendar(client, agenda):
    workshop = atelier(
        agenda, title="Réussir son dossier de subvention", format="presentiel", debut=in_days(9)
    )

    calendar = calendar_at(client, calendar_url(client, workshop))

    assert_valid_paris_calendar(calendar)
    event = only_event(calendar)
    assert str(event["UID"]) == f"{workshop.uid}@entraide"
    assert str(event["SUMMARY"]) == "Réussir son dossier de subvention"
    assert event.decoded("DTSTART") == workshop.debut
    assert event.decoded("DTEND") == workshop.fin
    assert event.decoded("DTSTART").hour == 18
    assert str(event["LOCATION"]) == ADRESSE
    assert str(event["URL"]) == "http://testserver" + workshop.url
    assert str(event["STATUS"]) == "CONFIRMED"


def test_the_agenda_feed_lists_upcoming_workshops_and_filters_by_domaine(client, agenda):
    paie = atelier(agenda, title="La paie", domaines=["ressources-humaines"], debut=in_days(3))
    site = atelier(agenda, title="Un site web", domaines=["numerique"], debut=in_days(10))
    atelier(agenda, title="Il y a longtemps", debut=in_days(-90))

    calendar = calendar_at(client, calendar_url(client, agenda))
    filtered = calendar_at(client, calendar_url(client, agenda) + "?domaine=numerique")

    assert_valid_paris_calendar(calendar)
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == [
        "La paie",
        "Un site web",
    ]
    assert [str(event["UID"]) for event in calendar.walk("VEVENT")] == [
        f"{paie.uid}@entraide",
        f"{site.uid}@entraide",
    ]
    assert [str(event["SUMMARY"]) for event in filtered.walk("VEVENT")] == ["Un site web"]


def test_the_agenda_feed_leaves_out_unpublished_workshops(client, agenda):
    atelier(agenda, title="Publié")
    draft = atelier(agenda, title="Brouillon")
    draft.unpublish()

    calendar = calendar_at(client, calendar_url(client, agenda))

    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Publié"]


@pytest.mark.parametrize("format", ["distance", "hybride"])
def test_calendar_files_never_give_the_visio_link(client, agenda, format):
    workshop = atelier(agenda, format=format)

    for url in (calendar_url(client, workshop), calendar_url(client, agenda)):
        calendar = calendar_at(client, url)
        assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == [workshop.title]
        assert VISIO not in calendar.to_ical().decode()


@pytest.fixture
def workshop_with_registrants(agenda):
    """A workshop with one confirmed participant and one person on the waitlist."""
    workshop = atelier(agenda, title="Premier salarié", capacite=1, debut=in_days(9))
    register(workshop, email="assise@asso.example")
    register(workshop, email="attente@asso.example")
    mail.outbox.clear()
    return reload(workshop)


def publish_changes(workshop, **changes):
    """What an editor does: change fields of the published workshop, publish a revision."""
    workshop = reload(workshop)
    for name, value in changes.items():
        setattr(workshop, name, value)
    workshop.save_revision().publish()
    return reload(workshop)


def test_moving_a_workshop_tells_every_registrant_with_an_updated_calendar_entry(
    workshop_with_registrants,
):
    workshop = workshop_with_registrants
    sequence = workshop.sequence

    moved = publish_changes(workshop, debut=in_days(10, hour=9), fin=in_days(10, hour=12))

    assert moved.sequence == sequence + 1
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "assise@asso.example",
        "attente@asso.example",
    ]
    [message] = sent_to("assise@asso.example")
    [calendar] = calendars(message)
    assert str(calendar["METHOD"]) == "REQUEST"
    event = only_event(calendar)
    assert str(event["UID"]) == f"{workshop.uid}@entraide"
    assert event["SEQUENCE"] == sequence + 1
    assert event.decoded("DTSTART") == in_days(10, hour=9)
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"


def test_cancelling_a_workshop_sends_a_calendar_cancellation(workshop_with_registrants):
    workshop = workshop_with_registrants
    sequence = workshop.sequence

    publish_changes(workshop, annule=True, motif_annulation="L'intervenante est malade.")

    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "annul" in (message.subject + message.body).lower()
        [calendar] = calendars(message)
        assert str(calendar["METHOD"]) == "CANCEL"
        event = only_event(calendar)
        assert str(event["STATUS"]) == "CANCELLED"
        assert str(event["UID"]) == f"{workshop.uid}@entraide"
        assert event["SEQUENCE"] == sequence + 1


def test_publishing_an_unchanged_workshop_sends_nothing(workshop_with_registrants):
    workshop = workshop_with_registrants

    publish_changes(workshop, chapo="Une nouvelle présentation, même date, même lieu.")
    unchanged = publish_changes(workshop)

    assert mail.outbox == []
    assert unchanged.sequence == workshop.sequence


def test_moving_a_workshop_twice_raises_the_sequence_each_time(workshop_with_registrants):
    workshop = workshop_with_registrants

    publish_changes(workshop, debut=in_days(11), fin=in_days(11, hour=20))
    mail.outbox.clear()
    publish_changes(workshop, fin=in_days(11, hour=21))

    [message] = sent_to("assise@asso.example")
    assert only_event(calendars(message)[0])["SEQUENCE"] == workshop.sequence + 2


def test_moving_a_workshop_in_the_admin_tells_its_registrants(client, workshop_with_registrants):
    workshop = workshop_with_registrants
    client.force_login(UserFactory(groups=["Animateurs"]))
    url = reverse("wagtailadmin_pages:edit", args=[workshop.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["debut"] = in_days(12, hour=14).strftime("%Y-%m-%d %H:%M")
    data["fin"] = in_days(12, hour=16).strftime("%Y-%m-%d %H:%M")
    data["action-publish"] = "action-publish"

    response = client.post(url, data)

    assert response.status_code == 302
    assert reload(workshop).debut == in_days(12, hour=14)
    [message] = sent_to("assise@asso.example")
    event = only_event(calendars(message)[0])
    assert event.decoded("DTSTART") == in_days(12, hour=14)
    assert event["SEQUENCE"] == workshop.sequence + 1


def test_publishing_an_older_revision_that_moves_the_workshop_back_tells_registrants(
    workshop_with_registrants,
):
    """Going back to the date of an earlier revision (the admin's « Revisions » history) is a
    change like any other: registrants were told about the later date."""
    workshop = workshop_with_registrants
    original = workshop.latest_revision
    moved = publish_changes(workshop, debut=in_days(20), fin=in_days(20, hour=20))
    mail.outbox.clear()

    original.publish()

    back = reload(workshop)
    assert back.debut == workshop.debut
    assert back.sequence == moved.sequence + 1
    [message] = sent_to("assise@asso.example")
    event = only_event(calendars(message)[0])
    assert event.decoded("DTSTART") == workshop.debut
    assert event["SEQUENCE"] == moved.sequence + 1


def test_registrants_are_told_of_a_new_time_in_paris_time(workshop_with_registrants):
    workshop = workshop_with_registrants

    publish_changes(workshop, debut=workshop.debut + timedelta(hours=1))

    [message] = sent_to("assise@asso.example")
    assert "de 19:00 à 20:00 (heure de Paris)" in message.body
