"""Two clicks on « Envoyer » at the same moment (two tabs, a double click): one conversation
with both messages, never two conversations nor a 500. Run against the real PostgreSQL, with
real threads and their own connections."""

import time
from unittest import mock

import pytest
from django.db import connection

from bourse import conversations
from bourse.models import Conversation
from tests.concurrence import all_at_once
from tests.factories import AnnonceFactory, StructureFactory, UserFactory

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_first_messages_at_once_make_one_conversation():
    assert connection.vendor == "postgresql"
    rita = UserFactory()
    recyclerie = StructureFactory(membres=[rita])
    annonce = AnnonceFactory()
    original = Conversation.objects.get_or_create

    def lent(*args, **kwargs):  # both are past the check before either has written
        time.sleep(0.3)
        return original(*args, **kwargs)

    with mock.patch.object(Conversation.objects, "get_or_create", side_effect=lent):
        outcomes = all_at_once(
            lambda: conversations.ouvrir(annonce, recyclerie, rita, "Bonjour"),
            lambda: conversations.ouvrir(annonce, recyclerie, rita, "Bonjour bis"),
        )

    assert all(isinstance(outcome, Conversation) for outcome in outcomes), outcomes
    conversation = Conversation.objects.get()
    assert sorted(conversation.messages.values_list("texte", flat=True)) == [
        "Bonjour",
        "Bonjour bis",
    ]
