"""The table of contents (« Sommaire ») of a long guide, and the anchors of its headings.

A guide gets a sommaire when it is longer than about three phone screens. Measured on a 360 px
wide screen with the site's stylesheet, a screen shows about 150 words of body text (some 7 words
a line, 25 lines once the header is scrolled away), less with steps, boxes and headings: three
screens are about 450 words. A guide with at least four intertitres is that long in practice, and a
sommaire of one entry helps nobody, so the rule, decided on the server from the body alone (no
query), is: at least two intertitres, and either four or more of them or more than 450 words.

Every intertitre gets an id, sommaire or not, so that a heading can be linked to: « partie- » and
the heading's slug, numbered from the second occurrence on (stable while the title stays, unique
in the page; the prefix keeps clear of the page's own ids such as « contenu »).
"""

from dataclasses import dataclass

from django.utils.text import slugify

MIN_INTERTITRES = 2
INTERTITRES_SUFFISANTS = 4
MOTS_SUFFISANTS = 450
PREFIXE = "partie-"


@dataclass(frozen=True)
class Entree:
    ancre: str
    titre: str


@dataclass(frozen=True)
class Sommaire:
    """``blocs``: (block, anchor or None) for each block of the body, in order; ``entrees``: the
    intertitres; ``visible``: whether the page shows the sommaire."""

    blocs: list
    entrees: list
    mots: int

    @property
    def visible(self):
        if len(self.entrees) < MIN_INTERTITRES:
            return False
        return len(self.entrees) >= INTERTITRES_SUFFISANTS or self.mots > MOTS_SUFFISANTS


def ancres(titres):
    """A unique, stable id for each heading of ``titres``, in order."""
    vues = set()
    resultat = []
    for position, titre in enumerate(titres, 1):
        base = PREFIXE + (slugify(titre) or str(position))
        ancre, numero = base, 1
        while ancre in vues:
            numero += 1
            ancre = f"{base}-{numero}"
        vues.add(ancre)
        resultat.append(ancre)
    return resultat


def du_corps(body):
    """The sommaire of a StreamField ``body`` whose headings are ``intertitre`` blocks."""
    blocs = list(body)
    titres = [str(bloc.value) for bloc in blocs if bloc.block_type == "intertitre"]
    ids = ancres(titres)
    a_poser = iter(ids)
    avec_ancres = [
        (bloc, next(a_poser) if bloc.block_type == "intertitre" else None) for bloc in blocs
    ]
    entrees = [Entree(ancre, titre) for ancre, titre in zip(ids, titres, strict=True)]
    textes = body.stream_block.get_searchable_content(body)
    mots = sum(len(texte.split()) for texte in textes)
    return Sommaire(blocs=avec_ancres, entrees=entrees, mots=mots)
