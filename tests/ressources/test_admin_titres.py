"""Nobody reads in the admin the title of a page they may not edit: not in the page chooser
(browse, search, chosen pages), the bulk action confirmations or the page types report. Of a
live page they may not edit, they read the published title, never an unpublished draft's.
Animateurs edit the agenda only; Modérateurs and Éditeurs edit every page."""

import html
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.operations import translate_object

from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from tests.factories import (
    AtelierPageFactory,
    GuidePageFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
    locale,
)
from tests.fiches.helpers import contributor, draft, submit

pytestmark = pytest.mark.django_db

BROUILLON = "Cotisations brouillon jamais publié"
MODERATION = "Cotisations fiche en modération"
PUBLIE = "Cotisations titre publié"
REVISION = "Cotisations titre de la révision non publiée"
ATELIER = "Cotisations atelier en préparation"
TITLES = {BROUILLON, MODERATION, PUBLIE, REVISION, ATELIER}


@pytest.fixture(scope="module")
def pages(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        fiches = get_or_create_fiche_index(home)
        agenda = get_or_create_agenda(home)
        brouillon = GuidePageFactory(parent=index, title=BROUILLON, live=False)
        brouillon.save_revision()
        publie = GuidePageFactory(parent=index, title=PUBLIE)
        publie.save_revision().publish()
        publie.title = REVISION
        publie.save_revision()
        auteur = contributor()
        fiche = draft(StructureFactory(membres=[auteur]), auteur, title=MODERATION)
        submit(fiche, auteur)
        atelier = agenda_draft(agenda)
    return {
        "index": index,
        "fiches": fiches,
        "agenda": agenda,
        "brouillon": brouillon,
        "publie": publie,
        "fiche": fiche,
        "atelier": atelier,
    }


def agenda_draft(agenda):
    """A workshop being prepared: a draft every Animateur may edit."""
    return AtelierPageFactory(
        parent=agenda,
        title=ATELIER,
        slug="cotisations",
        debut=timezone.now() + timedelta(days=10),
        brouillon=True,
    )


def ids(pages, *names):
    return "&".join(f"id={pages[name].pk}" for name in names)


SECRETS = ("brouillon", "fiche", "publie")
VIEWS = {
    "chooser: browse the ressources": lambda p: reverse(
        "wagtailadmin_choose_page_child", args=[p["index"].pk]
    ),
    "chooser: browse the fiches": lambda p: reverse(
        "wagtailadmin_choose_page_child", args=[p["fiches"].pk]
    ),
    "chooser: browse the agenda": lambda p: reverse(
        "wagtailadmin_choose_page_child", args=[p["agenda"].pk]
    ),
    "chooser: browse into the draft": lambda p: reverse(
        "wagtailadmin_choose_page_child", args=[p["brouillon"].pk]
    ),
    "chooser: browse into the fiche": lambda p: reverse(
        "wagtailadmin_choose_page_child", args=[p["fiche"].pk]
    ),
    "chooser: search": lambda p: reverse("wagtailadmin_choose_page_search") + "?q=Cotisations",
    "chooser: chosen pages": lambda p: (
        reverse("wagtailadmin_choose_page_chosen_multiple") + "?" + ids(p, *SECRETS, "atelier")
    ),
    "bulk: delete": lambda p: bulk("delete", p),
    "bulk: publish": lambda p: bulk("publish", p),
    "bulk: unpublish": lambda p: bulk("unpublish", p),
    "bulk: move": lambda p: bulk("move", p),
    "report: page types usage": lambda p: reverse("wagtailadmin_reports:page_types_usage"),
    "report: its results": lambda p: reverse("wagtailadmin_reports:page_types_usage_results"),
}


def bulk(action, pages):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return f"{url}?{ids(pages, *SECRETS)}"


EDITORS = {
    "chooser: browse the ressources": {BROUILLON, REVISION},
    "chooser: browse the fiches": {MODERATION},
    "chooser: browse the agenda": {ATELIER},
    "chooser: browse into the draft": {BROUILLON},
    "chooser: browse into the fiche": {MODERATION},
    "chooser: search": {BROUILLON, MODERATION, REVISION, ATELIER},
    "chooser: chosen pages": {BROUILLON, MODERATION, REVISION, ATELIER},
    "bulk: delete": {BROUILLON, MODERATION, REVISION},
    "bulk: publish": {BROUILLON, MODERATION, REVISION},
    "bulk: unpublish": {BROUILLON, MODERATION, REVISION},
    "bulk: move": {BROUILLON, MODERATION, REVISION},
    "report: page types usage": {MODERATION, REVISION, ATELIER},
    "report: its results": {MODERATION, REVISION, ATELIER},
}
VISIBLE = {
    "Éditeurs": EDITORS,
    "Modérateurs": EDITORS,
    "Animateurs": {
        "chooser: browse the ressources": {PUBLIE},
        "chooser: browse the fiches": set(),
        "chooser: browse the agenda": {ATELIER},
        "chooser: browse into the draft": set(),
        "chooser: browse into the fiche": set(),
        "chooser: search": {PUBLIE, ATELIER},
        "chooser: chosen pages": {PUBLIE, ATELIER},
        "bulk: delete": {PUBLIE},
        "bulk: publish": {PUBLIE},
        "bulk: unpublish": {PUBLIE},
        "bulk: move": {PUBLIE},
        "report: page types usage": {PUBLIE, ATELIER},
        "report: its results": {PUBLIE, ATELIER},
    },
}


def everything_sent(response):
    """All the response carries (HTML attributes and modal data included), entities decoded."""
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(json.loads(response.content), ensure_ascii=False)
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("group", VISIBLE)
def test_admin_users_read_only_the_titles_of_pages_they_may_see(client, pages, group, view):
    """The published title of a live page is public: it may appear anywhere; every other
    title only where the matrix says."""
    client.force_login(UserFactory(groups=[group]))

    response = client.get(VIEWS[view](pages))

    sent = everything_sent(response) if response.status_code == 200 else ""
    found = {title for title in TITLES if title in sent}
    assert found - {PUBLIE} == VISIBLE[group][view] - {PUBLIE}
    assert PUBLIE in found or PUBLIE not in VISIBLE[group][view]


@pytest.mark.parametrize("parent", ["brouillon", "fiche"])
def test_an_animateur_cannot_browse_into_a_page_they_may_not_see(client, pages, parent):
    client.force_login(UserFactory(groups=["Animateurs"]))

    response = client.get(reverse("wagtailadmin_choose_page_child", args=[pages[parent].pk]))

    assert response.status_code in (302, 404)
    assert "Cotisations" not in response.content.decode()


def test_an_animateur_cannot_move_pages_under_a_page_they_may_not_see(client, pages):
    client.force_login(UserFactory(groups=["Animateurs"]))
    url = bulk("move", pages).replace(ids(pages, *SECRETS), ids(pages, "atelier"))

    response = client.post(url, {"chooser": pages["brouillon"].pk})

    assert BROUILLON not in everything_sent(response)
    pages["atelier"].refresh_from_db()
    assert pages["atelier"].get_parent().pk == pages["agenda"].pk


@pytest.mark.parametrize(
    ("group", "sees_it"), [("Animateurs", False), ("Modérateurs", True), ("Éditeurs", True)]
)
@pytest.mark.parametrize("results_only", [False, True])
def test_the_translations_report_lists_only_pages_one_may_edit(
    client, pages, group, sees_it, results_only
):
    translate_object(pages["brouillon"], [locale("en")])
    client.force_login(UserFactory(groups=[group]))
    url = reverse("wagtail_localize:translations_report")
    if results_only:
        url = reverse("wagtail_localize:translations_report_results")

    response = client.get(url)

    assert response.status_code == 200
    assert (BROUILLON in everything_sent(response)) == sees_it
