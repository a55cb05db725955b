from .documents import RessourceDocument
from .pages import (
    GuidePage,
    HomePage,
    ModeleFichier,
    ModelePage,
    RessourceIndexPage,
    RessourceLiee,
    RessourcePage,
)
from .sections import SectionPage
from .taxonomy import Domaine, Niveau, Public

__all__ = [
    "RessourceDocument",
    "Domaine",
    "GuidePage",
    "HomePage",
    "ModeleFichier",
    "ModelePage",
    "Niveau",
    "Public",
    "RessourceIndexPage",
    "RessourceLiee",
    "RessourcePage",
    "SectionPage",
]
