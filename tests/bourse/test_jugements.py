"""The judged set the bourse's matching is measured against (bench/bourse_jugements.json):
its shape, codes the site knows, expected offres that exist and follow the animator's rules,
expected ressources that are demo pages, and the hard cases the issue asks for. No database."""

import json
import re
from collections import Counter, defaultdict
from importlib import import_module
from pathlib import Path

import pytest

from demo import data_files
from ressources.territoires import DEPARTEMENTS

JUGEMENTS = json.loads(
    (Path(__file__).resolve().parents[2] / "bench" / "bourse_jugements.json").read_text()
)
OFFRES = {offre["cle"]: offre for offre in JUGEMENTS["offres"]}
DEMANDES = JUGEMENTS["demandes"]

DOMAINES = {
    slug
    for slug, _fr, _en in import_module(
        "ressources.migrations.0002_locales_groupes_classement"
    ).DOMAINES
}
CODES_DEPARTEMENTS = {code for code, _nom in DEPARTEMENTS}
# The choices of the bourse's Annonce (bourse.models: Nature, Format, Contrepartie).
NATURES = {"competence", "materiel", "accompagnement", "achat-groupe", "emploi-partage"}
FORMATS = {"sur-place", "a-distance", "les-deux"}
CONTREPARTIES = {"aucune", "echange", "prix-coutant"}
# An annonce lasts at most 6 months (181 days at the shortest); without an end date, the
# bourse's default length (bourse.dates).
DERNIER_JOUR = 180
DUREE_PAR_DEFAUT = {"offre": 120, "demande": 60}

# A French phone number, with or without separators (+33 6 12 34 56 78, 06.12.34.56.78).
TELEPHONE = re.compile(r"(?:\+33|\b0)\s?[1-9](?:[\s.-]?\d{2}){4}\b")

CHAMPS = {"cle", "nature", "titre", "description", "domaines", "departements", "a_distance"}
CHAMPS |= {"format", "contrepartie", "disponibilites", "debut", "fin"}
CHAMPS_DEMANDE = CHAMPS | {"attendu", "pourquoi", "groupe"}


def pages_demo():
    """``{slug: front matter}`` of the demo's guides, modèles, fiches and ateliers, named as
    demo/data_files.py names them (the file name without its order prefix)."""
    pages = {}
    for dossier in ("guides", "modeles", "fiches", "ateliers"):
        for entry in data_files.read_folder(data_files.DATA / dossier, front_matter):
            pages[entry.slug] = entry.fields | {"dossier": dossier}
    return pages


def front_matter(_slug, metadata, _content):
    return metadata


PAGES = pages_demo()


def periode(annonce, sens):
    debut = annonce.get("debut", 0)
    return debut, annonce.get("fin", debut + DUREE_PAR_DEFAUT[sens])


def se_chevauchent(offre, demande):
    debut_offre, fin_offre = periode(offre, "offre")
    debut_demande, fin_demande = periode(demande, "demande")
    return debut_offre <= fin_demande and debut_demande <= fin_offre


def au_bon_endroit(offre, demande):
    """Same département, or an offre that can be given at a distance."""
    return offre["a_distance"] or bool(set(offre["departements"]) & set(demande["departements"]))


def erreurs_annonce(annonce, sens):
    cle = annonce.get("cle")
    erreurs = []
    champs = CHAMPS_DEMANDE if sens == "demande" else CHAMPS
    if set(annonce) - champs:
        erreurs.append(f"{cle}: unknown fields {sorted(set(annonce) - champs)}")
    if not all(
        isinstance(annonce.get(champ), str) and annonce[champ].strip()
        for champ in ("cle", "titre", "description")
    ):
        erreurs.append(f"{cle}: cle, titre and description are required text")
    if len(annonce.get("titre", "")) > 150:
        erreurs.append(f"{cle}: titre over 150 characters")
    if annonce.get("nature") not in NATURES:
        erreurs.append(f"{cle}: unknown nature {annonce.get('nature')!r}")
    if annonce.get("format") not in FORMATS or annonce.get("contrepartie") not in CONTREPARTIES:
        erreurs.append(f"{cle}: unknown format or contrepartie")
    if not annonce.get("domaines") or set(annonce["domaines"]) - DOMAINES:
        erreurs.append(f"{cle}: domaines {annonce.get('domaines')} (known: {sorted(DOMAINES)})")
    if set(annonce.get("departements", [None])) - CODES_DEPARTEMENTS:
        erreurs.append(f"{cle}: unknown départements {annonce.get('departements')}")
    if not annonce.get("departements") and annonce.get("a_distance") is not True:
        erreurs.append(f"{cle}: neither a département nor « à distance »")
    if annonce.get("a_distance") != (annonce.get("format") != "sur-place"):
        erreurs.append(f"{cle}: a_distance and format disagree")
    debut, fin = periode(annonce, sens)
    if not (isinstance(debut, int) and isinstance(fin, int) and 0 <= debut < fin <= DERNIER_JOUR):
        erreurs.append(f"{cle}: dates {debut}–{fin} (days from loading, at most {DERNIER_JOUR})")
    return erreurs


