"""The admin's settings (issue 13, item 19): privacy by account or group only, never a
password passed around; no request from the admin to a third party (no Gravatar)."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests import markup
from tests.factories import GuidePageFactory, UserFactory, build_site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(
        UserFactory(is_superuser=True, is_staff=True, email="claire@asso-quartier.example")
    )
    return client


def privacy_choices(response):
    html = json.loads(response.content)["html"]
    return {
        attrs.get("value")
        for attrs in markup.elements(html, "input")
        if attrs.get("name") == "restriction_type"
    }


@pytest.fixture
def guide():
    _home, index = build_site_tree()
    return GuidePageFactory(parent=index, title="Statuts réservés au bureau")


@pytest.fixture
def collection():
    return Collection.get_first_root_node().add_child(name="Documents du bureau")


def privacy_url(target):
    if isinstance(target, Collection):
        return reverse("wagtailadmin_collections:set_privacy", args=[target.pk])
    return reverse("wagtailadmin_pages:set_privacy", args=[target.pk])


@pytest.mark.parametrize(
    "target, restrictions",
    [("guide", PageViewRestriction), ("collection", CollectionViewRestriction)],
)
def test_private_pages_and_collections_offer_no_shared_password(
    admin_client, request, target, restrictions
):
    target = request.getfixturevalue(target)
    url = privacy_url(target)

    offered = privacy_choices(admin_client.get(url))
    admin_client.post(url, {"restriction_type": "password", "password": "bureau2026"})

    assert offered == {"none", "login", "groups"}
    assert not restrictions.objects.exists()


def test_the_admin_asks_gravatar_for_nothing(admin_client):
    pages = [reverse("wagtailadmin_home"), reverse("wagtailadmin_account")]

    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200
        assert "gravatar" not in response.content.decode().lower(), url
