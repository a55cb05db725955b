from .documents import RessourceDocument
from .information import InformationPage
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
    "InformationPage",
    "ModeleFichier",
    "ModelePage",
    "Niveau",
    "Public",
    "RessourceIndexPage",
    "RessourceLiee",
    "RessourcePage",
    "SectionPage",
]
