"""Two people asking for the last seat at the same moment: exactly one gets it. Run against
the real PostgreSQL that `make test` starts, with real threads and their own connections."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from evenements import inscriptions
from evenements.models import Inscription
from evenements.services import get_or_create_agenda, get_or_create_atelier
from tests.concurrence import all_at_once
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
    """The errors of ``count`` people registering at the same moment."""

    def register(number):
        return lambda: inscriptions.inscrire(
            atelier, nom=f"Personne {number}", email=f"p{number}@ex.org"
        )

    outcomes = all_at_once(*[register(number) for number in range(count)])
    return [outcome for outcome in outcomes if isinstance(outcome, Exception)]


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
    def register():
        return inscriptions.inscrire(last_seat_workshop, nom="Claire", email="claire@ex.org")

    outcomes = all_at_once(register, register)

    inscrites = [o for o in outcomes if isinstance(o, Inscription)]
    refusees = [o for o in outcomes if isinstance(o, inscriptions.InscriptionError)]
    assert len(inscrites) == len(refusees) == 1, outcomes
    assert Inscription.objects.filter(email="claire@ex.org").count() == 1
