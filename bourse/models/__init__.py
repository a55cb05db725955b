from .animation import GROUPE_ANIMATEURS, AnimateurDepartement
from .annonces import (
    FERMEES,
    MODIFIABLES,
    Annonce,
    AnnonceDepartement,
    Contrepartie,
    Etat,
    Format,
    Motif,
    Nature,
    Resultat,
    Sens,
    Signalement,
)
from .conversations import Conversation, Cote, Issue, Lecture, Message

__all__ = [
    "FERMEES",
    "GROUPE_ANIMATEURS",
    "MODIFIABLES",
    "AnimateurDepartement",
    "Annonce",
    "AnnonceDepartement",
    "Contrepartie",
    "Conversation",
    "Cote",
    "Etat",
    "Format",
    "Issue",
    "Lecture",
    "Message",
    "Motif",
    "Nature",
    "Resultat",
    "Sens",
    "Signalement",
]
