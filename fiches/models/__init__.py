from .fiches import WORKFLOW_NAME, FicheIndexPage, FichePage, PieceJointe
from .structures import Adhesion, Structure, TypeStructure

__all__ = [
    "WORKFLOW_NAME",
    "Adhesion",
    "FicheIndexPage",
    "FichePage",
    "PieceJointe",
    "Structure",
    "TypeStructure",
]
