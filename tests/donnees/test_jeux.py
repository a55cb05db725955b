"""The open datasets: their files as a spreadsheet and a program read them, their data package
as the Frictionless library validates it, their addresses, their page, and what never gets in."""

import csv
import io
import json
from datetime import date

import frictionless
import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from donnees import publication, tasks
from donnees.jeux import JEUX
from donnees.management.commands.valider_donnees import valider
from evenements.models import Inscription
from evenements.services import get_or_create_agenda
from fiches.models import PieceJointe
from fiches.services import get_or_create_fiche_index
from tests import markup
from tests.factories import (
    VISIO,
    AtelierPageFactory,
    FichePageFactory,
    GuidePageFactory,
    ModelePageFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
    domaine,
    in_days,
    paris,
    public,
)

pytestmark = pytest.mark.django_db

SECRET = "Zorglubium"
SIRET = "73282932000074"
FICHIERS = [f"{jeu.name}.{extension}" for jeu in JEUX for extension in ("csv", "json")]


@pytest.fixture(scope="module")
def contenus(module_transaction):
    """A live page of each type, and what must never be published, each marked ``SECRET``:
    drafts, a fiche in moderation, changes waiting in moderation, a private page, a
    registration, a member's e-mail, an attachment's name, a structure's numbers."""
    with module_transaction.unblock():
        home, index = build_site_tree()
        fiches, agenda = get_or_create_fiche_index(home), get_or_create_agenda(home)
        membre = UserFactory(email=f"{SECRET.lower()}.membre@asso.example")
        structure = StructureFactory(
            nom="Asso du Quartier",
            departement="69",
            site_web="https://asso-quartier.example",
            siret=SIRET,
            rna="W691234567",
            membres=[membre],
        )
        guide = GuidePageFactory(
            parent=index,
            title="Rédiger ses statuts",
            domaines=[domaine("juridique-statuts"), domaine("gouvernance-vie-associative")],
            publics=[public("dirigeants-benevoles")],
            age_hours=5,
        )
        guide.title = f"Titre en brouillon {SECRET}"
        guide.save_revision()
        modele = ModelePageFactory(parent=index, title="Budget prévisionnel", age_hours=3)
        fiche = FichePageFactory(parent=fiches, structure=structure, title="Recruter", age_hours=1)
        fiche.chapo = f"Changement en modération {SECRET}"
        fiche.save_revision()
        PieceJointe.objects.create(
            fiche=fiche,
            fichier=ContentFile(b"%PDF-1.4", name="piece.pdf"),
            nom=f"{SECRET}-budget.pdf",
            type_mime="application/pdf",
            taille=8,
            publiee=True,
        )
        FichePageFactory(parent=fiches, title=f"Fiche en modération {SECRET}", live=False)
        GuidePageFactory(parent=index, title=f"Brouillon {SECRET}", live=False)
        prive = GuidePageFactory(parent=index, title=f"Réservé {SECRET}")
        PageViewRestriction.objects.create(page=prive, restriction_type="login")
        atelier = AtelierPageFactory(
            parent=agenda,
            title="Atelier recrutement",
            format="presentiel",
            debut=paris(date(2027, 1, 14), 18),
            capacite=12,
        )
        Inscription.objects.create(
            atelier=atelier,
            statut=Inscription.Statut.CONFIRMEE,
            nom=f"Camille {SECRET}",
            email=f"{SECRET.lower()}@asso.example",
        )
        AtelierPageFactory(parent=agenda, title="Atelier passé", debut=in_days(-30))
        AtelierPageFactory(parent=agenda, title=f"Atelier {SECRET}", brouillon=True)
        return {
            "index": index,
            "fiches": fiches,
            "agenda": agenda,
            "guide": guide,
            "modele": modele,
            "fiche": fiche,
            "atelier": atelier,
            "structure": structure,
        }


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Each test starts with no generation written."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def lire(media, nom):
    manifeste = publication.lire_manifeste()
    return (media / manifeste["dossier"] / nom).read_bytes()


