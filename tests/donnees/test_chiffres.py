"""« Le réseau en chiffres »: the page a funder reads (charts and their tables), the same
figures as a dataset, and what they never tell."""

import csv
import datetime
import io

import frictionless
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import PageViewRestriction

from donnees import chiffres_jeu
from donnees.chiffres import calculer
from evenements.models import Inscription
from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from inventaire.models import RechercheDuJour, TelechargementDuJour
from tests import markup
from tests.factories import (
    AtelierPageFactory,
    FichePageFactory,
    GuidePageFactory,
    ModelePageFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
    domaine,
    in_days,
    locale,
    translate,
)
from tests.fiches.helpers import contributor, draft, submit

pytestmark = pytest.mark.django_db

SECRET = "Zorglubium"
INSCRIT = f"camille.{SECRET.lower()}@exemple.org"
PAGE, CSV, JSON = "/fr/chiffres/", "/donnees/chiffres.csv", "/donnees/chiffres.json"


def inscrire(atelier, confirmees, attente=0, nom="Dominique"):
    for numero in range(confirmees + attente):
        Inscription.objects.create(
            atelier=atelier,
            statut="confirmee" if numero < confirmees else "attente",
            nom=f"{nom} {numero}",
            email=f"{numero}.{atelier.slug}.{nom.lower()}@exemple.org",
        )


def trimestre(moment):
    jour = timezone.localtime(moment).date()
    return f"{jour.year}-T{(jour.month - 1) // 3 + 1}"


def ce_qui_est_cache(contenu):
    """What must never count nor show: a draft, a fiche in moderation, private pages, a
    cancelled workshop and a draft one, registrations (names, e-mails, the waitlist)."""
    GuidePageFactory(
        parent=contenu["index"], title=f"Brouillon {SECRET}", live=False,
        domaines=[domaine("numerique")],
    )  # fmt: skip
    auteur = contributor()
    corse = StructureFactory(nom=f"Asso {SECRET}", departement="2A", membres=[auteur])
    submit(draft(corse, auteur, title=f"Fiche {SECRET}"), auteur)
    privee = FichePageFactory(
        parent=contenu["fiches"], title=f"Réservée {SECRET}",
        structure=StructureFactory(departement="2B"),
    )  # fmt: skip
    PageViewRestriction.objects.create(page=privee, restriction_type="login")
    agenda = contenu["agenda"]
    for atelier in [
        AtelierPageFactory(parent=agenda, title=f"Annulé {SECRET}", debut=in_days(-9), annule=True),
        AtelierPageFactory(
            parent=agenda, title=f"Projet {SECRET}", debut=in_days(-9), brouillon=True
        ),
        AtelierPageFactory(parent=agenda, title=f"À venir {SECRET}", debut=in_days(10)),
    ]:
        inscrire(atelier, 6, nom=SECRET)
    prive = AtelierPageFactory(parent=agenda, title=f"Interne {SECRET}", debut=in_days(-9))
    PageViewRestriction.objects.create(page=prive, restriction_type="login")
    inscrire(prive, 7, nom=SECRET)


@pytest.fixture(scope="module")
def contenu(module_transaction):
    """Guides (one translated), a modèle, 12 fiches from 11 structures (Paris 6, Rhône 2,
    Bouches-du-Rhône 3), two workshops held (3 and 6 participants), searches and two
    downloads this month; and everything ``ce_qui_est_cache`` adds."""
    with module_transaction.unblock():
        home, index = build_site_tree()
        contenu = {
            "index": index,
            "fiches": get_or_create_fiche_index(home),
            "agenda": get_or_create_agenda(home),
        }
        statuts = GuidePageFactory(
            parent=index,
            domaines=[domaine("juridique-statuts"), domaine("gouvernance-vie-associative")],
        )
        GuidePageFactory(parent=index, domaines=[domaine("juridique-statuts")])
        modele = ModelePageFactory(parent=index, domaines=[domaine("ressources-humaines")])
        translate(home)
        translate(index)
        translate(statuts, title="Writing bylaws")
        structures = [
            StructureFactory(departement=code)
            for code, nombre in {"75": 6, "69": 2, "13": 3}.items()
            for _ in range(nombre)
        ]
        for structure in [*structures, structures[0]]:
            FichePageFactory(parent=contenu["fiches"], structure=structure)
        contenu["recent"] = AtelierPageFactory(parent=contenu["agenda"], debut=in_days(-2))
        contenu["ancien"] = AtelierPageFactory(parent=contenu["agenda"], debut=in_days(-200))
        inscrire(contenu["recent"], 3, attente=2, nom=f"Camille {SECRET}")
        inscrire(contenu["ancien"], 6)
        today = timezone.localdate()
        for requete, nombre, jour in [
            ("statuts", 1234, today),
            (SECRET.lower(), 1, today),
            ("paie", 50, today - datetime.timedelta(days=400)),
        ]:
            RechercheDuJour.objects.create(
                jour=jour, locale=locale("fr"), requete=requete, nombre=nombre
            )
        document = modele.fichiers.get().document
        Client().get(document.url)
        Client().get(document.url)
        ce_qui_est_cache(contenu)
        return contenu


