"""Two people asking for the last seat at the same moment: exactly one gets it. Run against
the real PostgreSQL that `make test` starts, with real threads and their own connections."""

import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from evenements import inscriptions
from evenements.models import Inscription
from evenements.services import get_or_create_agenda, get_or_create_atelier
from tests.factories import build_site_tree

PEOPLE = 8

# Real transactions, committed for the other threads to see; the data the migrations
# created (locales, groups, classification) is restored for each test.
pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def last_seat_workshop():
    home, _index = build_site_tree()
    agenda = get_or_create_agenda(home)
    debut = timezone.now() + timedelta(days=3)
    return get_or_create_atelier(
        agenda,
        slug="derniere-place",
        title="La dernière place",
        chapo="Un atelier très demandé.",
        description="<p>Une seule place.</p>",
        debut=debut,
        fin=debut + timedelta(hours=2),
        format="distance",
        capacite=1,
        domaines=["ressources-humaines"],
        animateurs=[("Claire", None)],
    )


def slow_create(original):
    """Creating the registration takes a while, so that without a lock every thread would
    count the free seat before any of them takes it."""

    def create(**fields):
        time.sleep(0.3)
        return original(**fields)

    return create


def register_all_at_once(atelier, count):
    start = threading.Barrier(count)
    errors = []

    def register(number):
        try:
            start.wait(timeout=10)
            inscriptions.inscrire(atelier, nom=f"Personne {number}", email=f"p{number}@ex.org")
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def test_people_asking_for_the_last_seat_at_once_get_one_seat_and_a_waitlist(last_seat_workshop):
    assert connection.vendor == "postgresql"

    create = slow_create(Inscription.objects.create)
    with mock.patch.object(Inscription.objects, "create", side_effect=create):
        errors = register_all_at_once(last_seat_workshop, PEOPLE)

    assert errors == []
    statuses = list(
        Inscription.objects.filter(atelier=last_seat_workshop).values_list("statut", flat=True)
    )
    assert len(statuses) == PEOPLE
    assert statuses.count(Inscription.Statut.CONFIRMEE) == 1
    assert statuses.count(Inscription.Statut.ATTENTE) == PEOPLE - 1


def test_the_same_address_twice_at_once_is_registered_once(last_seat_workshop):
    start = threading.Barrier(2)
    outcomes = []

    def register():
        try:
            start.wait(timeout=10)
            inscriptions.inscrire(last_seat_workshop, nom="Claire", email="claire@ex.org")
            outcomes.append("inscrite")
        except inscriptions.InscriptionError:
            outcomes.append("refusée")
        finally:
            connection.close()

    threads = [threading.Thread(target=register) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["inscrite", "refusée"]
    assert Inscription.objects.filter(email="claire@ex.org").count() == 1
