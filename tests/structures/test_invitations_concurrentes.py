"""Two people following one invitation's link at the same moment: exactly one joins; the same
member leaving twice at once (two tabs): one leave, one « plus membre ». Run against the real
PostgreSQL, with real threads and their own connections."""

import time
from unittest import mock

import pytest
from django.db import connection

from structures import adhesions, invitations
from structures.models import Adhesion, Invitation
from tests.concurrence import all_at_once
from tests.factories import StructureFactory, UserFactory

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def slow(original):
    """Joining takes a while after the invitation is taken, so both are in flight at once."""

    def call(*args, **kwargs):
        time.sleep(0.3)
        return original(*args, **kwargs)

    return call


def test_two_people_accepting_one_invitation_at_once_make_one_member():
    assert connection.vendor == "postgresql"
    claire, nadia, karim = (UserFactory() for _ in range(3))
    jardin = StructureFactory(membres=[claire])
    invitation, _ = invitations.inviter(jardin, "nadia@ex.org", claire)

    get_or_create = slow(Adhesion.objects.get_or_create)
    with mock.patch.object(Adhesion.objects, "get_or_create", side_effect=get_or_create):
        outcomes = all_at_once(
            lambda: invitations.accepter(invitation, nadia),
            lambda: invitations.accepter(invitation, karim),
        )

    joined = [outcome for outcome in outcomes if isinstance(outcome, Adhesion)]
    refused = [o for o in outcomes if isinstance(o, invitations.InvitationError)]
    assert len(joined) == len(refused) == 1, outcomes
    assert jardin.adhesions.filter(statut=Adhesion.Statut.ACCEPTEE).count() == 2
    assert Invitation.objects.get().accepted_at is not None


def test_the_last_member_leaving_twice_at_once_leaves_once():
    claire = UserFactory()
    jardin = StructureFactory(membres=[claire])

    outcomes = all_at_once(
        lambda: adhesions.quitter(jardin, claire), lambda: adhesions.quitter(jardin, claire)
    )

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["AdhesionError", "bool"]
    assert True in outcomes  # the one that left was told nobody is left
    assert not jardin.adhesions.exists()
