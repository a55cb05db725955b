"""Files of fiches: a download counts only when the public fetches a file of a published
fiche (not its authors, not the moderators and editors at work, not a HEAD); a public file may
be kept by any cache that checks back, a private one (a draft's, a file awaiting approval, a
restricted fiche's) by no cache at all."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from fiches.models import PieceJointe
from tests import markup
from tests.factories import UserFactory
from tests.fiches.helpers import (
    PDF,
    contributor,
    draft,
    logged_in,
    moderator,
    pending_file,
    published,
)

pytestmark = pytest.mark.django_db

PUBLIC = {"public", "no-cache"}
PRIVATE = {"private", "no-store"}


def cache_control(response):
    return {directive.strip() for directive in response["Cache-Control"].split(",")}


def count_of(piece):
    return PieceJointe.objects.get(pk=piece.pk).download_count


def fetch(client, piece, method="get"):
    response = getattr(client, method)(piece.get_absolute_url())
    assert response.status_code == 200, piece
    body = markup.content(response)
    assert method == "head" or body == PDF
    return response


@pytest.fixture
def publiee(asso, claire):
    """A file of a published fiche."""
    fiche = published(asso, claire, pieces=[pending_file(claire, name="bulletin.pdf")])
    return fiche.pieces_jointes.get()


def visitor():
    return Client()


def another_contributor():
    return logged_in(contributor())


def member_of(structure):
    def client():
        ines = contributor()
        structure.adhesions.create(user=ines, statut="acceptee")
        return logged_in(ines)

    return client


def in_group(name):
    return lambda: logged_in(UserFactory(groups=[name]))


@pytest.mark.parametrize(
    "who, counted",
    [
        ("anonymous visitor", True),
        ("another contributor", True),
        ("its author", False),
        ("another member of its structure", False),
        ("a moderator", False),
        ("an editor", False),
        ("an animator", False),
    ],
)
def test_only_the_public_downloading_a_published_file_counts(publiee, asso, claire, who, counted):
    client = {
        "anonymous visitor": visitor,
        "another contributor": another_contributor,
        "its author": lambda: logged_in(claire),
        "another member of its structure": member_of(asso),
        "a moderator": lambda: logged_in(moderator()),
        "an editor": in_group("Éditeurs"),
        "an animator": in_group("Animateurs"),
    }[who]()

    response = fetch(client, publiee)

    assert count_of(publiee) == (1 if counted else 0)
    assert cache_control(response) == PUBLIC


def test_asking_about_a_published_file_is_not_downloading_it(publiee):
    response = fetch(visitor(), publiee, method="head")

    assert response["Content-Disposition"].startswith("attachment;")
    assert cache_control(response) == PUBLIC
    assert count_of(publiee) == 0


def test_a_drafts_file_previewed_by_its_author_and_a_moderator_is_private_and_not_counted(
    asso, claire
):
    fiche = draft(asso, claire, pieces=[pending_file(claire)])
    piece = fiche.pieces_jointes.get()

    for client in (logged_in(claire), logged_in(moderator())):
        assert cache_control(fetch(client, piece)) == PRIVATE
    assert visitor().get(piece.get_absolute_url()).status_code == 404
    assert count_of(piece) == 0


def test_a_file_awaiting_approval_on_a_published_fiche_is_private(publiee, asso, claire):
    nouvelle = pending_file(claire, name="nouveau-bareme.pdf")
    nouvelle.fiche = publiee.fiche
    nouvelle.save()

    response = fetch(logged_in(claire), nouvelle)

    assert cache_control(response) == PRIVATE
    assert visitor().get(nouvelle.get_absolute_url()).status_code == 404
    assert count_of(nouvelle) == 0


def test_a_file_not_yet_attached_is_private_to_the_person_who_uploaded_it(claire):
    piece = pending_file(claire)

    assert cache_control(fetch(logged_in(claire), piece)) == PRIVATE
    assert count_of(piece) == 0


def test_a_restricted_fiches_file_is_private_and_hidden_from_who_the_restriction_stops(publiee):
    PageViewRestriction.objects.create(
        page=publiee.fiche, restriction_type=PageViewRestriction.LOGIN
    )

    assert visitor().get(publiee.get_absolute_url()).status_code == 404
    response = fetch(another_contributor(), publiee)
    assert cache_control(response) == PRIVATE
    assert count_of(publiee) == 0
