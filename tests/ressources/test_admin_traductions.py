"""wagtail-localize's permission to translate is global: ours also needs the right to edit
what is translated and, where the translation is published, the right to publish there —
for pages and classification terms, when submitting and when syncing translations."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import TranslationSource

from fiches.services import get_or_create_fiche_index
from ressources.models import Domaine
from tests import markup
from tests.factories import (
    FichePageFactory,
    GuidePageFactory,
    UserFactory,
    build_site_tree,
    locale,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(module_transaction):
    with module_transaction.unblock():
        home, index = build_site_tree()
        fiches = get_or_create_fiche_index(home)
        guide = GuidePageFactory(parent=index, title="Rédiger les statuts")
        fiche = FichePageFactory(parent=fiches, title="Notre première paie")
        home_en = translate(home, title="Entraide (English)")
        index_en = translate(index, title="Resources")
    return {
        "home": home,
        "index": index,
        "fiches": fiches,
        "guide": guide,
        "fiche": fiche,
        "home_en": home_en,
        "index_en": index_en,
    }


def translator(*pages, actions=("add", "change", "publish")):
    """Someone allowed to translate (``submit_translation``) and to work on ``pages``."""
    group = Group.objects.create(name=f"Traduction {Group.objects.count()}")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    for page in pages:
        for action in actions:
            GroupPagePermission.objects.create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{action}_page"
                ),
            )
    return UserFactory(groups=[group.name])


def refused(response):
    """Wagtail's refusal: back to the dashboard, with « vous n'avez pas les autorisations »."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def submit_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def into_english(client, page, callbacks, **data):
    with callbacks(execute=True):
        return client.post(submit_url(page), {"locales": [locale("en").pk], **data})


@pytest.fixture
def ressources_translator(client, site):
    """Works on the ressources in both languages, not on the fiches."""
    client.force_login(translator(site["index"], site["index_en"]))
    return client


def test_a_translator_opens_the_translation_form_of_a_page_they_may_edit(
    ressources_translator, site
):
    response = ressources_translator.get(submit_url(site["guide"]))

    assert response.status_code == 200
    assert "Rédiger les statuts" in markup.text(response.content)


def test_a_translator_translates_and_publishes_a_page_they_may_edit(
    ressources_translator, site, django_capture_on_commit_callbacks
):
    response = into_english(
        ressources_translator, site["guide"], django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    translation = site["guide"].get_translation(locale("en"))
    assert translation.get_parent().pk == site["index_en"].pk
    assert Page.objects.get(pk=translation.pk).live


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_translator_cannot_translate_a_page_they_may_not_edit(
    ressources_translator, site, django_capture_on_commit_callbacks, method
):
    with django_capture_on_commit_callbacks(execute=True):
        response = getattr(ressources_translator, method)(
            submit_url(site["fiche"]), {"locales": [locale("en").pk]}
        )

    assert refused(response)
    assert site["fiche"].get_translation_or_none(locale("en")) is None
    assert not Page.objects.filter(locale__language_code="en", title="Notre première paie")


def test_a_translator_cannot_publish_a_translation_where_they_may_not_publish(
    client, site, django_capture_on_commit_callbacks
):
    client.force_login(translator(site["index"]))

    response = into_english(client, site["guide"], django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert (
        "Vous ne pouvez pas publier la traduction « English » de « Rédiger les statuts »."
        in markup.text(response.content)
    )
    assert site["guide"].get_translation_or_none(locale("en")) is None


def test_a_page_owner_cannot_translate_with_it_a_subpage_they_may_not_edit(
    client, site, django_capture_on_commit_callbacks
):
    """With « add » on the home pages, one edits the pages one owns: the fiches index here,
    not the fiche under it."""
    user = translator(site["home"], site["home_en"], actions=("add", "publish"))
    Page.objects.filter(pk=site["fiches"].pk).update(owner=user)
    client.force_login(user)

    refused = into_english(
        client, site["fiches"], django_capture_on_commit_callbacks, include_subtree="on"
    )

    assert refused.status_code == 200
    assert (
        "« Notre première paie » serait traduit avec cette page, mais vous ne pouvez pas le "
        "modifier." in markup.text(refused.content)
    )
    assert site["fiches"].get_translation_or_none(locale("en")) is None

    accepted = into_english(client, site["fiches"], django_capture_on_commit_callbacks)

    assert accepted.status_code == 302
    assert site["fiches"].get_translation_or_none(locale("en")) is not None
    assert site["fiche"].get_translation_or_none(locale("en")) is None


def test_syncing_translations_needs_the_right_to_edit_the_source(
    client, site, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(groups=["Éditeurs"]))
    into_english(client, site["fiche"], django_capture_on_commit_callbacks)
    source = TranslationSource.objects.get_for_instance(site["fiche"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.get(url).status_code == 200

    client.force_login(translator(site["index"], site["index_en"]))

    assert refused(client.get(url))
    assert refused(client.post(url, {"publish_translations": "on"}))


def test_translating_a_term_needs_the_right_to_edit_the_classification(client, site):
    terme = Domaine.objects.get(slug="numerique", locale__language_code="fr")
    Domaine.objects.filter(slug="numerique", locale__language_code="en").delete()
    client.force_login(translator(site["index"], site["index_en"]))
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["ressources", "domaine", terme.pk]
    )

    assert refused(client.get(url))
    assert refused(client.post(url, {"locales": [locale("en").pk]}))
    assert terme.get_translation_or_none(locale("en")) is None


def test_syncing_translations_needs_the_right_to_publish_them(
    client, site, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(groups=["Éditeurs"]))
    into_english(client, site["guide"], django_capture_on_commit_callbacks)
    source = TranslationSource.objects.get_for_instance(site["guide"])
    client.force_login(translator(site["index"]))

    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )

    assert response.status_code == 200
    assert (
        "Vous ne pouvez pas publier la traduction « English » de « Rédiger les statuts »."
        in markup.text(response.content)
    )
