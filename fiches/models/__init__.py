from .fiches import WORKFLOW_NAME, FichePage, PieceJointe
from .index import FicheIndexPage

__all__ = [
    "WORKFLOW_NAME",
    "FicheIndexPage",
    "FichePage",
    "PieceJointe",
]
