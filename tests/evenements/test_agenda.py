"""/fr/ateliers/: what is coming first, the archive, filters that combine, and the page of
each workshop (Paris time, status, place, never the visio link, schema.org Event)."""

import datetime
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from evenements.listing import PER_PAGE
from evenements.models import AtelierPage
from tests import markup
from tests.evenements.helpers import (
    ADRESSE,
    AGENDA_URL,
    atelier,
    in_days,
    json_ld,
    page_text,
    paris,
    register,
    workshop_links,
)

pytestmark = pytest.mark.django_db

ARCHIVES_URL = AGENDA_URL + "archives/"


def listed(client, url, workshops):
    """The titles of ``workshops`` a visitor sees at ``url``, in the order shown."""
    response = client.get(url)
    assert response.status_code == 200, url
    return workshop_links(response.content, workshops)


def test_upcoming_workshops_come_first_soonest_first(client, agenda):
    later = atelier(agenda, title="Dans trois semaines", debut=in_days(21))
    soon = atelier(agenda, title="Après-demain", debut=in_days(2))
    middle = atelier(agenda, title="La semaine prochaine", debut=in_days(8))
    ongoing = atelier(
        agenda,
        title="Commencé il y a une heure",
        debut=timezone.now() - timedelta(hours=1),
        duree=timedelta(hours=3),
    )
    past = atelier(agenda, title="La semaine dernière", debut=in_days(-7))
    workshops = [later, soon, middle, ongoing, past]

    assert listed(client, AGENDA_URL, workshops) == [
        "Commencé il y a une heure",
        "Après-demain",
        "La semaine prochaine",
        "Dans trois semaines",
    ]


def test_past_workshops_are_only_in_the_archive_latest_first(client, agenda):
    upcoming = atelier(agenda, title="Bientôt", debut=in_days(4))
    old = atelier(agenda, title="Il y a deux mois", debut=in_days(-60))
    recent = atelier(agenda, title="Il y a trois jours", debut=in_days(-3))
    last_month = atelier(agenda, title="Le mois dernier", debut=in_days(-30))
    workshops = [upcoming, old, recent, last_month]

    assert listed(client, ARCHIVES_URL, workshops) == [
        "Il y a trois jours",
        "Le mois dernier",
        "Il y a deux mois",
    ]
    assert listed(client, AGENDA_URL, workshops) == ["Bientôt"]


def test_domaine_and_format_filters_combine(client, agenda):
    workshops = [
        atelier(agenda, title="Paie en visio", domaines=["ressources-humaines"]),
        atelier(
            agenda,
            title="Paie à Lyon",
            domaines=["ressources-humaines"],
            format="presentiel",
            debut=in_days(4),
        ),
        atelier(agenda, title="Site web en visio", domaines=["numerique"], debut=in_days(5)),
    ]

    assert listed(client, AGENDA_URL + "?domaine=ressources-humaines", workshops) == [
        "Paie en visio",
        "Paie à Lyon",
    ]
    assert listed(
        client, AGENDA_URL + "?domaine=ressources-humaines&format=distance", workshops
    ) == ["Paie en visio"]
    assert listed(client, AGENDA_URL + "?format=distance", workshops) == [
        "Paie en visio",
        "Site web en visio",
    ]
    assert listed(
        client,
        AGENDA_URL + "?domaine=numerique&domaine=ressources-humaines&format=presentiel",
        workshops,
    ) == ["Paie à Lyon"]


def test_departement_filter_keeps_the_workshops_held_there(client, agenda):
    workshops = [
        atelier(agenda, title="À Lyon", format="presentiel", departement="69"),
        atelier(
            agenda,
            title="À Rennes et en visio",
            format="hybride",
            adresse="Tiers-lieu La Cohue, 10 rue de Brest, 35000 Rennes",
            departement="35",
            debut=in_days(4),
        ),
        atelier(agenda, title="En visio", debut=in_days(5)),
    ]

    assert listed(client, AGENDA_URL + "?departement=35", workshops) == ["À Rennes et en visio"]
    assert listed(client, AGENDA_URL + "?departement=69&format=presentiel", workshops) == ["À Lyon"]


def start_of_next_week():
    today = timezone.localdate()
    return today - timedelta(days=today.weekday()) + timedelta(days=7)


def start_of_next_month():
    first = timezone.localdate().replace(day=1)
    return (first + timedelta(days=32)).replace(day=1)


def test_periode_filter_keeps_this_weeks_or_this_months_workshops(client, agenda):
    next_week = start_of_next_week() + timedelta(days=1)
    workshops = [
        # Starting right now is always in this week and this month, whatever the day.
        atelier(agenda, title="En ce moment", debut=timezone.now(), duree=timedelta(hours=3)),
        atelier(agenda, title="La semaine prochaine", debut=paris(next_week)),
        atelier(
            agenda, title="Le mois prochain", debut=paris(start_of_next_month() + timedelta(days=8))
        ),
    ]
    this_month = ["En ce moment"]
    if next_week.month == timezone.localdate().month:
        this_month.append("La semaine prochaine")

    assert listed(client, AGENDA_URL + "?periode=semaine", workshops) == ["En ce moment"]
    assert listed(client, AGENDA_URL + "?periode=mois", workshops) == this_month


