"""manage.py load_demo: a demo site built from the files of demo/data/, every file a page, that
can be loaded again without duplicating anything."""

from io import StringIO

import pytest
import yaml
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from bourse.models import Annonce, Conversation, Message
from demo.data_files import DATA
from evenements.models import AtelierPage
from fiches.models import FichePage
from inventaire import comptes
from inventaire.models import RetourLecteur, SignalementErreur
from ressources.models import (
    GuidePage,
    HomePage,
    ModelePage,
    RessourceDocument,
    RessourceIndexPage,
    RessourcePage,
)
from structures.models import Structure
from tests import markup

pytestmark = pytest.mark.django_db

# Each folder of demo/data/ and the page type its Markdown files become.
FOLDERS = {
    "guides": (GuidePage, "fr"),
    "modeles": (ModelePage, "fr"),
    "fiches": (FichePage, "fr"),
    "ateliers": (AtelierPage, "fr"),
    "en/guides": (GuidePage, "en"),
}


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
        "structures": Structure.objects.count(),
        "retours": RetourLecteur.objects.count(),
        "signalements": SignalementErreur.objects.count(),
        "annonces": Annonce.objects.count(),
        "conversations": Conversation.objects.count(),
        "messages": Message.objects.count(),
    }


def slugs_of_files(folder):
    """The slugs the files of a data folder give: their names without the "01-" order prefix."""
    return {path.stem.split("-", 1)[1] for path in (DATA / folder).glob("*.md")}


@pytest.fixture(scope="module")
def demo(module_transaction):
    with module_transaction.unblock():
        load_demo()
        return inventory()


def test_load_demo_twice_creates_nothing_more(demo):
    load_demo()

    assert inventory() == demo


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_data_file_is_a_live_page(demo, folder):
    model, language = FOLDERS[folder]
    pages = model.objects.live().filter(locale__language_code=language)

    assert set(pages.values_list("slug", flat=True)) == slugs_of_files(folder)
    assert pages.count() == len(list((DATA / folder).glob("*.md")))


def test_every_file_of_a_modele_is_a_document(demo):
    files = list((DATA / "fichiers").iterdir())

    assert RessourceDocument.objects.count() == len(files)
    for modele in ModelePage.objects.filter(locale__language_code="fr"):
        formats = {f.document.file_extension for f in modele.fichiers.select_related("document")}
        assert formats == {path.suffix[1:] for path in files if path.stem == modele.slug}


def test_every_structure_of_the_data_is_loaded(demo):
    structures = yaml.safe_load((DATA / "structures.yaml").read_text())
    structures += yaml.safe_load((DATA / "annonces.yaml").read_text())["structures"]

    assert set(Structure.objects.values_list("nom", flat=True)) == {s["nom"] for s in structures}


def test_the_bourse_has_running_annonces_across_departements_and_natures(demo, client):
    annonces = Annonce.objects.all()
    publiques = Annonce.objects.publiques()
    departements = set(publiques.values_list("departements__departement", flat=True))

    assert annonces.count() == 12
    assert sorted(annonces.exclude(etat="publiee").values_list("etat", flat=True)) == [
        "expiree",
        "pourvue",
    ]
    assert publiques.count() == 10
    assert len(departements - {None}) >= 8
    assert set(publiques.values_list("sens", flat=True)) == {"offre", "demande"}
    assert publiques.values("nature").distinct().count() == 5
    assert markup.result_count(client.get("/fr/bourse/").content) == "10 annonces"


def test_the_bourse_has_conversations_open_shared_and_closed_with_an_outcome(demo):
    conversations = Conversation.objects.select_related("annonce", "structure")
    departements = {c.structure.departement for c in conversations}
    departements |= {c.annonce.structure.departement for c in conversations}

    assert conversations.count() == 5 and len(departements) >= 5
    assert all(c.messages.exists() for c in conversations)
    assert sum(c.coordonnees_partagees for c in conversations) == 3
    assert conversations.filter(closed_at__isnull=True).count() == 2
    assert {(c.issue, bool(c.heures), bool(c.valeur)) for c in conversations.confirmees()} == {
        ("aide", True, False),
        ("aide", False, True),
    }


def test_translations_share_their_source_translation_key(demo):
    for model in (HomePage, RessourceIndexPage, GuidePage):
        for english in model.objects.filter(locale__language_code="en"):
            source = model.objects.get(
                locale__language_code="fr", translation_key=english.translation_key
            )
            assert source.slug == english.slug or model is HomePage  # homes are siblings
    english_guides = GuidePage.objects.filter(locale__language_code="en")
    assert set(english_guides.values_list("slug", flat=True)) == slugs_of_files("en/guides")


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


def test_every_demo_page_renders_in_french_and_in_english(client, demo):
    failures = []
    languages = set()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        languages.add(page.locale.language_code)
        if response.status_code != 200:
            failures.append((page.url, response.status_code))

    assert failures == []
    assert languages == {"fr", "en"}


def test_an_english_guide_shows_the_text_of_its_file(client, demo):
    guide = GuidePage.objects.get(locale__language_code="en", slug="creer-une-association-loi-1901")

    page = BeautifulSoup(client.get(guide.url).content, "html.parser")

    assert page.h1.get_text(strip=True) == guide.title
    assert "Bring the founders together and clarify the project" in page.get_text()


def test_demo_files_can_be_downloaded(client, demo):
    modele = ModelePage.objects.live().filter(locale__language_code="fr").first()
    document = modele.fichiers.first().document

    response = client.get(f"/fr/telecharger/{document.pk}/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert markup.content(response)


def test_demo_readers_feedback_fills_the_inventory_report(demo):
    rows = list(comptes.retours_par_page())

    assert [round(row.part_utile) for row in rows] == [30, 50, 70, 90]
    assert rows[0].signalements == 1 and rows[0].commentaires == 1
