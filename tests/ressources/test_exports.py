"""One CSV format for every export of the site (ressources.exports): UTF-8 with a BOM, « ; »,
CRLF, no cell a spreadsheet would run as a formula, kept by no cache. Every CSV export URL is
checked, and a new export that does not use the shared format is caught."""

import csv
import datetime
import io

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Locale

from evenements.admin_views import InscriptionsCsvView
from evenements.services import get_or_create_agenda
from fiches.services import get_or_create_fiche_index
from inventaire import retours
from inventaire.admin_bourse import BourseView
from inventaire.admin_retours import RetoursView
from inventaire.admin_views import RAPPORTS
from inventaire.models import RechercheDuJour
from ressources import exports
from ressources.admin_verification import PagesARevoirView
from ressources.models import Domaine
from tests import markup
from tests.evenements.helpers import atelier, register
from tests.factories import (
    AnnonceFactory,
    FichePageFactory,
    GuidePageFactory,
    ModelePageFactory,
    UserFactory,
    build_site_tree,
    domaine,
)

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://pirate.example","Cliquez")', "+33 6 12", "-2+3", "@SOMME(A1)"]
PROJECT_APPS = ("ressources.", "fiches.", "evenements.", "search.", "inventaire.")


def cells(body):
    """The cells of a CSV file read as a French spreadsheet reads it."""
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def assert_shared_format(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.csv"')
    assert {"no-store", "private"} <= {
        directive.strip() for directive in response["Cache-Control"].split(",")
    }
    body = markup.content(response)
    assert body.startswith("\ufeff".encode())
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")  # one line a row (no multi-line cell here)
    rows = cells(body)
    assert len(rows) >= 2
    assert all(len(row) == len(rows[0]) for row in rows), "« ; » separates every cell"
    return rows


@pytest.fixture
def every_export(db):
    """{name: URL} of every CSV export, each with a cell that looks like a formula."""
    home, index = build_site_tree()
    fiches = get_or_create_fiche_index(home)
    for formula in FORMULAS:
        RechercheDuJour.objects.create(
            jour=datetime.date.today(),
            locale=Locale.objects.get(language_code="fr"),
            requete=formula,
            nombre=2,
            sans_resultat=1,
            resultats=0,
        )
    retours.repondre(ModelePageFactory(parent=index, title=FORMULAS[0]), utile=False)
    FichePageFactory(parent=fiches, title=FORMULAS[1])
    Domaine.objects.create(
        nom=FORMULAS[2], slug="formule", ordre=1, locale=Locale.objects.get(language_code="fr")
    )
    domaine("ressources-humaines")
    workshop = atelier(get_or_create_agenda(home))
    for number, formula in enumerate(FORMULAS):
        register(workshop, nom=formula, email=f"formule{number}@asso.example")
    urls = {
        view.url_name: reverse(f"inventaire:{view.url_name}") + "?export=csv&langue=fr"
        for view in RAPPORTS
    }
    urls["inscriptions"] = reverse("evenements_admin:csv", args=[workshop.pk])
    GuidePageFactory(parent=index, title=FORMULAS[3], a_revoir_avant=datetime.date(2020, 1, 1))
    urls["pages à revoir"] = reverse("verification:pages_a_revoir") + "?export=csv"
    urls["retours des lecteurs"] = reverse("inventaire:retours") + "?export=csv"
    # The bourse's report names a domaine.
    AnnonceFactory(published_at=timezone.now(), domaines=["formule"])
    urls["bourse"] = reverse("inventaire:bourse") + "?export=csv"
    return urls


def test_every_csv_export_is_in_the_shared_format_with_formulas_neutralised(
    client, every_export, subtests
):
    client.force_login(UserFactory(is_superuser=True))
    every_view = {*RAPPORTS, InscriptionsCsvView, PagesARevoirView, RetoursView, BourseView}
    assert views_with_csv_exports() == every_view, "an export unchecked"

    for name, url in every_export.items():
        with subtests.test(export=name):
            rows = assert_shared_format(client.get(url))
            texts = [cell for row in rows for cell in row]
            assert not any(cell.startswith(exports.FORMULA_PREFIXES) for cell in texts)
            assert any(cell.lstrip("'") in FORMULAS for cell in texts), "formula cell shown"


def views_with_csv_exports():
    """The project's views that export CSV: Wagtail's spreadsheet views, and ours."""

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern):
                yield getattr(pattern.callback, "view_class", None)

    return {
        view
        for view in walk(get_resolver().url_patterns)
        if view is not None
        and view.__module__.startswith(PROJECT_APPS)
        and (
            (issubclass(view, SpreadsheetExportMixin) and view.list_export)
            or "csv" in view.__name__.lower()
        )
    }


@given(st.text())
def test_no_cell_is_ever_read_as_a_formula_and_none_loses_its_text(text):
    body = "".join(exports.lines(["Titre"], [[text]])).encode()

    [_heading, [cell]] = cells(body)

    assert not cell.startswith(exports.FORMULA_PREFIXES)
    normalised = text.replace("\r\n", "\n")
    assert cell == (
        "'" + normalised if normalised.startswith(exports.FORMULA_PREFIXES) else normalised
    )


@pytest.mark.parametrize(
    "value, cell",
    [
        (12, "12"),
        (-3, "-3"),
        (2.5, "2,5"),
        (None, ""),
        (datetime.date(2026, 11, 23), "23/11/2026"),
        (datetime.datetime(2026, 11, 23, 17, 0, tzinfo=datetime.UTC), "23/11/2026 18:00"),
    ],
)
def test_numbers_and_dates_are_written_as_a_french_spreadsheet_reads_them(value, cell):
    assert exports.cellule(value) == cell