def csv_rows(content):
    assert content.startswith("\ufeff".encode())
    text = content.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_the_data_package_is_valid_for_frictionless(contenus, media):
    publication.publier()
    package = json.loads(lire(media, "datapackage.json"))

    report = valider(str(media / publication.lire_manifeste()["dossier"] / "datapackage.json"))

    print(report.to_summary())
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # every dataset's two files, and « Le réseau en chiffres » (served by its own view)
    assert report.stats["tasks"] == len(FICHIERS) + 1
    assert [resource["path"] for resource in package["resources"]] == [*FICHIERS, "chiffres.csv"]
    assert package["licenses"] == [
        {
            "name": "etalab-2.0",
            "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            "title": "Licence Ouverte / Open Licence version 2.0",
        }
    ]
    assert package["homepage"] == "http://testserver/fr/donnees-ouvertes/"
    ressources_csv = package["resources"][0]
    assert ressources_csv["dialect"] == {"delimiter": ";"}
    assert ressources_csv["encoding"] == "utf-8-sig"
    assert ressources_csv["schema"]["primaryKey"] == ["id"]
    assert ressources_csv["schema"]["missingValues"] == [""]
    assert all(field.get("title") for field in ressources_csv["schema"]["fields"])


def test_the_files_hold_the_public_content_as_a_spreadsheet_and_a_program_read_it(contenus, media):
    publication.publier()

    ressources = csv_rows(lire(media, "ressources.csv"))
    assert [(row["type"], row["titre"]) for row in ressources] == [
        ("guide", "Rédiger ses statuts"),
        ("modele", "Budget prévisionnel"),
    ]
    guide, modele = ressources
    assert guide["domaines"] == "juridique-statuts,gouvernance-vie-associative"
    assert guide["publics"] == "dirigeants-benevoles"
    assert guide["url"] == "http://localhost/fr/ressources/" + contenus["guide"].slug + "/"
    assert guide["publie_le"].startswith(
        timezone.localtime(contenus["guide"].first_published_at).date().isoformat()
    )
    assert (modele["formats"], modele["version_du"], modele["licence"]) == (
        "odt",
        "2025-03-12",
        "CC BY-SA 4.0",
    )
    ateliers = {row["titre"]: row for row in json.loads(lire(media, "ateliers.json"))}
    assert set(ateliers) == {"Atelier recrutement", "Atelier passé"}
    atelier = ateliers["Atelier recrutement"]
    assert atelier["debut"] == "2027-01-14T18:00:00+01:00"  # Paris time, with its offset
    assert (atelier["places"], atelier["annule"], atelier["format"]) == (12, False, "presentiel")
    assert atelier["domaines"] == ["ressources-humaines"]
    [fiche] = json.loads(lire(media, "fiches.json"))
    assert (fiche["structure"], fiche["structure_id"], fiche["departement"]) == (
        "Asso du Quartier",
        contenus["structure"].slug,
        "69",
    )
    structures = {row["nom"]: row for row in csv_rows(lire(media, "structures.csv"))}
    assert structures["Asso du Quartier"]["verifiee"] == "non"
    assert structures["Asso du Quartier"]["site_web"] == "https://asso-quartier.example"


def test_nothing_unpublished_private_or_personal_is_in_any_file(contenus, media):
    publication.publier()

    for nom in [*FICHIERS, "datapackage.json"]:
        text = lire(media, nom).decode("utf-8-sig")
        for secret in (SECRET, SECRET.lower(), SIRET, "W691234567", VISIO, "piece.pdf"):
            assert secret not in text, (nom, secret)


