"""The inventory in the admin: what people search, what they do not find, what they download
and what the network offers per domaine — for network staff only, filtered, exported as CSV,
in a number of SQL queries that does not grow with the rows."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import admin_menu
from wagtail.models import Locale

from fiches.models import PieceJointe
from fiches.services import get_or_create_fiche_index
from inventaire import comptes
from inventaire.models import RechercheDuJour
from ressources.models import ModeleFichier
from tests.factories import (
    DocumentFactory,
    FichePageFactory,
    GuidePageFactory,
    ModelePageFactory,
    UserFactory,
    build_site_tree,
    domaine,
    translate,
)

pytestmark = pytest.mark.django_db

RECHERCHES = reverse("inventaire:recherches")
SANS_RESULTAT = reverse("inventaire:sans_resultat")
TELECHARGEMENTS = reverse("inventaire:telechargements")
DOMAINES = reverse("inventaire:domaines")
RAPPORTS = [RECHERCHES, SANS_RESULTAT, TELECHARGEMENTS, DOMAINES]


def il_y_a(jours):
    return timezone.localdate() - timedelta(days=jours)


def personne_du_reseau():
    """An editor given the inventory permission (``inventaire.view_recherchedujour``)."""
    user = UserFactory(groups=["Éditeurs"])
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="inventaire", codename="view_recherchedujour"
        )
    )
    return user


@pytest.fixture
def equipe(client):
    client.force_login(personne_du_reseau())
    return client


def tape(requete, jours=0, langue="fr", nombre=1, sans_resultat=0, resultats=3):
    return RechercheDuJour.objects.create(
        jour=il_y_a(jours),
        locale=Locale.objects.get(language_code=langue),
        requete=requete,
        nombre=nombre,
        sans_resultat=sans_resultat,
        resultats=resultats,
    )


@pytest.fixture
def recherches(db):
    tape("statuts", nombre=5)
    tape("statuts", jours=10, nombre=3, sans_resultat=1, resultats=0)
    tape("recruter", jours=2, nombre=6)
    tape("benevoles assurance", nombre=4, sans_resultat=4, resultats=0)
    tape("bylaws", langue="en", nombre=2, sans_resultat=2, resultats=0)
    tape("subvention mairie", jours=40, nombre=10, sans_resultat=10, resultats=0)
    tape("subvention mairie", jours=45, nombre=1, sans_resultat=1, resultats=0)


def rows(response):
    return list(response.context["object_list"])


def requetes(response):
    return [(row["requete"], row["total"], row["total_sans_resultat"]) for row in rows(response)]


def csv_rows(response):
    """The cells of an export, read as a spreadsheet set up in French reads them."""
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content), delimiter=";"))


def jj_mm_aaaa(day):
    return day.strftime("%d/%m/%Y")


# Who sees the inventory


@pytest.mark.parametrize("url", RAPPORTS)
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("url", RAPPORTS)
def test_admin_users_without_the_inventory_permission_are_turned_away(client, recherches, url):
    client.force_login(UserFactory(groups=["Animateurs"]))

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(url + "?export=csv").status_code == 302


@pytest.mark.parametrize("url", RAPPORTS)
def test_contributors_without_admin_access_are_turned_away(client, url):
    client.force_login(UserFactory(groups=["Contributeurs"]))

    response = client.get(url)

    assert response.status_code == 302
    assert "statuts" not in response.content.decode()


def menu_names(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return [item.name for item in admin_menu.menu_items_for_request(request)]


def test_the_inventory_menu_appears_for_network_staff_only(db):
    assert "inventaire" in menu_names(personne_du_reseau())
    assert "inventaire" not in menu_names(UserFactory(groups=["Animateurs"]))


def test_a_superuser_sees_every_report(client, recherches):
    client.force_login(UserFactory(is_superuser=True))

    for url in RAPPORTS:
        assert client.get(url).status_code == 200


# Recherches les plus fréquentes


def test_most_frequent_searches_of_the_last_30_days_come_first(equipe, recherches):
    response = equipe.get(RECHERCHES)

    assert response.status_code == 200
    assert requetes(response) == [
        ("statuts", 8, 1),
        ("recruter", 6, 0),
        ("benevoles assurance", 4, 4),
        ("bylaws", 2, 2),
    ]
    page = response.content.decode()
    assert "Recherches les plus fréquentes" in page
    assert "benevoles assurance" in page
    assert "subvention mairie" not in page  # typed 40 and 45 days ago
    assert "4 recherches" in page


def test_searches_can_be_narrowed_to_one_language(equipe, recherches):
    english = equipe.get(RECHERCHES, {"langue": "en"})
    french = equipe.get(RECHERCHES, {"langue": "fr"})

    assert requetes(english) == [("bylaws", 2, 2)]
    assert "bylaws" not in [requete for requete, _, _ in requetes(french)]


def test_searches_of_a_chosen_period(equipe, recherches):
    response = equipe.get(
        RECHERCHES, {"periode_from": il_y_a(50).isoformat(), "periode_to": il_y_a(30).isoformat()}
    )

    assert requetes(response) == [("subvention mairie", 11, 11)]


def test_a_period_typed_backwards_is_put_back_in_order(equipe, recherches):
    response = equipe.get(
        RECHERCHES, {"periode_from": il_y_a(30).isoformat(), "periode_to": il_y_a(50).isoformat()}
    )

    assert requetes(response) == [("subvention mairie", 11, 11)]


def test_only_a_start_date_counts_until_today(equipe, recherches):
    response = equipe.get(RECHERCHES, {"periode_from": il_y_a(41).isoformat()})

    assert [requete for requete, _, _ in requetes(response)][0] == "subvention mairie"
    assert ("subvention mairie", 10, 10) in requetes(response)


def test_an_invalid_date_falls_back_to_the_last_30_days(equipe, recherches):
    response = equipe.get(RECHERCHES, {"periode_from": "hier", "periode_to": "demain"})

    assert response.status_code == 200
    assert requetes(response)[0] == ("statuts", 8, 1)


def test_the_default_period_is_shown_in_the_filter_form(equipe, recherches):
    response = equipe.get(RECHERCHES)

    debut, fin = comptes.periode_par_defaut()
    assert fin - debut == timedelta(days=29)
    page = response.content.decode()
    assert f'value="{debut.isoformat()}"' in page
    assert f'value="{fin.isoformat()}"' in page


def test_searches_sort_by_a_column_when_asked(equipe, recherches):
    response = equipe.get(RECHERCHES, {"ordering": "requete"})

    assert [requete for requete, _, _ in requetes(response)] == [
        "benevoles assurance",
        "bylaws",
        "recruter",
        "statuts",
    ]


def test_each_query_links_to_the_public_results_in_its_language(equipe, recherches):
    page = equipe.get(RECHERCHES).content.decode()

    assert 'href="/fr/recherche/?q=benevoles+assurance"' in page
    assert 'href="/en/recherche/?q=bylaws"' in page


def test_searches_export_as_csv_with_the_period_in_the_file_name(equipe, recherches):
    response = equipe.get(RECHERCHES, {"export": "csv", "langue": "fr"})

    debut, fin = comptes.periode_par_defaut()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="inventaire-recherches-{debut}-{fin}.csv"'
    )
    assert csv_rows(response) == [
        ["Recherche", "Langue", "Recherches", "Sans résultat", "Dernière recherche"],
        ["statuts", "fr", "8", "1", jj_mm_aaaa(il_y_a(0))],
        ["recruter", "fr", "6", "0", jj_mm_aaaa(il_y_a(2))],
        ["benevoles assurance", "fr", "4", "4", jj_mm_aaaa(il_y_a(0))],
    ]


def test_searches_export_as_xlsx_too(equipe, recherches):
    response = equipe.get(RECHERCHES, {"export": "xlsx", "langue": "fr"})

    debut, fin = comptes.periode_par_defaut()
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="inventaire-recherches-{debut}-{fin}.xlsx"'
    )
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == ["Recherche", "Langue", "Recherches", "Sans résultat", "Dernière recherche"]
    assert cells[1:] == [  # numbers and dates as cells a spreadsheet computes with
        ["statuts", "fr", 8, 1, il_y_a(0)],
        ["recruter", "fr", 6, 0, il_y_a(2)],
        ["benevoles assurance", "fr", 4, 4, il_y_a(0)],
    ]


# Recherches sans résultat


def test_searches_without_results_most_often_disappointed_first(equipe, recherches):
    response = equipe.get(SANS_RESULTAT)

    assert requetes(response) == [
        ("benevoles assurance", 4, 4),
        ("bylaws", 2, 2),
        ("statuts", 8, 1),
    ]
    assert "recruter" not in response.content.decode()


def test_searches_without_results_show_what_the_query_finds_now(equipe, recherches):
    response = equipe.get(SANS_RESULTAT)

    found_now = {row["requete"]: row["resultats_aujourdhui"] for row in rows(response)}
    assert found_now == {"benevoles assurance": 0, "bylaws": 0, "statuts": 3}


def test_searches_without_results_filter_on_period_and_language(equipe, recherches):
    older = equipe.get(
        SANS_RESULTAT,
        {"periode_from": il_y_a(42).isoformat(), "periode_to": il_y_a(1).isoformat()},
    )
    english = equipe.get(SANS_RESULTAT, {"langue": "en"})

    assert requetes(older) == [("subvention mairie", 10, 10), ("statuts", 3, 1)]
    assert requetes(english) == [("bylaws", 2, 2)]


def test_searches_without_results_export_as_csv(equipe, recherches):
    response = equipe.get(SANS_RESULTAT, {"export": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = csv_rows(response)
    assert lines[0] == [
        "Recherche",
        "Langue",
        "Sans résultat",
        "Recherches",
        "Dernière recherche",
        "Résultats (dernière recherche)",
    ]
    assert [line[:4] for line in lines[1:]] == [
        ["benevoles assurance", "fr", "4", "4"],
        ["bylaws", "en", "2", "2"],
        ["statuts", "fr", "1", "8"],
    ]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("url", [RECHERCHES, SANS_RESULTAT])
def test_search_reports_run_as_many_queries_for_30_rows_as_for_3(
    equipe, django_assert_num_queries, url
):
    for n in range(3):
        tape(f"recherche {n}", nombre=n + 1, sans_resultat=1)
    equipe.get(url)  # caches warmed
    queries = count_queries(equipe, url)
    for n in range(3, 30):
        tape(f"recherche {n}", nombre=n + 1, sans_resultat=1)

    with django_assert_num_queries(queries):
        response = equipe.get(url)

    assert len(rows(response)) == 30


# Téléchargements par modèle et par fiche


def document(downloads):
    created = DocumentFactory()
    type(created).objects.filter(pk=created.pk).update(download_count=downloads)
    return created


def modele(index, title, *counts, **kwargs):
    fichiers = [ModeleFichier(document=document(count)) for count in counts]
    return ModelePageFactory(parent=index, title=title, fichiers=fichiers, **kwargs)


def fiche(fiches, title, *counts, **kwargs):
    page = FichePageFactory(parent=fiches, title=title, **kwargs)
    for count in counts:
        PieceJointe.objects.create(
            fiche=page,
            fichier="fiches/exemple.pdf",
            nom="exemple.pdf",
            type_mime="application/pdf",
            taille=100,
            publiee=True,
            download_count=count,
        )
    return page


@pytest.fixture
def catalogue(db):
    home, index = build_site_tree()
    fiches = get_or_create_fiche_index(home)
    pages = {
        "statuts": modele(index, "Modèle de statuts", 5, 7),
        "budget": modele(index, "Budget prévisionnel", 3),
        "brouillon": modele(index, "Modèle en brouillon", 50, live=False),
        "paie": fiche(fiches, "Notre première paie", 9),
        "ag": fiche(fiches, "Notre AG en visio"),
        "guide": GuidePageFactory(parent=index, title="Guide des statuts"),
    }
    translate(home)
    translate(index)
    pages["bylaws"] = translate(pages["statuts"], title="Articles of association template")
    ModeleFichier.objects.filter(modele=pages["bylaws"]).delete()
    ModeleFichier.objects.create(modele=pages["bylaws"], document=document(2))
    return pages


def telechargements(response):
    return [(page.title, page.type, page.langue, page.telechargements) for page in rows(response)]


def test_downloads_per_live_template_and_fiche_most_downloaded_first(equipe, catalogue):
    response = equipe.get(TELECHARGEMENTS)

    assert response.status_code == 200
    assert telechargements(response) == [
        ("Modèle de statuts", "modèle", "fr", 12),
        ("Notre première paie", "fiche pratique", "fr", 9),
        ("Budget prévisionnel", "modèle", "fr", 3),
        ("Articles of association template", "modèle", "en", 2),
        ("Notre AG en visio", "fiche pratique", "fr", 0),
    ]
    page = response.content.decode()
    assert "Modèle en brouillon" not in page
    assert "Guide des statuts" not in page


def test_a_file_shared_by_a_template_and_its_translation_counts_for_both(equipe, catalogue):
    """Downloads are counted per document, not per language of the page linking to it."""
    shared = catalogue["statuts"].fichiers.first().document
    ModeleFichier.objects.filter(modele=catalogue["bylaws"]).update(document=shared)

    response = equipe.get(TELECHARGEMENTS, {"langue": "en"})

    assert telechargements(response) == [("Articles of association template", "modèle", "en", 5)]


def test_each_downloaded_page_links_to_its_edit_form(equipe, catalogue):
    page = equipe.get(TELECHARGEMENTS).content.decode()

    assert f'href="{reverse("wagtailadmin_pages:edit", args=[catalogue["statuts"].pk])}"' in page
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[catalogue["paie"].pk])}"' in page


def test_downloads_filter_on_type_and_language(equipe, catalogue):
    fiches = equipe.get(TELECHARGEMENTS, {"type": "fiche"})
    english = equipe.get(TELECHARGEMENTS, {"langue": "en"})
    french_templates = equipe.get(TELECHARGEMENTS, {"langue": "fr", "type": "modele"})

    assert [title for title, *_ in telechargements(fiches)] == [
        "Notre première paie",
        "Notre AG en visio",
    ]
    assert [title for title, *_ in telechargements(english)] == ["Articles of association template"]
    assert [title for title, *_ in telechargements(french_templates)] == [
        "Modèle de statuts",
        "Budget prévisionnel",
    ]


def test_downloads_export_as_csv_with_edit_links(equipe, catalogue):
    response = equipe.get(TELECHARGEMENTS, {"export": "csv", "langue": "fr"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="inventaire-telechargements.csv"' in response["Content-Disposition"]
    edit = "http://testserver" + reverse("wagtailadmin_pages:edit", args=[catalogue["statuts"].pk])
    assert csv_rows(response)[:2] == [
        ["Titre", "Type", "Langue", "Téléchargements", "Modifier"],
        ["Modèle de statuts", "modèle", "fr", "12", edit],
    ]


def test_downloads_report_runs_as_many_queries_for_30_pages_as_for_3(
    equipe, django_assert_num_queries
):
    home, index = build_site_tree()
    fiches = get_or_create_fiche_index(home)
    modele(index, "Modèle 0", 1, 2)
    fiche(fiches, "Fiche 0", 4)
    fiche(fiches, "Fiche 1")
    equipe.get(TELECHARGEMENTS)  # caches warmed
    queries = count_queries(equipe, TELECHARGEMENTS)
    for n in range(1, 14):
        modele(index, f"Modèle {n}", n, 1)
    for n in range(2, 16):
        fiche(fiches, f"Fiche {n}", n)

    with django_assert_num_queries(queries):
        response = equipe.get(TELECHARGEMENTS)

    assert len(rows(response)) == 30


# Ressources et fiches par domaine


@pytest.fixture
def par_domaine(db):
    home, index = build_site_tree()
    fiches = get_or_create_fiche_index(home)
    juridique = [domaine("juridique-statuts")]
    statuts = GuidePageFactory(parent=index, domaines=juridique)
    GuidePageFactory(parent=index, domaines=[domaine("juridique-statuts"), domaine("numerique")])
    GuidePageFactory(parent=index, domaines=juridique, live=False)
    ModelePageFactory(parent=index, domaines=juridique)
    FichePageFactory(parent=fiches, domaines=[domaine("ressources-humaines")])
    FichePageFactory(parent=fiches, domaines=[domaine("ressources-humaines")], live=False)
    translate(home)
    translate(index)
    translate(statuts)  # still points at the French domaine: counts for its English twin


def compte(response, nom, langue="fr"):
    [row] = [row for row in rows(response) if (row.nom, row.langue) == (nom, langue)]
    return row.guide, row.modele, row.fiche, row.total


def test_live_guides_templates_and_fiches_counted_per_domaine_and_language(equipe, par_domaine):
    response = equipe.get(DOMAINES)

    assert response.status_code == 200
    assert compte(response, "Juridique et statuts") == (2, 1, 0, 3)
    assert compte(response, "Numérique") == (1, 0, 0, 1)
    assert compte(response, "Ressources humaines") == (0, 0, 1, 1)
    assert compte(response, "Communication") == (0, 0, 0, 0)
    assert compte(response, "Legal and articles of association", "en") == (1, 0, 0, 1)
    assert compte(response, "Digital", "en") == (0, 0, 0, 0)
    page = response.content.decode()
    assert "Ressources et fiches par domaine" in page
    assert "Juridique et statuts" in page


def test_domaines_in_taxonomy_order_french_first(equipe, par_domaine):
    response = equipe.get(DOMAINES)

    noms = [row.nom for row in rows(response)]
    assert noms[:3] == [
        "Financement et modèle économique",
        "Mécénat et fundraising",
        "Ressources humaines",
    ]
    assert noms.index("Funding and business model") == 13


def test_domaines_narrowed_to_one_language(equipe, par_domaine):
    response = equipe.get(DOMAINES, {"langue": "fr"})

    assert {row.langue for row in rows(response)} == {"fr"}
    assert len(rows(response)) == 13
    assert compte(response, "Juridique et statuts") == (2, 1, 0, 3)


def test_domaines_export_as_csv(equipe, par_domaine):
    response = equipe.get(DOMAINES, {"export": "csv", "langue": "fr"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = csv_rows(response)
    assert lines[0] == [
        "Domaine",
        "Langue",
        "Guides pratiques",
        "Modèles",
        "Fiches pratiques",
        "Total",
    ]
    assert ["Juridique et statuts", "fr", "2", "1", "0", "3"] in lines
    assert len(lines) == 14


def test_domaines_report_runs_as_many_queries_for_30_pages_as_for_3(
    equipe, django_assert_num_queries
):
    home, index = build_site_tree()
    domaines = [domaine("juridique-statuts"), domaine("communication")]
    for _n in range(3):
        GuidePageFactory(parent=index, domaines=domaines)
    equipe.get(DOMAINES)  # caches warmed
    queries = count_queries(equipe, DOMAINES)
    for _n in range(27):
        ModelePageFactory(parent=index, domaines=domaines, with_file=False)

    with django_assert_num_queries(queries):
        response = equipe.get(DOMAINES)

    assert compte(response, "Communication") == (3, 27, 0, 30)


# Permission


def test_an_administrator_can_give_the_inventory_to_a_group_in_the_group_form(client):
    client.force_login(UserFactory(is_superuser=True))
    group = Group.objects.get(name="Modérateurs")
    permission = Permission.objects.get(
        content_type__app_label="inventaire", codename="view_recherchedujour"
    )

    form = client.get(reverse("wagtailusers_groups:edit", args=[group.pk])).content.decode()

    assert f'value="{permission.pk}"' in form