def records(client):
    response = client.get(JSON)
    assert response.status_code == 200
    return {
        (row["indicateur"], row["categorie"], row["serie"]): (row["valeur"], row["masque"])
        for row in response.json()["data"]
    }


def test_the_figures_count_live_public_pages_once_and_hide_small_counts(client, contenu):
    data = records(client)
    mois = timezone.localdate().strftime("%Y-%m")

    assert data[("ressources-par-domaine", "juridique-statuts", "guide")] == (2, "")
    assert data[("ressources-par-domaine", "gouvernance-vie-associative", "total")] == (1, "")
    assert data[("ressources-par-domaine", "ressources-humaines", "fiche")] == (12, "")
    assert data[("ressources-par-domaine", "numerique", "total")] == (0, "")
    assert data[("ressources-par-domaine", "total", "total")] == (15, "")
    # structures with a published fiche: Paris shown, the two small départements hidden, and
    # the total left as it is: 11 − 6 = 5 may be 1 + 4, 2 + 3, 3 + 2 or 4 + 1
    assert data[("structures-par-departement", "75", "structures")] == (6, "")
    assert data[("structures-par-departement", "69", "structures")] == (None, "moins-de-seuil")
    assert data[("structures-par-departement", "13", "structures")] == (None, "moins-de-seuil")
    assert data[("structures-par-departement", "total", "structures")] == (11, "")
    assert not [key for key in data if key[1] in ("2A", "2B")]
    # 3 participants hidden; the 6 of the other quarter too, or the total would give the 3
    recent, ancien = trimestre(contenu["recent"].debut), trimestre(contenu["ancien"].debut)
    assert data[("ateliers-par-trimestre", recent, "ateliers")] == (1, "")
    assert data[("ateliers-par-trimestre", recent, "participants")] == (None, "moins-de-seuil")
    assert data[("ateliers-par-trimestre", ancien, "participants")] == (None, "secret-secondaire")
    assert data[("ateliers-par-trimestre", "total", "participants")] == (9, "")
    assert data[("ateliers-par-trimestre", "total", "ateliers")] == (2, "")
    assert data[("recherches-par-mois", mois, "recherches")] == (1235, "")
    assert data[("recherches-par-mois", "total", "recherches")] == (1235, "")
    # downloads are tallied from today: the months before were not counted
    assert data[("telechargements-par-mois", mois, "telechargements")] == (2, "")
    rows = [key for key in data if key[0] == "telechargements-par-mois" and key[1] != "total"]
    assert [data[key] for key in rows[:-1]] == [(None, "non-compte")] * 11


def test_nothing_hidden_or_personal_ever_shows(client, contenu):
    for url in [PAGE, "/en/chiffres/", CSV, JSON]:
        response = client.get(url)
        text = response.content
        assert response.status_code == 200, url
        for secret in (SECRET.encode(), SECRET.lower().encode(), INSCRIT.encode(), b"Corse"):
            assert secret not in text, (url, secret)


