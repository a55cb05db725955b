"""The yearly attestation of a structure (issue 19, point 5): only the exchanges BOTH
structures confirmed, of that calendar year in Paris time, given and received, with their
totals; as a page and as a PDF; members of that structure only; a fixed number of queries."""

import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pypdf
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bourse.attestation import attestation
from bourse.models import Annonce, Conversation
from fiches.services import get_or_create_fiche_index
from tests import markup
from tests.factories import (
    AnnonceFactory,
    ConversationFactory,
    FichePageFactory,
    StructureFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
# The night of the new year in Paris: 23:30 counts in 2025, 00:30 in 2026 (UTC is an hour
# behind in winter: both are 31 December there).
SAINT_SYLVESTRE = datetime.datetime(2025, 12, 31, 23, 30, tzinfo=PARIS)
NOUVEL_AN = datetime.datetime(2026, 1, 1, 0, 30, tzinfo=PARIS)
MOMENTS = [
    datetime.datetime(2025, 3, 10, 9, 0, tzinfo=PARIS),
    SAINT_SYLVESTRE,
    NOUVEL_AN,
    datetime.datetime(2026, 6, 15, 14, 0, tzinfo=PARIS),
]


def echange(structure, autre, *, donne, closed_at, heures=None, valeur=None, confirme=True):
    """An exchange of ``structure`` with ``autre``: ``donne`` if ``structure`` helped (it
    answered a demande, or its offre was taken)."""
    sens = "demande" if donne else "offre"
    annonce = AnnonceFactory(structure=autre, sens=sens, titre=f"Annonce {autre.nom}")
    return ConversationFactory(
        annonce=annonce,
        structure=structure,
        issue="aide",
        heures=heures,
        valeur=valeur,
        resume="Fait.",
        closed_at=closed_at,
        confirmee_annonceur_le=closed_at,
        confirmee_repondant_le=closed_at if confirme else None,
    )


@pytest.fixture
def structures(site_tree):
    membre = UserFactory()
    nous = StructureFactory(nom="Ressourcerie du Plateau", membres=[membre])
    autres = [StructureFactory(nom=nom) for nom in ("Atelier Vélo", "Épicerie Solidaire")]
    return membre, nous, autres


def page(client, structure, annee, suite=""):
    return client.get(f"/fr/bourse/attestation/{structure.slug}/{annee}/{suite}")


def test_the_attestation_counts_what_both_confirmed_in_the_year(structures, site_tree, client):
    membre, nous, (velo, epicerie) = structures
    echange(nous, velo, donne=True, closed_at=SAINT_SYLVESTRE, heures=Decimal("12.5"))
    echange(nous, epicerie, donne=True, closed_at=MOMENTS[0], heures=8, valeur=Decimal("150"))
    echange(nous, epicerie, donne=False, closed_at=MOMENTS[0], valeur=Decimal("1500.5"))
    echange(nous, velo, donne=True, closed_at=MOMENTS[0], heures=99, confirme=False)
    echange(nous, velo, donne=False, closed_at=NOUVEL_AN, heures=77)  # 2026
    # Two other structures' exchange, unknown to us: never in our attestation.
    tiers = StructureFactory(nom="Zanzibarquois")
    echange(tiers, velo, donne=True, closed_at=MOMENTS[0], heures=5)
    # Nothing else of ours: a draft annonce, a fiche not published (disclosure).
    AnnonceFactory(structure=nous, etat="brouillon", titre="Okapibrouillon")
    FichePageFactory(
        parent=get_or_create_fiche_index(site_tree[0]),
        structure=nous,
        live=False,
        title="Okapimoderation",
    )
    autre_membre = UserFactory()
    StructureFactory(membres=[autre_membre])

    assert page(client, nous, 2025).status_code == 302  # to the log-in page
    client.force_login(autre_membre)
    assert [page(client, nous, 2025).status_code, page(client, nous, 2025, "pdf/").status_code] == [
        404,
        404,
    ]
    client.force_login(membre)
    assert page(client, nous, 1999).status_code == 404
    reponse = page(client, nous, 2025)
    assert reponse.status_code == 200
    assert "no-store" in reponse["Cache-Control"]
    texte = markup.text(reponse.content)
    totaux = [
        " ".join(" ".join(ligne.stripped_strings).split())
        for ligne in markup.soup(reponse.content).select(".attestation__total")
    ]
    assert totaux == ["Total 20,5 150,00 €", "Total 0,0 1 500,50 €"]
    assert "Okapi" not in texte
    assert "Zanzibarquois" not in texte and "99" not in texte and "77" not in texte
    assert "valoriser une heure de bénévolat est le choix de votre structure" in texte
    assert "confirmés, valorisés aux montants qu'elles ont déclarés" in texte
    assert "2026" in texte  # the other year with data is offered

    pdf = page(client, nous, 2025, "pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert "attestation-entraide-" in pdf["Content-Disposition"]
    lu = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    lu = " ".join(lu.replace("\xa0", " ").split())
    assert "Ressourcerie du Plateau" in lu
    assert "20,5" in lu and "150,00 €" in lu and "1 500,50 €" in lu
    assert "Zanzibarquois" not in lu and "Okapi" not in lu
    assert "Établie le" in lu

    # « Mes annonces » offers the years with data.
    mes_annonces = markup.soup(client.get("/fr/bourse/mes-annonces/").content)
    liens = [a["href"] for a in mes_annonces.select("a[href*='/attestation/']")]
    assert liens == [
        f"/fr/bourse/attestation/{nous.slug}/2026/",
        f"/fr/bourse/attestation/{nous.slug}/2025/",
    ]


def nombre_de_requetes(client, url):
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(url).status_code == 200
    return len(requetes)


def test_the_attestation_runs_a_fixed_number_of_queries(structures, client):
    membre, nous, (velo, epicerie) = structures
    client.force_login(membre)
    urls = [
        f"/fr/bourse/attestation/{nous.slug}/2025/",
        f"/fr/bourse/attestation/{nous.slug}/2025/pdf/",
        "/fr/bourse/mes-annonces/",
    ]
    for numero in range(2):
        echange(nous, velo, donne=bool(numero % 2), closed_at=MOMENTS[0], heures=numero + 1)
    ConversationFactory(annonce=AnnonceFactory(structure=nous), structure=velo)
    client.get(urls[0])  # the session's first reads, once
    peu = [nombre_de_requetes(client, url) for url in urls]
    for numero in range(6):
        autre = velo if numero % 2 else epicerie
        echange(nous, autre, donne=bool(numero % 2), closed_at=MOMENTS[1], valeur=numero + 1)
        AnnonceFactory(structure=nous)
    assert [nombre_de_requetes(client, url) for url in urls] == peu


DECIMALES = st.decimals(min_value=Decimal("0.1"), max_value=2000, places=1)
ECHANGES = st.lists(
    st.tuples(
        st.booleans(),  # given (else received)
        st.sampled_from(MOMENTS),
        st.none() | DECIMALES,
        st.none() | st.decimals(min_value=Decimal("0.01"), max_value=10**6, places=2),
        st.booleans(),  # confirmed by the annonce's side
        st.booleans(),  # confirmed by the side that answered
    ),
    max_size=6,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lignes=ECHANGES)
def test_totals_are_the_sums_of_the_confirmed_lines_of_the_year(structures, lignes):
    _membre, nous, (velo, _epicerie) = structures
    with transaction.atomic():
        annonces = Annonce.objects.bulk_create(
            Annonce(
                structure=velo,
                sens="demande" if donne else "offre",
                nature="competence",
                titre=f"Échange {numero}",
                description=".",
                fin=datetime.date(2026, 12, 31),
                etat="pourvue",
            )
            for numero, (donne, *_reste) in enumerate(lignes)
        )
        Conversation.objects.bulk_create(
            Conversation(
                annonce=annonce,
                structure=nous,
                issue="aide",
                heures=heures,
                valeur=valeur,
                closed_at=moment,
                confirmee_annonceur_le=moment if par_annonceur else None,
                confirmee_repondant_le=moment if par_repondant else None,
            )
            for annonce, (_d, moment, heures, valeur, par_annonceur, par_repondant) in zip(
                annonces, lignes, strict=True
            )
        )
        for annee in (2025, 2026):
            resultat = attestation(nous, annee)
            for donne, colonne in ((True, resultat.donnees), (False, resultat.recues)):
                comptees = [
                    (heures, valeur)
                    for sens, moment, heures, valeur, par_annonceur, par_repondant in lignes
                    if sens == donne and par_annonceur and par_repondant and moment.year == annee
                ]
                assert len(colonne.lignes) == len(comptees)
                assert colonne.heures == sum((h or 0 for h, _v in comptees), Decimal(0))
                assert colonne.valeur == sum((v or 0 for _h, v in comptees), Decimal(0))
        transaction.set_rollback(True)
