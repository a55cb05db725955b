"""The bourse's matching (bourse.correspondances): never a proposal against the animator's
rules (nature, place, dates), and the closest texts first, the editors' synonyms included.
Its figure on the judged set is measured by bench/bourse_matching.py."""

import json
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bourse.correspondances import classer, compatibles, emplois_partages
from bourse.ressources_utiles import ressources_pour
from tests import markup
from tests.factories import AnnonceFactory, GuidePageFactory, build_site_tree, locale
from tests.search.helpers import index_everything

pytestmark = pytest.mark.django_db  # the search finds the pages: on both engines

JOUR = date(2027, 3, 1)
JUGEMENTS = Path(__file__).resolve().parents[2] / "bench" / "bourse_jugements.json"
NATURES = ["competence", "materiel", "accompagnement"]
DEPARTEMENTS = ["35", "69", "13"]


def annonce(sens="offre", nature="competence", departements=("35",), a_distance=False,
            debut=0, fin=60, titre="", description="", domaines=()):  # fmt: skip
    return SimpleNamespace(
        cle=titre,
        sens=sens,
        nature=nature,
        departements=list(departements),
        a_distance=a_distance,
        debut=JOUR + timedelta(days=debut),
        fin=JOUR + timedelta(days=fin),
        titre=titre,
        description=description,
        domaines=list(domaines),
    )


annonces = st.builds(
    annonce,
    nature=st.sampled_from(NATURES),
    departements=st.lists(st.sampled_from(DEPARTEMENTS), max_size=2),
    a_distance=st.booleans(),
    debut=st.integers(0, 120),
    fin=st.integers(121, 180) | st.integers(0, 60),
    titre=st.sampled_from(["Camion", "Comptes", "Salle"]),
)


@settings(max_examples=30, deadline=None)
@given(demande=annonces, offres=st.lists(annonces, max_size=8))
def test_every_proposal_follows_the_rules(demande, offres):
    demande.sens = "demande"
    proposees = [offre for offre, _score in classer(demande, offres)]
    for offre in offres:
        assert (offre in proposees) == compatibles(offre, demande)
        if offre in proposees:
            assert offre.nature == demande.nature
            assert offre.a_distance or set(offre.departements) & set(demande.departements)
            assert offre.debut <= demande.fin and demande.debut <= offre.fin


def test_the_closest_text_comes_first_synonyms_included():
    demande = annonce(
        "demande",
        titre="Nouvelle trésorière avant l'AG",
        description="Présenter les comptes à l'AG de juin : quelqu'un pour vérifier avec moi ?",
        domaines=["gestion-comptabilite-fiscalite"],
    )
    budget = annonce(
        titre="Relire vos comptes avant votre assemblée générale",
        description="Trésorier bénévole, je relis bilans et comptes annuels.",
        domaines=["gestion-comptabilite-fiscalite"],
    )
    site_web = annonce(titre="Refaire votre site web", description="Développeur bénévole.")
    loin = annonce(titre="Relire vos comptes", departements=["13"])
    plus_tard = annonce(titre="Relire vos comptes en assemblée générale", debut=90, fin=150)
    autre_nature = annonce(nature="materiel", titre="Prêt de vidéoprojecteur pour votre AG")

    ranked = [
        offre for offre, _s in classer(demande, [site_web, loin, plus_tard, autre_nature, budget])
    ]

    assert ranked == [budget, site_web]  # others break a rule; the closest text first


def test_an_offre_finds_its_demandes_by_the_same_rules():
    offre = annonce(a_distance=True, titre="Deux heures de visio sur vos statuts")
    ici = annonce("demande", departements=["69"], titre="Modifier nos statuts")
    ailleurs_materiel = annonce("demande", nature="materiel", titre="Statuts")

    assert [d for d, _s in classer(offre, [ailleurs_materiel, ici])] == [ici]


def test_the_pages_that_may_help_come_from_the_public_search():
    _home, index = build_site_tree()
    guide = GuidePageFactory(parent=index, title="Modifier les statuts de son association")
    GuidePageFactory(parent=index, title="Statuts : le brouillon secret", live=False)
    GuidePageFactory(parent=index, title="Recruter un service civique")
    index_everything()
    demande = annonce("demande", titre="Aide pour modifier nos statuts", description="AG en mai.")

    found = [entree.page for entree in ressources_pour(demande, locale("fr"))]

    assert found[0].pk == guide.pk
    assert all(page.live for page in found)


def test_three_part_time_demandes_for_one_skill_in_one_area_are_one_group():
    """The judged set's `groupe` (bench/bourse_jugements.json): found, and nothing else."""
    jugements = json.loads(JUGEMENTS.read_text())
    demandes = [SimpleNamespace(**entree, sens="demande") for entree in jugements["demandes"]]
    expected = {d.cle for d in demandes if getattr(d, "groupe", None)}

    groupes = emplois_partages(demandes)

    assert [{d.cle for d in groupe} for groupe in groupes] == [expected]
    assert emplois_partages(demandes, seuil=len(expected) + 1) == []


def test_an_annonce_page_proposes_the_other_side_and_pages_that_help(client):
    _home, index = build_site_tree()
    GuidePageFactory(parent=index, title="Tenir une comptabilité associative simple")
    index_everything()
    demande = AnnonceFactory(
        sens="demande",
        titre="Nouvelle trésorière : relire nos comptes",
        description="Présenter la comptabilité à l'AG de juin.",
        departements=["35"],
    )
    offre = AnnonceFactory(sens="offre", titre="Je relis vos comptes", departements=["35"])
    ailleurs = AnnonceFactory(sens="offre", titre="Je relis vos comptes à Lyon")  # 69
    retiree = AnnonceFactory(sens="offre", titre="Comptes (retirée)", etat="retiree",
                             departements=["35"])  # fmt: skip

    page = markup.soup(client.get(demande.get_absolute_url()).content)
    proposees = [a.get_text(strip=True) for a in page.select("#titre-correspondantes ~ div a")]
    aides = [a.get_text(strip=True) for a in page.select("#titre-ressources-utiles ~ ul a")]

    assert proposees == [offre.titre]
    assert ailleurs.titre not in proposees and retiree.titre not in proposees
    assert aides == ["Tenir une comptabilité associative simple"]
    reverse = markup.soup(client.get(offre.get_absolute_url()).content)
    assert [a.get_text(strip=True) for a in reverse.select("#titre-correspondantes ~ div a")] == [
        demande.titre
    ]