def test_the_set_is_large_and_varied_enough():
    assert set(JUGEMENTS) == {"notes", "offres", "demandes"}
    assert len(OFFRES) == len(JUGEMENTS["offres"]) >= 40, "offre keys must be unique"
    assert len({demande["cle"] for demande in DEMANDES}) == len(DEMANDES) >= 40
    for annonces in (OFFRES.values(), DEMANDES):
        assert {annonce["nature"] for annonce in annonces} == NATURES
        assert len({code for annonce in annonces for code in annonce["departements"]}) >= 8
        assert len({slug for annonce in annonces for slug in annonce["domaines"]}) >= 10
    assert sum(offre["a_distance"] for offre in OFFRES.values()) >= 5
    assert sum("fin" in offre for offre in OFFRES.values()) >= 3


def test_every_annonce_uses_codes_the_site_knows():
    erreurs = [e for offre in OFFRES.values() for e in erreurs_annonce(offre, "offre")]
    erreurs += [e for demande in DEMANDES for e in erreurs_annonce(demande, "demande")]
    assert not erreurs, "\n".join(erreurs)


def test_every_demande_is_judged():
    erreurs = []
    for demande in DEMANDES:
        cle, attendu = demande["cle"], demande["attendu"]
        offres, ressources = attendu["offres"], attendu["ressources"]
        pas = [refus["offre"] for refus in attendu.get("pas", [])]
        if set(attendu) - {"offres", "ressources", "pas"} or not demande["pourquoi"].strip():
            erreurs.append(f"{cle}: attendu has offres, ressources, pas; pourquoi is required")
        if len(offres) > 4 or len(set(offres)) < len(offres) or set(offres + pas) - set(OFFRES):
            erreurs.append(f"{cle}: 0 to 4 distinct offres, all in the set ({offres}, {pas})")
        if set(offres) & set(pas) or not all(r["raison"].strip() for r in attendu.get("pas", [])):
            erreurs.append(
                f"{cle}: an offre both expected and refused, or a refusal without reason"
            )
        if len(ressources) > 3 or set(ressources) - set(PAGES):
            erreurs.append(f"{cle}: 0 to 3 ressources, demo slugs only ({ressources})")
    assert not erreurs, "\n".join(erreurs)
    answered = [demande for demande in DEMANDES if 1 <= len(demande["attendu"]["offres"]) <= 3]
    assert len(answered) >= 0.75 * len(DEMANDES)


def test_expected_offres_follow_the_animators_rules():
    """Same nature, a place that fits (same département or at a distance), dates that
    overlap: what a careful animator checks first. Domaines may differ (the need counts,
    not the label)."""
    erreurs = [
        f"{demande['cle']} → {cle}"
        for demande in DEMANDES
        for cle in demande["attendu"]["offres"]
        if OFFRES[cle]["nature"] != demande["nature"]
        or not au_bon_endroit(OFFRES[cle], demande)
        or not se_chevauchent(OFFRES[cle], demande)
    ]
    assert not erreurs, "\n".join(erreurs)


def test_expected_ateliers_can_still_help():
    """A past workshop helps only through its recording."""
    ateliers = {
        slug
        for demande in DEMANDES
        for slug in demande["attendu"]["ressources"]
        if PAGES[slug]["dossier"] == "ateliers"
    }
    assert ateliers
    assert not [
        slug
        for slug in ateliers
        if PAGES[slug]["jours"] < 0 and not PAGES[slug].get("enregistrement")
    ]


def test_the_hard_cases_are_there():
    codes_offres = {code for offre in OFFRES.values() for code in offre["departements"]}
    sans_offre_sur_place = [
        demande for demande in DEMANDES if not set(demande["departements"]) & codes_offres
    ]
    # A département nobody offers anything in: nothing expected…
    assert any(not demande["attendu"]["offres"] for demande in sans_offre_sur_place)
    # …or only what can be given at a distance.
    assert any(
        demande["attendu"]["offres"]
        and all(OFFRES[cle]["a_distance"] for cle in demande["attendu"]["offres"])
        for demande in sans_offre_sur_place
    )
    # Same nature and place, but dates that do not overlap: judged not relevant.
    refus = [
        (OFFRES[refus["offre"]], demande)
        for demande in DEMANDES
        for refus in demande["attendu"].get("pas", [])
    ]
    assert any(
        offre["nature"] == demande["nature"]
        and au_bon_endroit(offre, demande)
        and not se_chevauchent(offre, demande)
        for offre, demande in refus
    )


def test_part_time_demandes_for_one_skill_in_one_area_form_a_group():
    """Point 7: three or more part-time demandes for the same skill in one area."""
    groupes = defaultdict(list)
    for demande in DEMANDES:
        if "groupe" in demande:
            groupes[demande["groupe"]].append(demande)
    assert groupes
    for nom, demandes in groupes.items():
        assert len(demandes) >= 3, nom
        assert {demande["nature"] for demande in demandes} == {"emploi-partage"}, nom
        departements = Counter(code for demande in demandes for code in demande["departements"])
        assert departements.most_common(1)[0][1] == len(demandes), nom
        assert set.intersection(*(set(demande["domaines"]) for demande in demandes)), nom


@pytest.mark.parametrize("liste", ["offres", "demandes"])
def test_no_contact_details_in_the_texts(liste):
    """Annonces show no e-mail address or phone number (issue 19): neither does the set."""
    textes = " ".join(annonce["description"] + annonce["titre"] for annonce in JUGEMENTS[liste])
    assert "@" not in textes
    assert not TELEPHONE.search(textes)
