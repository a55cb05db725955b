"""Where a workshop stands for a visitor, at one instant: computed once in Python, read by its
page and its card in listings (``templates/evenements/…``), which hold no logic of their own."""

from dataclasses import dataclass

from django.utils import timezone

from .models.choices import Statut


@dataclass(frozen=True)
class Situation:
    statut: str
    inscriptions_ouvertes: bool
    inscription_externe: bool
    places_libres: int
    renvoi_possible: bool

    @classmethod
    def de(cls, atelier, now=None):
        now = now or timezone.now()
        return cls(
            statut=atelier.statut(now),
            inscriptions_ouvertes=atelier.inscriptions_ouvertes(now),
            inscription_externe=bool(atelier.inscription_externe),
            places_libres=atelier.places_libres,
            renvoi_possible=not atelier.inscription_externe and atelier.liens_valables(now),
        )

    @property
    def annule(self):
        return self.statut == Statut.ANNULE

    @property
    def passe(self):
        return self.statut == Statut.PASSE

    @property
    def complet(self):
        return self.statut == Statut.COMPLET

    @property
    def a_venir(self):
        """Neither cancelled nor over: the page still invites people (even once closed)."""
        return not (self.annule or self.passe)

    @property
    def inscriptions_sur_le_site(self):
        """The site counts the seats and closes the registrations: shown until it is over."""
        return self.a_venir and not self.inscription_externe

    @property
    def liste_attente(self):
        """Registering on the site now gives a place on the waitlist, not a seat."""
        return self.complet and self.inscriptions_ouvertes

    @property
    def bouton_inscription(self):
        """« S'inscrire » (or « Rejoindre la liste d'attente ») at the top of the page."""
        return self.inscriptions_ouvertes or (self.a_venir and self.inscription_externe)