def cellules(section, ligne):
    """The texts of a table row (its header first), spaces as they are."""
    for row in section.select("table tr"):
        header = row.find("th")
        if header is not None and header.get_text(strip=True) == ligne:
            return [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
    raise AssertionError(ligne)


def test_the_page_draws_each_figure_with_its_summary_and_its_table(client, contenu):
    page = markup.soup(client.get(PAGE).text)

    sections = page.select("main section")
    assert [section.h2.get_text() for section in sections] == [
        "Ressources et fiches pratiques par domaine",
        "Structures contributrices par département",
        "Téléchargements par mois",
        "Recherches par mois",
        "Ateliers tenus et participants par trimestre",
        "Bourse d'entraide : annonces par domaine",
        "Bourse d'entraide : annonces par département",
        "Bourse d'entraide : les demandes et leurs suites",
        "Bourse d'entraide : l'aide échangée",
    ]
    for section in sections:
        for svg in section.select("svg"):
            assert svg["role"] == "img" and svg["viewbox"].startswith("0 0 360 ")
            title = section.find(id=svg["aria-labelledby"])
            assert title.name == "title" and title.parent is svg and title.get_text()
            summary = section.find(id=svg["aria-describedby"])
            assert summary.name == "figcaption" and summary.get_text().strip()
        table = section.select_one("figure ~ div[role=region] table")
        assert table.caption.get_text().strip()
        assert {th["scope"] for th in table.select("thead th")} == {"col"}
        assert {th["scope"] for th in table.select("tbody th, tfoot th")} == {"row"}
    structures, recherches, ateliers = sections[1], sections[3], sections[4]
    assert cellules(structures, "69 – Rhône") == ["69 – Rhône", "moins de 5"]
    assert cellules(structures, "Tous les départements") == ["Tous les départements", "11"]
    assert "moins de 5" in structures.svg.get_text()
    assert len(structures.select("svg rect")) == 1  # a hidden count has no bar
    mois = date_format(timezone.localdate(), "YEAR_MONTH_FORMAT")
    assert cellules(recherches, mois) == [mois, "1\xa0235"]
    assert "1\xa0235" in recherches.figcaption.get_text()
    assert len(ateliers.select("svg")) == 2
    participants = [row.find_all("td")[1].get_text(strip=True) for row in ateliers.select("tr")[1:]]
    assert {"moins de 5", "masqué"} <= set(participants) and participants[-1] == "9"
    footer = page.select_one("footer")
    assert footer.find("a", href="/fr/chiffres/")


def test_numbers_and_months_follow_the_language(client, contenu):
    page = markup.soup(client.get("/en/chiffres/").text)

    with translation.override("en"):
        mois = date_format(timezone.localdate(), "YEAR_MONTH_FORMAT")
    recherches = page.select("main section")[3]
    assert cellules(recherches, mois) == [mois, "1,235"]


def test_the_dataset_is_a_french_csv_a_json_and_a_valid_table(client, contenu, tmp_path):
    response = client.get(CSV)
    content = response.content

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert content.startswith("\ufeff".encode()) and b"\r\n" in content
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert list(rows[0]) == chiffres_jeu.CHAMPS
    rhone = [row for row in rows if row["categorie"] == "69"]
    assert rhone == [
        {
            "indicateur": "structures-par-departement",
            "categorie": "69",
            "libelle": "69 – Rhône",
            "serie": "structures",
            "valeur": "",
            "masque": "moins-de-seuil",
        }
    ]
    as_json = client.get(JSON).json()
    assert as_json["seuil"] == 5 and len(as_json["data"]) == len(rows)
    assert as_json["schema"] == chiffres_jeu.table_schema()

    (tmp_path / "chiffres.csv").write_bytes(content)
    descriptor = chiffres_jeu.ressource_datapackage() | {"path": "chiffres.csv"}
    report = frictionless.Resource(descriptor, basepath=str(tmp_path)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_a_query_parameter_is_refused_with_a_message(client, contenu):
    for url in [PAGE, CSV, JSON]:
        response = client.get(url, {"annee": "2025"})
        assert response.status_code == 400
        assert "Cette adresse ne prend aucun paramètre (reçu : annee)" in response.text


def query_count(client):
    with CaptureQueriesContext(connection) as queries:
        calculer()
    return len(queries)


def test_the_figures_take_the_same_queries_for_more_pages(client, contenu):
    before = query_count(client)
    for _numero in range(3):
        GuidePageFactory(parent=contenu["index"], domaines=[domaine("numerique")])
        FichePageFactory(parent=contenu["fiches"], structure=StructureFactory(departement="33"))
    atelier = AtelierPageFactory(parent=contenu["agenda"], debut=in_days(-100))
    inscrire(atelier, 4)
    RechercheDuJour.objects.create(
        jour=timezone.localdate() - datetime.timedelta(days=40),
        locale=locale("en"),
        requete="bylaws",
        nombre=3,
    )

    assert query_count(client) == before
    assert records(client)[("ressources-par-domaine", "numerique", "guide")] == (3, "")


def test_the_figures_are_kept_a_few_minutes_but_a_publication_shows_at_once(client, contenu):
    client.get(PAGE)
    with CaptureQueriesContext(connection) as queries:
        client.get(PAGE)
    figures = ("search_recherchedujour", "evenements_inscription", "inventaire_telecharg")
    assert not [query for query in queries if any(table in query["sql"] for table in figures)]

    guide = GuidePageFactory(
        parent=contenu["index"], domaines=[domaine("communication")], live=False
    )
    guide.save_revision().publish()

    assert records(client)[("ressources-par-domaine", "communication", "guide")] == (1, "")


def test_only_the_publics_downloads_are_tallied(client, contenu):
    document = contenu["index"].get_children().type(ModelePageFactory._meta.model).first()
    document = document.specific.fichiers.get().document
    avant = TelechargementDuJour.objects.get(jour=timezone.localdate()).nombre
    equipe = Client()
    equipe.force_login(UserFactory(is_superuser=True))

    equipe.get(document.url)
    client.head(document.url)
    client.get(document.url)

    assert TelechargementDuJour.objects.get(jour=timezone.localdate()).nombre == avant + 1
