"""Horizontal bar charts drawn on the server as SVG (``templates/donnees/graphique.svg``): no
script, no chart library, nothing fetched from elsewhere.

Each row is its label on one line and its bar below it, the value written after the bar:
long names of domaines fit, a phone shows the chart at its width (``viewBox``, 360 units
wide, as a 360 px screen), and no value is told by colour or length alone. A hidden count has
no bar and says so in words. Colours: bars in the site's green (#0b6e4f, 6.3:1 on white, over
the 3:1 graphics need), text in its near-black (#1f2328, 15.8:1).
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .secret import NON_COMPTE, SECONDAIRE, SEUIL

LARGEUR = 360
MARGE = 4
HAUTEUR_DE_LIGNE = 46
HAUTEUR_DE_BARRE = 14
# Text sizes in units, about as many pixels on a phone: the page's small print.
TAILLE_DU_LIBELLE = 16
TAILLE_DU_NOMBRE = 15
PLACE_DU_NOMBRE = 100  # room after the longest bar for « moins de 5 » or « 1 234 567 »
LONGUEUR_DE_LIBELLE = 42  # what 16-unit text fits in 360 units


@dataclass
class Barre:
    libelle: str
    texte: str
    y_libelle: int
    y_barre: int
    y_texte: int
    largeur: float
    x_texte: float


@dataclass
class Graphique:
    hauteur_de_barre = HAUTEUR_DE_BARRE
    taille_du_libelle = TAILLE_DU_LIBELLE
    taille_du_nombre = TAILLE_DU_NOMBRE

    identifiant: str
    titre: str
    resume: str
    hauteur: int
    largeur: int
    barres: list


def nombre(valeur):
    """An integer in the active language: « 1 234 » in French, "1,234" in English."""
    return number_format(valeur, force_grouping=True)


def texte(cellule, seuil):
    """What a table cell or a bar says of a count."""
    if cellule.montree:
        return nombre(cellule.valeur)
    if cellule.masque == SEUIL:
        return _("moins de %(seuil)s") % {"seuil": nombre(seuil)}
    if cellule.masque == NON_COMPTE:
        return _("non compté")
    return _("masqué")


def libelle_court(libelle):
    if len(libelle) <= LONGUEUR_DE_LIBELLE:
        return libelle
    return libelle[: LONGUEUR_DE_LIBELLE - 1].rstrip() + "…"


def resume(indicateur, serie, libelle_serie, seuil):
    """The chart in one or two sentences, for who does not see it: the total and the largest
    row; the hidden rows counted."""
    cellules = [(ligne, ligne.cellules[serie]) for ligne in indicateur.lignes]
    montrees = [(ligne, cellule.valeur) for ligne, cellule in cellules if cellule.montree]
    phrases = [
        _("%(serie)s, %(total_libelle)s : %(total)s.")
        % {
            "serie": libelle_serie,
            "total_libelle": indicateur.total.libelle.lower(),
            "total": texte(indicateur.total.cellules[serie], seuil),
        }
    ]
    if montrees and max(valeur for _ligne, valeur in montrees) > 0:
        ligne, valeur = max(montrees, key=lambda item: item[1])
        phrases.append(
            _("Le plus : %(libelle)s (%(valeur)s).")
            % {"libelle": ligne.libelle, "valeur": nombre(valeur)}
        )
    caches = sum(1 for _ligne, cellule in cellules if cellule.masque in (SEUIL, SECONDAIRE))
    if caches:
        phrases.append(
            ngettext(
                "%(n)s valeur masquée pour protéger les petits effectifs.",
                "%(n)s valeurs masquées pour protéger les petits effectifs.",
                caches,
            )
            % {"n": nombre(caches)}
        )
    return " ".join(phrases)


def graphique(indicateur, serie, seuil):
    """The ``Graphique`` of one series of ``indicateur``."""
    libelle_serie = dict(indicateur.series)[serie]
    valeurs = [ligne.cellules[serie].valeur or 0 for ligne in indicateur.lignes]
    echelle = (LARGEUR - 2 * MARGE - PLACE_DU_NOMBRE) / max([1, *valeurs])
    barres = []
    for rang, ligne in enumerate(indicateur.lignes):
        haut = rang * HAUTEUR_DE_LIGNE
        cellule = ligne.cellules[serie]
        largeur = (cellule.valeur or 0) * echelle
        if cellule.valeur:
            largeur = max(largeur, 2)  # a count of 1 among thousands still shows
        barres.append(
            Barre(
                libelle=libelle_court(ligne.libelle),
                texte=texte(cellule, seuil),
                y_libelle=haut + 17,
                y_barre=haut + 24,
                y_texte=haut + 24 + HAUTEUR_DE_BARRE - 2,
                largeur=round(largeur, 1),
                x_texte=round(MARGE + largeur + (6 if largeur else 0), 1),
            )
        )
    return Graphique(
        identifiant=f"graphique-{indicateur.cle}-{serie}",
        titre=indicateur.titres.get(serie, indicateur.titre),
        resume=resume(indicateur, serie, libelle_serie, seuil),
        hauteur=len(barres) * HAUTEUR_DE_LIGNE + 4,
        largeur=LARGEUR,
        barres=barres,
    )
