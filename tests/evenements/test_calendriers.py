"""Calendar files: one workshop, the subscribable agenda feed, and the updates registrants
receive when a published workshop moves or is cancelled."""

import io
from datetime import timedelta
from email.utils import parseaddr

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.test.utils.form_data import querydict_from_html

from evenements import inscriptions
from ressources.models import Domaine
from tests import markup
from tests.evenements.helpers import (
    ADRESSE,
    VISIO,
    atelier,
    calendar_url,
    calendars,
    committed,
    in_days,
    only_event,
    register,
    reload,
    route_url,
    sent_to,
    signed_part,
    voir_url,
)
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]


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


def calendar_text(calendar):
    return calendar.to_ical().decode()


def mailto(value):
    return str(value).lower().removeprefix("mailto:")


def test_every_emailed_invitation_names_the_organizer_and_its_attendee(client, agenda):
    """RFC 5546: METHOD:REQUEST and CANCEL need an ORGANIZER and an ATTENDEE. Every e-mail of
    a registration's life that carries a calendar file: confirmation, move, reminder,
    cancellation by the person, promotion, cancellation of the workshop."""
    workshop = atelier(agenda, title="Premier salarié", capacite=1, debut=in_days(9))
    with committed():
        seated = register(workshop, nom="Camille Durand", email="camille@asso.example")
        register(workshop, nom="Bruno Petit", email="bruno@asso.example")
        register(workshop, nom="Chloé Roux", email="chloe@asso.example")
        register(atelier(agenda), nom="Denis Morel", email="denis@asso.example")
    tomorrow = timezone.now() + timedelta(hours=20)
    moved = publish_changes(workshop, debut=tomorrow, fin=tomorrow + timedelta(hours=2))
    call_command("envoyer_rappels", stdout=io.StringIO())
    with committed():
        inscriptions.annuler(seated)
    publish_changes(moved, annule=True, motif_annulation="Salle indisponible.")

    _name, organizer_address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    methods = []
    for message in mail.outbox:
        for calendar in calendars(message):
            method = str(calendar["METHOD"])
            methods.append(method)
            assert method in ("REQUEST", "CANCEL")
            event = only_event(calendar)
            assert mailto(event["ORGANIZER"]) == organizer_address
            assert [mailto(event["ATTENDEE"])] == message.to
            assert event["ATTENDEE"].params["CN"] in (
                "Camille Durand",
                "Bruno Petit",
                "Chloé Roux",
                "Denis Morel",
            )
    assert methods.count("REQUEST") == 5  # 2 confirmations, a move, a reminder, a promotion
    assert methods.count("CANCEL") == 3  # Camille's own, then the workshop's for the two others


@pytest.mark.parametrize("format", ["distance", "hybride"])
def test_a_participants_own_calendar_files_carry_the_visio_link(client, agenda, format):
    workshop = atelier(agenda, format=format, capacite=1)
    with committed():
        seated = register(workshop, email="camille@asso.example")
        waiting = register(workshop, email="bruno@asso.example")

    [invitation] = calendars(sent_to("camille@asso.example")[0])
    personal_page = client.get(voir_url(seated))
    [download] = [href for href in markup.links(personal_page.content) if href.endswith(".ics")]
    downloaded = calendar_at(client, download)
    waitlisted = calendar_at(
        client, download.replace(signed_part(download), signed_part(voir_url(waiting)))
    )

    for calendar in (invitation, downloaded):
        event = only_event(calendar)
        assert VISIO in str(event["DESCRIPTION"])
        assert str(event["CONFERENCE"]) == VISIO
        if format == "distance":
            assert str(event["LOCATION"]) == VISIO
        else:
            assert str(event["LOCATION"]) == ADRESSE
    assert str(downloaded["METHOD"]) == "PUBLISH"
    assert VISIO not in calendar_text(waitlisted)
    assert "no-store" in client.get(download)["Cache-Control"]
    for url in (calendar_url(client, workshop), calendar_url(client, agenda)):
        assert VISIO not in calendar_text(calendar_at(client, url))


def test_the_agenda_feed_is_named_after_the_agenda_and_its_domaine(client, agenda):
    atelier(agenda, domaines=["numerique"])
    numerique = Domaine.objects.get(locale=agenda.locale, slug="numerique")

    calendar = calendar_at(client, calendar_url(client, agenda))
    filtered = calendar_at(client, calendar_url(client, agenda) + "?domaine=numerique")

    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == agenda.title
    assert (
        str(filtered["X-WR-CALNAME"])
        == str(filtered["NAME"])
        == f"{agenda.title} – {numerique.nom}"
    )


def test_the_agenda_offers_a_webcal_subscription_beside_the_https_feed(client, agenda):
    response = client.get(agenda.url)

    links = markup.links(response.content)
    feed = route_url(agenda, "agenda_ics")
    assert feed in links
    assert f"webcal://testserver{feed}" in links