def test_du_and_au_keep_the_workshops_starting_between_those_days(client, agenda):
    workshops = [
        atelier(agenda, title=f"Dans {days} jours", debut=in_days(days, hour=9))
        for days in (10, 15, 20, 25)
    ]
    du = (timezone.localdate() + timedelta(days=15)).isoformat()
    au = (timezone.localdate() + timedelta(days=20)).isoformat()

    assert listed(client, AGENDA_URL + f"?du={du}&au={au}", workshops) == [
        "Dans 15 jours",
        "Dans 20 jours",
    ]
    assert listed(client, AGENDA_URL + f"?du={du}", workshops) == [
        "Dans 15 jours",
        "Dans 20 jours",
        "Dans 25 jours",
    ]
    assert listed(client, AGENDA_URL + f"?au={du}", workshops) == [
        "Dans 10 jours",
        "Dans 15 jours",
    ]


def test_places_libres_leaves_out_full_and_cancelled_workshops(client, agenda):
    full = atelier(agenda, title="Complet", capacite=1)
    register(full)
    workshops = [
        full,
        atelier(agenda, title="Annulé", annule=True, motif_annulation="Intervenante malade"),
        atelier(agenda, title="Une place sur deux", capacite=2, debut=in_days(5)),
        atelier(agenda, title="Encore de la place", capacite=30, debut=in_days(6)),
    ]
    register(workshops[2])

    assert listed(client, AGENDA_URL + "?places=on", workshops) == [
        "Une place sur deux",
        "Encore de la place",
    ]
    assert len(listed(client, AGENDA_URL, workshops)) == 4


@pytest.mark.parametrize(
    "query",
    [
        "domaine=nimporte-quoi",
        "format=par-pigeon",
        "departement=999",
        "periode=jamais",
        "du=pas-une-date",
        "du=2026-02-30",
        "au=31/12/2026",
        "du=0001-01-01",
        "au=9999-12-31",
        "du=2026-06-01&au=2026-01-01",
        "places=peut-etre",
        "page=abc",
        "page=-1",
        "page=999999",
        "domaine=&format=&departement=&du=&au=",
    ],
)
def test_unknown_filter_values_and_bad_dates_never_break_the_agenda(client, agenda, query):
    workshop = atelier(agenda, title="Toujours là")
    past = atelier(agenda, title="Déjà passé", debut=in_days(-5))

    for url in (AGENDA_URL, ARCHIVES_URL):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, f"{url}?{query}"
        assert "Ateliers" in markup.text(response.content)
    # A value that means nothing is ignored, not turned into an empty agenda.
    if query.startswith(("domaine=nimporte", "format=par", "du=pas", "places=", "page=")):
        assert listed(client, f"{AGENDA_URL}?{query}", [workshop, past]) == ["Toujours là"]


def test_agenda_is_paginated(client, agenda):
    workshops = [
        atelier(agenda, title=f"Atelier du jour {day:02d}", debut=in_days(day))
        for day in range(1, PER_PAGE + 2)
    ]

    first = client.get(AGENDA_URL)
    second = client.get(AGENDA_URL + "?page=2")

    assert workshop_links(first.content, workshops) == [w.title for w in workshops[:PER_PAGE]]
    assert workshop_links(second.content, workshops) == [workshops[-1].title]
    assert "?page=2" in markup.links(first.content)
    # A page past the end shows the last one.
    assert workshop_links(client.get(AGENDA_URL + "?page=9").content, workshops) == [
        workshops[-1].title
    ]


def add_workshops(agenda, count, start):
    domaines = ["ressources-humaines", "numerique", "communication"]
    formats = ["distance", "presentiel", "hybride"]
    for number in range(start, start + count):
        workshop = atelier(
            agenda,
            title=f"Atelier {number:03d}",
            debut=in_days(number % 40 + 1),
            domaines=[domaines[number % 3], domaines[(number + 1) % 3]],
            format=formats[number % 3],
            capacite=2,
        )
        register(workshop, email=f"personne{number}@asso.example")
    atelier(agenda, title=f"Passé {start}", debut=in_days(-start - 2))