def test_files_are_served_at_stable_addresses_with_validators(contenus, client):
    # the first request ever writes them (the tests' task backend runs tasks at once)
    response = client.get("/donnees/ressources.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert b"".join(response.streaming_content).startswith("\ufeffid;type;titre".encode())
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get("/donnees/ressources.csv", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/donnees/ateliers.json", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    package = client.get("/donnees/datapackage.json")
    assert package["Content-Type"] == "application/json"
    assert json.loads(b"".join(package.streaming_content))["resources"][0]["path"] == (
        "ressources.csv"
    )
    assert client.get("/donnees/inconnu.csv").status_code == 404
    refused = client.get("/donnees/ressources.csv", {"format": "xlsx"})
    assert refused.status_code == 400
    assert "ne prend aucun paramètre" in refused.text


def test_before_the_worker_ran_the_address_says_when_to_come_back(contenus, client):
    cache.add(tasks.PREMIERE, True)  # asked already, and the worker has not run yet

    response = client.get("/donnees/fiches.json")

    assert response.status_code == 404
    assert response["Retry-After"] == "60"
    assert "en cours de préparation" in response.text


def test_the_page_lists_every_dataset_with_its_licence_and_date(contenus, client):
    publication.publier()

    response = client.get("/fr/donnees-ouvertes/")

    assert response.status_code == 200
    page = markup.soup(response.text)
    assert [h2.get_text() for h2 in page.select("main h2")] == [
        "Catalogue des ressources",
        "Fiches pratiques",
        "Ateliers",
        "Structures",
        # the other open-data offers' sections (DONNEES_SECTIONS)
        "L'API publique",
        "Le réseau en chiffres",
        "La bourse d’entraide en chiffres",
        "Sur votre site : ateliers et ressources",
        "Le flux RSS d'une sélection",
    ]
    links = markup.links(response.content)
    assert {f"/donnees/{nom}" for nom in [*FICHIERS, "datapackage.json"]} <= set(links)
    text = markup.text(response.content)
    assert "Licence Ouverte / Open Licence version 2.0" in text
    assert "2 lignes" in text and "1 ligne" in text
    # in Paris time, with its offset
    assert page.select_one("main time")["datetime"][-6:] in ("+01:00", "+02:00")
    footer = markup.soup(client.get("/fr/").text).select_one("footer")
    assert "/fr/donnees-ouvertes/" in [a["href"] for a in footer.select("a")]
    assert client.get("/fr/donnees-ouvertes/", {"x": "1"}).status_code == 400
    blocks = [json.loads(script.string) for script in page.select("script[type*=ld]")]
    [catalogue] = [data for data in blocks if data["@type"] == "DataCatalog"]
    assert [dataset["name"] for dataset in catalogue["dataset"]][0] == "Catalogue des ressources"
    distribution = catalogue["dataset"][0]["distribution"]
    assert distribution[0]["contentUrl"] == "http://testserver/donnees/ressources.csv"
    assert catalogue["license"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def test_a_publication_asks_for_one_regeneration_for_the_next_minutes(
    contenus, settings, django_capture_on_commit_callbacks
):
    settings.DONNEES_PUBLICATION_AUTOMATIQUE = True
    with django_capture_on_commit_callbacks(execute=True):
        GuidePageFactory(parent=contenus["index"], title="Nouveau guide").save_revision().publish()
    first = publication.lire_manifeste()
    with django_capture_on_commit_callbacks(execute=True):
        GuidePageFactory(parent=contenus["index"], title="Autre guide").save_revision().publish()

    assert publication.lire_manifeste() == first  # within the window: joined the planned one
    assert first["fichiers"]["ressources.csv"]["rows"] == 3


def test_generation_runs_the_same_queries_for_few_and_many_items(contenus):
    def queries():
        cache.clear()  # the figures of « Le réseau en chiffres » are kept a few minutes
        with CaptureQueriesContext(connection) as captured:
            publication.publier()
        return len(captured)

    few = queries()
    for n in range(3):
        GuidePageFactory(parent=contenus["index"], publics=[public("benevoles")])
        ModelePageFactory(parent=contenus["index"])
        FichePageFactory(parent=contenus["fiches"])
        AtelierPageFactory(parent=contenus["agenda"], debut=in_days(n + 1))

    assert queries() == few


def test_the_commands_write_and_validate_the_package(contenus, media):
    out = io.StringIO()
    for _ in range(3):
        call_command("publier_donnees", stdout=out)
    call_command("valider_donnees", stdout=out)

    # the current generation and the previous one (a download may still be reading it)
    assert len([path for path in (media / "donnees").iterdir() if path.is_dir()]) == 2

    assert "ligne(s) publiée(s)" in out.getvalue()
    assert "Paquet valide." in out.getvalue()
    assert frictionless.__version__ >= "5.18"
