"""Small counts kept secret in the published figures (« secret statistique »).

A count of people or of structures between 1 and the threshold minus one could point at
someone (« the 2 structures of the Lozère »): it is shown as « moins de 5 » (primary
suppression). A zero points at no one and is shown.

A total published beside hidden cells gives their sum: with « moins de 5 » and « moins de 5 »
and a total that leaves 2 for them, both are 1. So, while the total would narrow any hidden
cell below « between 1 and the threshold minus one », the smallest shown cell is hidden too
(complementary suppression, flagged apart: it is not small); with no cell left to hide, the
total is hidden. The check is exact: each hidden cell's possible values are worked out from
the total and the bounds of the other hidden cells (1…threshold−1 for a small one, threshold…
for a complementary one).
"""

from dataclasses import dataclass

#: What a hidden cell says in the dataset's ``masque`` column.
SEUIL = "moins-de-seuil"
SECONDAIRE = "secret-secondaire"
NON_COMPTE = "non-compte"


@dataclass(frozen=True)
class Cellule:
    """A published count: ``valeur`` is None when ``masque`` says why it is not shown."""

    valeur: int | None
    masque: str = ""

    @property
    def montree(self):
        return self.masque == ""


def montree(valeur):
    return Cellule(valeur)


def sous_le_seuil(valeur, seuil):
    return 0 < valeur < seuil


def bornes(masque, seuil):
    """What a reader knows of a hidden cell: (lowest, highest) value, None for no bound."""
    return (1, seuil - 1) if masque == SEUIL else (seuil, None)


def reste_protege(cachees, seuil):
    """Whether, knowing the sum of the hidden cells (``{key: (value, mask)}``), a reader
    still knows no more of each small one than « between 1 and ``seuil`` − 1 »."""
    somme = sum(valeur for valeur, _masque in cachees.values())
    for cle, (_valeur, masque) in cachees.items():
        if masque != SEUIL:
            continue
        autres = [bornes(m, seuil) for k, (_v, m) in cachees.items() if k != cle]
        hauts = [haut for _bas, haut in autres]
        au_moins = 1 if None in hauts else max(1, somme - sum(hauts))
        au_plus = min(seuil - 1, somme - sum(bas for bas, _haut in autres))
        if (au_moins, au_plus) != (1, seuil - 1):
            return False
    return True


def proteger(valeurs, seuil):
    """``valeurs`` (``{key: count}``, in display order) as ``({key: Cellule}, total
    Cellule)``, with the small counts hidden and the total kept from giving them away."""
    total = sum(valeurs.values())
    if sous_le_seuil(total, seuil):
        cellules = {
            cle: Cellule(None, SEUIL) if valeur else montree(0) for cle, valeur in valeurs.items()
        }
        return cellules, Cellule(None, SEUIL)
    cachees = {
        cle: (valeur, SEUIL) for cle, valeur in valeurs.items() if sous_le_seuil(valeur, seuil)
    }
    candidates = sorted(
        (valeur, rang, cle) for rang, (cle, valeur) in enumerate(valeurs.items()) if valeur >= seuil
    )
    total_cache = False
    while cachees and not reste_protege(cachees, seuil):
        if not candidates:
            total_cache = True
            break
        valeur, _rang, cle = candidates.pop(0)
        cachees[cle] = (valeur, SECONDAIRE)
    cellules = {
        cle: Cellule(None, cachees[cle][1]) if cle in cachees else montree(valeur)
        for cle, valeur in valeurs.items()
    }
    return cellules, Cellule(None, SECONDAIRE) if total_cache else montree(total)