def query_count(client, url):
    client.get(url)  # fills the caches a visitor's first request would fill
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_agenda_runs_the_same_queries_for_3_and_30_workshops(client, agenda):
    urls = [
        AGENDA_URL,
        AGENDA_URL + "?domaine=numerique&format=distance&format=hybride&places=on",
        ARCHIVES_URL,
    ]
    add_workshops(agenda, 3, start=1)
    with_3 = [query_count(client, url) for url in urls]

    add_workshops(agenda, 27, start=4)
    with_30 = [query_count(client, url) for url in urls]

    assert with_30 == with_3
    shown = workshop_links(client.get(AGENDA_URL).content, AtelierPage.objects.child_of(agenda))
    assert len(shown) == PER_PAGE


def november_next_year(hour_utc):
    year = timezone.now().year + 1
    return datetime.datetime(year, 11, 20, hour_utc, 0, tzinfo=datetime.UTC)


def test_workshop_page_shows_start_and_end_in_paris_time(client, agenda):
    workshop = atelier(agenda, debut=november_next_year(17), duree=timedelta(hours=2, minutes=30))

    text = page_text(client, workshop.url)

    # 17:00 UTC is 18:00 in Paris in November (UTC+1); the end, 19:30 UTC, is 20:30.
    assert any(shown in text for shown in ("18:00", "18 h 00", "18h00", "18 h"))
    assert any(shown in text for shown in ("20:30", "20 h 30", "20h30"))
    assert not any(shown in text for shown in ("17:00", "17 h 00", "17h00", "19:30", "19h30"))
    assert "20 novembre" in text


def badges(client, workshop):
    response = client.get(workshop.url)
    assert response.status_code == 200
    return markup.texts(response.content, "badge")


def test_workshop_page_says_how_many_seats_are_left(client, agenda):
    workshop = atelier(agenda, capacite=10)
    register(workshop)
    register(workshop)

    assert badges(client, workshop) == ["8 places libres"]


def test_workshop_page_says_a_workshop_is_full_and_offers_the_waitlist(client, agenda):
    workshop = atelier(agenda, capacite=1)
    register(workshop)

    assert badges(client, workshop) == ["Complet : liste d'attente"]
    assert "Rejoindre la liste d'attente" in page_text(client, workshop.url)


def test_workshop_page_says_a_workshop_is_cancelled_and_why(client, agenda):
    workshop = atelier(agenda, annule=True, motif_annulation="L'intervenante est malade.")

    assert badges(client, workshop) == ["Annulé"]
    assert "L'intervenante est malade." in page_text(client, workshop.url)


def test_workshop_page_says_a_workshop_is_over(client, agenda):
    assert badges(client, atelier(agenda, debut=in_days(-2))) == ["Passé"]


@pytest.mark.parametrize("format", ["presentiel", "hybride"])
def test_workshop_page_gives_the_address_of_an_in_person_workshop(client, agenda, format):
    workshop = atelier(agenda, format=format)

    assert ADRESSE in page_text(client, workshop.url)


@pytest.mark.parametrize("format", ["distance", "hybride"])
def test_workshop_page_never_shows_the_visio_link(client, agenda, format):
    workshop = atelier(agenda, format=format)
    register(workshop)

    for url in (workshop.url, AGENDA_URL, AGENDA_URL + "?format=" + format):
        response = client.get(url)
        assert response.status_code == 200, url
        assert workshop.title in markup.text(response.content)
        assert "salle-secrete" not in response.content.decode(), url


def event_of(client, workshop):
    response = client.get(workshop.url)
    assert response.status_code == 200
    events = [block for block in json_ld(response.content) if block.get("@type") == "Event"]
    assert len(events) == 1
    return events[0]


def test_workshop_page_describes_the_event_for_search_engines(client, agenda):
    workshop = atelier(
        agenda, title="Premier salarié : mode d'emploi", debut=november_next_year(17)
    )

    event = event_of(client, workshop)

    assert event["name"] == "Premier salarié : mode d'emploi"
    assert datetime.datetime.fromisoformat(event["startDate"]) == workshop.debut
    assert datetime.datetime.fromisoformat(event["endDate"]) == workshop.fin
    assert event["startDate"].endswith("+01:00")
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert "salle-secrete" not in str(event)


def test_cancelled_workshop_is_described_as_cancelled_for_search_engines(client, agenda):
    workshop = atelier(agenda, format="presentiel", annule=True)

    event = event_of(client, workshop)

    assert event["eventStatus"] == "https://schema.org/EventCancelled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert "Lyon" in str(event["location"])


def test_text_that_would_close_the_script_stays_inside_the_events_description(client, agenda):
    hostile = "</script><script>alert(1)</script> & <!-- «"
    workshop = atelier(
        agenda,
        title=hostile,
        chapo=hostile,
        format="hybride",
        adresse=hostile,
        animateurs=[(hostile, None)],
    )

    event = event_of(client, workshop)

    assert event["name"] == event["description"] == hostile
    assert event["location"][0]["address"]["streetAddress"] == hostile
    assert event["performer"] == [{"@type": "Person", "name": hostile}]
    assert "<script>alert(1)" not in client.get(workshop.url).content.decode()
