"""Taking a seat, waiting for one, giving it back, being given one. Seats are counted inside a
transaction that locks the workshop's row, so two people asking for the last seat at the same
moment cannot both get it (PostgreSQL: SELECT … FOR UPDATE; SQLite: one writer at a time).
E-mails go once the transaction is committed (notifications.py)."""

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import notifications
from .models.inscriptions import Inscription, new_token


class InscriptionError(Exception):
    pass


class DejaInscrit(InscriptionError):
    """The address already has a registration for this workshop. Nobody is told so on the
    page (it would reveal who registered): the person gets their links again by e-mail."""

    def __init__(self, inscription):
        super().__init__(_("Cette adresse est déjà inscrite à cet atelier."))
        self.inscription = inscription


def _locked(atelier):
    """The workshop read again, its row locked until the transaction ends."""
    return type(atelier).objects.select_for_update(of=("self",)).get(pk=atelier.pk)


def _en_cours(atelier):
    return atelier.inscriptions.filter(anonymisee_at__isnull=True)


def inscrire(atelier, *, nom, email, structure="", besoins="", now=None):
    """A confirmed seat while there is one, else a place on the waitlist; DejaInscrit for an
    address already registered."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            atelier = _locked(atelier)
            if not atelier.inscriptions_ouvertes(now):
                raise InscriptionError(_("Les inscriptions à cet atelier sont closes."))
            existante = _en_cours(atelier).filter(email=email).first()
            if existante is not None:
                raise DejaInscrit(existante)
            confirmed = atelier.inscriptions.filter(statut=Inscription.Statut.CONFIRMEE).count()
            statut = (
                Inscription.Statut.CONFIRMEE
                if confirmed < atelier.capacite
                else Inscription.Statut.ATTENTE
            )
            inscription = Inscription.objects.create(
                atelier=atelier,
                statut=statut,
                nom=nom.strip(),
                email=email,
                structure=structure.strip(),
                besoins=besoins.strip(),
            )
    except IntegrityError:  # the same address, a moment ago
        raise DejaInscrit(_en_cours(atelier).filter(email=email).first()) from None
    transaction.on_commit(lambda: notifications.confirmer_inscription(inscription))
    return inscription


def annuler(inscription, par=None, oubli=False):
    """Give the seat back: the person's data is deleted, and the first person on the
    waitlist (if any) gets the seat. ``par``: the animator who cancels it from the admin
    (None: the person themselves). ``oubli``: the person deletes their account; only the
    one given the seat is told, as the other notices would carry the name of somebody who
    asked to be forgotten. A workshop that is over keeps its list."""
    if inscription.atelier.est_passe:
        raise InscriptionError(
            _("Cet atelier est passé : l'inscription ne peut plus être annulée.")
        )
    with transaction.atomic():
        atelier = _locked(inscription.atelier)
        inscription = Inscription.objects.filter(pk=inscription.pk).first()
        if inscription is None:
            return None
        had_seat = inscription.statut == Inscription.Statut.CONFIRMEE
        inscription.delete()  # the object keeps its values for the e-mails
        promue = None
        if had_seat and not atelier.annule and not atelier.est_passe:
            promue = (
                _en_cours(atelier)
                .filter(statut=Inscription.Statut.ATTENTE)
                .order_by("created_at", "pk")
                .first()
            )
            if promue is not None:
                _confirmer(promue)
    if oubli:
        transaction.on_commit(lambda: promue and notifications.promotion_automatique(promue))
    else:
        transaction.on_commit(lambda: notifications.annulation(atelier, inscription, promue, par))
    return promue


def promouvoir(inscription, par):
    """An animator gives a seat to someone on the waitlist, even when none is free: it is
    their call (the workshop then has more participants than seats)."""
    with transaction.atomic():
        atelier = _locked(inscription.atelier)
        inscription = _en_cours(atelier).filter(pk=inscription.pk).first()
        if inscription is None:
            raise InscriptionError(_("Cette inscription n'existe plus."))
        if inscription.statut != Inscription.Statut.ATTENTE:
            raise InscriptionError(_("Cette personne a déjà une place confirmée."))
        if atelier.annule or atelier.est_passe:
            raise InscriptionError(
                _("Cet atelier est annulé ou passé : personne ne peut plus y avoir de place.")
            )
        _confirmer(inscription)
    transaction.on_commit(lambda: notifications.promotion(atelier, inscription, par))
    return inscription


def _confirmer(inscription):
    inscription.statut = Inscription.Statut.CONFIRMEE
    inscription.promue_at = timezone.now()
    inscription.save(update_fields=["statut", "promue_at"])


def rang(inscription):
    """Position on the waitlist (1 = next to get a seat), or None for a confirmed seat."""
    if inscription.statut != Inscription.Statut.ATTENTE:
        return None
    earlier = (
        _en_cours(inscription.atelier)
        .filter(statut=Inscription.Statut.ATTENTE)
        .filter(
            models.Q(created_at__lt=inscription.created_at)
            | models.Q(created_at=inscription.created_at, pk__lt=inscription.pk)
        )
    )
    return earlier.count() + 1


def anonymiser(inscriptions, now=None):
    """Erase the personal data of ``inscriptions`` (a queryset), keeping their date and
    status for the counts; their personal links stop working (new token). Returns how many."""
    now = now or timezone.now()
    count = 0
    for inscription in inscriptions.filter(anonymisee_at__isnull=True).only("pk"):
        count += Inscription.objects.filter(pk=inscription.pk).update(
            nom="",
            email="",
            structure="",
            besoins="",
            token=new_token(),
            anonymisee_at=now,
        )
    return count
