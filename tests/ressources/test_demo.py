"""manage.py load_demo: a demo site that can be loaded again without duplicating anything."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from ressources.models import GuidePage, HomePage, ModelePage, RessourceDocument, RessourcePage
from tests import markup

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", stdout=StringIO())


def inventory():
    return {
        "pages": Page.objects.count(),
        "guides": GuidePage.objects.count(),
        "modeles": ModelePage.objects.count(),
        "documents": RessourceDocument.objects.count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(module_transaction):
    with module_transaction.unblock():
        load_demo()
        return inventory()


def test_load_demo_twice_creates_nothing_more(demo):
    load_demo()

    assert inventory() == demo


def test_demo_has_enough_guides_and_modeles_in_french(demo):
    assert GuidePage.objects.live().filter(locale__language_code="fr").count() >= 12
    assert ModelePage.objects.live().filter(locale__language_code="fr").count() >= 10


def test_demo_modeles_have_downloadable_files(demo):
    for modele in ModelePage.objects.live().filter(locale__language_code="fr"):
        fichiers = list(modele.fichiers.select_related("document"))
        assert fichiers, modele.title
        for fichier in fichiers:
            assert fichier.document.file.storage.exists(fichier.document.file.name)
            assert fichier.document.file_size


def test_demo_has_english_home_and_guides(demo):
    assert HomePage.objects.live().filter(locale__language_code="en").exists()
    assert GuidePage.objects.live().filter(locale__language_code="en").count() >= 3


def test_demo_home_is_the_root_of_the_default_site(client, demo):
    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "fr"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


def test_demo_site_shows_its_ressources(client, demo):
    french = client.get("/fr/ressources/")
    english = client.get("/en/ressources/")

    assert french.status_code == english.status_code == 200
    total = RessourcePage.objects.live().filter(locale__language_code="fr").count()
    in_french = {"locale__language_code": "fr"}
    guides_and_modeles = GuidePage.objects.live().filter(**in_french).count()
    guides_and_modeles += ModelePage.objects.live().filter(**in_french).count()
    assert total > guides_and_modeles > 0  # the demo fiches are ressources too
    assert markup.result_count(french.content).startswith(f"{total} ressources")
    assert len(markup.card_titles(english.content)) >= 3


def test_every_demo_page_renders(client, demo):
    failures = []
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        if response.status_code != 200:
            failures.append((page.url, response.status_code))

    assert failures == []


def test_demo_files_can_be_downloaded(client, demo):
    modele = ModelePage.objects.live().filter(locale__language_code="fr").first()
    document = modele.fichiers.first().document

    response = client.get(f"/fr/telecharger/{document.pk}/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert markup.content(response)
