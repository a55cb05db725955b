from .agenda import AgendaPage
from .ateliers import AtelierAnimateur, AtelierDocument, AtelierPage
from .choices import Format, Statut
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
