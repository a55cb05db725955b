"""The bourse's indicators (issue 19, point 8) on a small set built by hand: demandes answered
in 2 days, in 5 days, never; hours of a confirmed exchange and of an unconfirmed one; in the
Inventaire (page and CSV), in « Le réseau en chiffres » (small counts hidden), in a fixed
number of queries whatever the number of annonces."""

import datetime
import types
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bourse import indicateurs
from donnees import chiffres_bourse
from inventaire.admin_bourse import COLONNES
from tests import markup
from tests.factories import AnnonceFactory, ConversationFactory, UserFactory
from tests.ressources.test_exports import assert_shared_format

pytestmark = pytest.mark.django_db

MAINTENANT = timezone.now()
PUBLIEE = MAINTENANT - datetime.timedelta(days=20)


def repondue(annonce, jours, **kwargs):
    return ConversationFactory(
        annonce=annonce, created_at=annonce.published_at + datetime.timedelta(days=jours), **kwargs
    )


@pytest.fixture(scope="module")
def echanges(module_transaction):
    with module_transaction.unblock():
        vite = AnnonceFactory(
            published_at=PUBLIEE, domaines=["numerique"], departements=["69"],
            etat="pourvue", resultat="aidee",
        )  # fmt: skip
        repondue(
            vite, 2, issue="aide", heures=Decimal("3.5"), valeur=Decimal("100"),
            confirmee_annonceur_le=MAINTENANT, confirmee_repondant_le=MAINTENANT,
        )  # fmt: skip
        lente = AnnonceFactory(published_at=PUBLIEE, departements=["69"])
        # Declared, confirmed by one side only: not counted in the hours.
        repondue(lente, 5, issue="aide", heures=Decimal("10"), confirmee_annonceur_le=MAINTENANT)
        AnnonceFactory(published_at=PUBLIEE, departements=["75"], etat="expiree")
        AnnonceFactory(
            published_at=PUBLIEE, departements=["75"], etat="retiree", resultat="sans-reponse"
        )
        offre = AnnonceFactory(
            sens="offre", published_at=PUBLIEE, domaines=["numerique"], departements=["69"]
        )
        repondue(offre, 1, issue="sans-suite")
        # Outside the period, or never published: not counted.
        AnnonceFactory(published_at=MAINTENANT - datetime.timedelta(days=100))
        AnnonceFactory(etat="brouillon")
        return types.SimpleNamespace(
            debut=timezone.localdate() - datetime.timedelta(days=29), fin=timezone.localdate()
        )


def test_the_indicators_count_what_happened_to_the_annonces_of_the_period(echanges):
    figures = indicateurs.calculer(echanges.debut, echanges.fin)

    assert figures.ensemble == {
        "offres": 1,
        "demandes": 4,
        "demandes_3j": 1,
        "demandes_7j": 2,
        "non_satisfaites": 2,  # expired unanswered, closed « sans réponse »
        "aidees": 1,
        "plus_besoin": 0,
        "sans_reponse": 1,
        "echanges_aide": 2,
        "echanges_sans_suite": 1,
        "echanges_confirmes": 1,
        "heures": Decimal("3.5"),
        "valeur": Decimal("100"),
    }
    assert figures.part(figures.ensemble, 3) == 25.0
    assert figures.part(figures.ensemble, 7) == 50.0
    assert figures.delai_median == datetime.timedelta(days=3, hours=12)  # 2 and 5 days
    assert set(figures.par_domaine) == {"numerique"}
    assert figures.par_domaine["numerique"]["offres"] == 1
    assert figures.par_domaine["numerique"]["heures"] == Decimal("3.5")
    assert {code: c["demandes"] for code, c in figures.par_departement.items()} == {
        "69": 2,
        "75": 2,
    }
    assert figures.par_departement["75"]["non_satisfaites"] == 2


def query_count():
    with CaptureQueriesContext(connection) as queries:
        indicateurs.calculer(
            timezone.localdate() - datetime.timedelta(days=29), timezone.localdate()
        )
        chiffres_bourse.indicateurs_de_la_bourse()
    return len(queries)


def test_the_indicators_take_the_same_queries_for_more_annonces(echanges):
    before = query_count()
    for numero, code in enumerate(["13", "33", "59"]):
        annonce = AnnonceFactory(
            published_at=PUBLIEE, domaines=["juridique-statuts"], departements=[code, "69"]
        )
        repondue(annonce, numero, issue="aide", heures=Decimal("2"))

    # The Inventaire's 5 (3 groupings, the median's 2); the open figures' 8 (the same 5, per
    # quarter, per side, the domaines' names).
    assert query_count() == before == 5 + 8


def test_the_inventaire_shows_and_exports_the_bourse_report_to_staff_only(echanges, client):
    client.force_login(UserFactory())
    refus = client.get("/admin/inventaire/bourse/")
    client.force_login(UserFactory(is_superuser=True))
    periode = {"periode_from": echanges.debut.isoformat(), "periode_to": echanges.fin.isoformat()}
    page = client.get("/admin/inventaire/bourse/", periode)
    fichier = client.get("/admin/inventaire/bourse/", {**periode, "export": "csv"})

    assert refus.status_code in (302, 403)
    assert page.status_code == 200
    texte = markup.text(page.content)
    assert "Toutes les annonces" in texte and "Numérique" in texte and "75 – Paris" in texte
    rows = assert_shared_format(fichier)
    assert rows[0] == [str(label) for label in COLONNES.values()]
    ensemble = dict(zip(rows[0], rows[1], strict=True))
    assert ensemble["Demandes"] == "4"
    assert ensemble["Part répondue sous 3 jours (en pourcentage)"] == "25,0"
    assert ensemble["Délai médian de première réponse (jours)"] == "3,5"
    assert ensemble["Heures données (confirmées)"] == "3,5"
    assert [row[1] for row in rows[1:]] == [
        "Toutes les annonces",
        "Numérique",
        "69 – Rhône",
        "75 – Paris",
    ]


def test_the_open_figures_hide_small_counts_and_sums(echanges, settings):
    par_domaine, par_departement, suites, aide = chiffres_bourse.indicateurs_de_la_bourse()
    settings.DONNEES_SEUIL_MINIMAL = 1
    *_autres, aide_sans_seuil = chiffres_bourse.indicateurs_de_la_bourse()

    assert par_domaine.total.cellules["demandes"].valeur == 5  # 12 months: the older one too
    assert par_departement.lignes[0].cellules["demandes"].masque == "moins-de-seuil"
    assert suites.total.cellules["demandes_7j"].valeur == 2
    demandes, offres = aide.lignes
    assert demandes.cellules["heures"].masque == "moins-de-seuil"  # 1 exchange, under 5
    assert offres.cellules["heures"].valeur == 0  # no exchange points at no one
    assert aide.total.cellules["heures"].masque == "moins-de-seuil"
    assert aide.total.cellules["echanges_confirmes"].valeur == 1
    assert aide_sans_seuil.total.cellules["heures"].valeur == 4  # 3.5 rounded
    assert aide_sans_seuil.total.cellules["valeur"].valeur == 100
    assert aide_sans_seuil.lignes[0].cellules["valeur"].valeur == 100
