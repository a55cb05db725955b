"""A page's admin form offers the domaines and publics of the page's own language only:
guides, modèles and fiches (``RessourcePage``) and workshops, French and English, in the
create and the edit views. A term of the other language is refused with a message that says
why; a translation still pointing at the source's terms shows their translations ticked."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from evenements.services import get_or_create_agenda, get_or_create_atelier
from fiches.services import get_or_create_fiche_index
from ressources.models import Domaine, Public
from tests import markup
from tests.factories import (
    FichePageFactory,
    GuidePageFactory,
    ModelePageFactory,
    UserFactory,
    build_site_tree,
    domaine,
    public,
    translate,
)

pytestmark = pytest.mark.django_db

TYPES = {
    "guide": ("ressources", "guidepage", "index"),
    "modèle": ("ressources", "modelepage", "index"),
    "fiche": ("fiches", "fichepage", "fiches"),
    "atelier": ("evenements", "atelierpage", "agenda"),
}


@pytest.fixture(scope="module")
def pages(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        fiches = get_or_create_fiche_index(home)
        agenda = get_or_create_agenda(home)
        debut = timezone.now() + timedelta(days=10)
        fr = {
            "index": index,
            "fiches": fiches,
            "agenda": agenda,
            "guide": GuidePageFactory(parent=index, publics=[public("salaries")]),
            "modèle": ModelePageFactory(parent=index),
            "fiche": FichePageFactory(parent=fiches, publics=[public("benevoles")]),
            "atelier": get_or_create_atelier(
                agenda,
                slug="premiere-paie",
                domaines=["ressources-humaines"],
                animateurs=[("Claire Martin", None)],
                title="Faire sa première paie",
                chapo="Pour qui, pour quoi.",
                description="<p>Un atelier.</p>",
                debut=debut,
                fin=debut + timedelta(hours=2),
                format="distance",
                capacite=10,
            ),
        }
        en = {"home": translate(home, title="Entraide (English)")}
        for name in ("index", "fiches", "agenda", "guide", "modèle", "fiche", "atelier"):
            en[name] = translate(fr[name])
    return {"fr": fr, "en": en}


@pytest.fixture
def editeur_client(client):
    client.force_login(UserFactory(groups=["Éditeurs"]))
    return client


def create_url(pages, language, page_type):
    app, model, parent = TYPES[page_type]
    return reverse("wagtailadmin_pages:add", args=[app, model, pages[language][parent].pk])


def edit_url(pages, language, page_type):
    return reverse("wagtailadmin_pages:edit", args=[pages[language][page_type].pk])


def offered(html, name):
    """The values of the checkboxes named ``name``, and of those ticked."""
    boxes = [attrs for attrs in markup.elements(html, "input") if attrs.get("name") == name]
    return (
        {int(box["value"]) for box in boxes},
        {int(box["value"]) for box in boxes if "checked" in box},
    )


def terms(model, language):
    return set(model.objects.filter(locale__language_code=language).values_list("pk", flat=True))


@pytest.mark.parametrize("view", [create_url, edit_url], ids=["create", "edit"])
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("page_type", TYPES)
def test_a_page_form_offers_the_classification_of_the_page_language_only(
    editeur_client, pages, view, language, page_type
):
    response = editeur_client.get(view(pages, language, page_type))

    assert response.status_code == 200
    assert offered(response.content, "domaines")[0] == terms(Domaine, language)
    expected_publics = set() if page_type == "atelier" else terms(Public, language)
    assert offered(response.content, "publics")[0] == expected_publics


@pytest.mark.parametrize("page_type", TYPES)
def test_a_translation_pointing_at_french_terms_shows_their_english_translations_ticked(
    editeur_client, pages, page_type
):
    french_terms = set(pages["fr"][page_type].domaines.values_list("translation_key", flat=True))

    response = editeur_client.get(edit_url(pages, "en", page_type))

    ticked = offered(response.content, "domaines")[1]
    assert ticked
    assert ticked == set(
        Domaine.objects.filter(
            locale__language_code="en", translation_key__in=french_terms
        ).values_list("pk", flat=True)
    )


def edit_form(client, pages, language, page_type):
    response = client.get(edit_url(pages, language, page_type))
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


REFUSALS = [
    ("fr", "fiche", "domaines", domaine, "en", "la langue de cette page (Français)"),
    ("en", "fiche", "publics", public, "fr", "la langue de cette page (English)"),
    ("fr", "atelier", "domaines", domaine, "en", "la langue de cette page (Français)"),
    ("en", "atelier", "domaines", domaine, "fr", "la langue de cette page (English)"),
]


@pytest.mark.parametrize(("language", "page_type", "field", "term", "other", "message"), REFUSALS)
def test_saving_a_term_of_the_other_language_is_refused_with_a_clear_message(
    editeur_client, pages, language, page_type, field, term, other, message
):
    page = pages[language][page_type]
    revisions = page.revisions.count()
    data = edit_form(editeur_client, pages, language, page_type)
    data.setlist(field, [term("benevoles" if field == "publics" else "numerique", other).pk])

    response = editeur_client.post(edit_url(pages, language, page_type), data)

    assert response.status_code == 200
    text = markup.text(response.content)
    assert f"Ce choix n'est pas dans {message} : cochez les {field} proposés." in text
    assert page.revisions.count() == revisions


@pytest.mark.parametrize("language", ["fr", "en"])
def test_saving_a_term_of_the_page_language_is_accepted(editeur_client, pages, language):
    page = pages[language]["fiche"]
    data = edit_form(editeur_client, pages, language, "fiche")
    data.setlist("domaines", [domaine("numerique", language).pk])

    response = editeur_client.post(edit_url(pages, language, "fiche"), data)

    assert response.status_code == 302
    latest = page.specific_class.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [term.slug for term in latest.domaines.all()] == ["numerique"]
