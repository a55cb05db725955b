"""Small counts kept secret (donnees/secret.py), checked the way someone trying to recover
them would: by listing every set of values consistent with what is published."""

import random

import pytest

from donnees.secret import SECONDAIRE, SEUIL, proteger

SEUIL_MINIMAL = 5


def possibles(cellules, total, seuil=SEUIL_MINIMAL, plafond=60):
    """``{key: values it may have}`` for each hidden cell, given the shown cells and the
    published total: what a reader can work out."""
    cachees = [cle for cle, cellule in cellules.items() if not cellule.montree]
    reste = total.valeur - sum(c.valeur for c in cellules.values() if c.montree)
    trouves = {cle: set() for cle in cachees}

    def bornes(cle):
        if cellules[cle].masque == SEUIL:
            return range(1, seuil)
        return range(seuil, plafond)

    def parcourir(rang, choisis, somme):
        if rang == len(cachees):
            if somme == reste:
                for cle, valeur in zip(cachees, choisis, strict=True):
                    trouves[cle].add(valeur)
            return
        for valeur in bornes(cachees[rang]):
            if somme + valeur > reste:
                break
            parcourir(rang + 1, [*choisis, valeur], somme + valeur)

    parcourir(0, [], 0)
    return trouves


def test_small_counts_are_hidden_and_zeros_shown():
    cellules, total = proteger({"75": 12, "69": 0, "13": 7}, SEUIL_MINIMAL)

    assert [c.valeur for c in cellules.values()] == [12, 0, 7]
    assert total.valeur == 19


def test_a_lone_small_count_beside_a_total_hides_the_smallest_other_one():
    cellules, total = proteger({"75": 12, "69": 3, "13": 7}, SEUIL_MINIMAL)

    assert cellules["69"].masque == SEUIL and cellules["69"].valeur is None
    assert cellules["13"].masque == SECONDAIRE and cellules["13"].valeur is None
    assert cellules["75"].valeur == 12 and total.valeur == 22
    # 22 − 12 = 10 = the 69 and the 13: the 69 may be anything from 1 to 4
    assert possibles(cellules, total)["69"] == {1, 2, 3, 4}


def test_two_small_counts_that_would_add_up_to_two_are_not_left_alone():
    cellules, total = proteger({"75": 12, "69": 1, "13": 1, "33": 9}, SEUIL_MINIMAL)

    assert cellules["33"].masque == SECONDAIRE
    assert possibles(cellules, total)["69"] == {1, 2, 3, 4}


def test_a_total_below_the_threshold_is_hidden_with_its_cells():
    cellules, total = proteger({"75": 3, "69": 0}, SEUIL_MINIMAL)

    assert cellules["75"].masque == SEUIL and cellules["69"].valeur == 0
    assert total.valeur is None and total.masque == SEUIL


def test_with_no_count_left_to_hide_the_total_is_hidden():
    # « moins de 5 », « moins de 5 » and a total of 8: both would be 4
    cellules, total = proteger({"75": 4, "69": 4}, SEUIL_MINIMAL)

    assert [c.masque for c in cellules.values()] == [SEUIL, SEUIL]
    assert total.valeur is None and total.masque == SECONDAIRE


@pytest.mark.parametrize("graine", range(3))
def test_no_published_total_narrows_a_hidden_small_count(graine):
    """Random tables of a few cells: whatever is published, each small hidden count may
    still be any value from 1 to the threshold − 1."""
    hasard = random.Random(graine)
    for _essai in range(100):
        valeurs = {f"c{n}": hasard.choice([0, 1, 2, 3, 4, 5, 6, 8, 13]) for n in range(5)}
        cellules, total = proteger(valeurs, SEUIL_MINIMAL)
        for cle, cellule in cellules.items():
            assert cellule.valeur in (None, valeurs[cle])
            if 0 < valeurs[cle] < SEUIL_MINIMAL:
                assert cellule.masque == SEUIL
        if total.montree and any(not c.montree for c in cellules.values()):
            for cle, valeurs_possibles in possibles(cellules, total).items():
                if cellules[cle].masque == SEUIL:
                    assert valeurs_possibles == {1, 2, 3, 4}, (valeurs, cle)
