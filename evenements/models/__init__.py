from .ateliers import AgendaPage, AtelierAnimateur, AtelierDocument, AtelierPage, Format, Statut
from .inscriptions import Inscription

__all__ = [
    "AgendaPage",
    "AtelierAnimateur",
    "AtelierDocument",
    "AtelierPage",
    "Format",
    "Inscription",
    "Statut",
]
