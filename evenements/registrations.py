"""Taking a seat, waiting for one, giving it back. Seats are counted inside a transaction that
locks the workshop's row, so two people asking for the last seat at the same moment cannot
both get it (PostgreSQL: SELECT … FOR UPDATE; SQLite: one writer at a time)."""

from django.core import signing
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ressources import emails

from . import calendrier
from .models import AtelierPage, Inscription

SALT = "evenements.inscription"
DEJA_INSCRIT = _("Cette adresse e-mail est déjà inscrite à cet atelier : vérifiez vos e-mails.")


class InscriptionError(Exception):
    pass


def _locked(atelier):
    return AtelierPage.objects.select_for_update(of=("self",)).get(pk=atelier.pk)


def inscrire(atelier, *, nom, email, structure="", besoins="", now=None):
    """A confirmed seat while there is one, else a place on the waitlist."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            atelier = _locked(atelier)
            if not atelier.inscriptions_ouvertes(now):
                raise InscriptionError(_("Les inscriptions à cet atelier sont closes."))
            if atelier.inscriptions.filter(email=email, anonymisee_at__isnull=True).exists():
                raise InscriptionError(DEJA_INSCRIT)
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
        raise InscriptionError(DEJA_INSCRIT) from None
    transaction.on_commit(lambda: envoyer_confirmation(inscription))
    return inscription


def annuler(inscription):
    """Give the seat back: the person's data is deleted, and the first person on the
    waitlist (if any) gets the seat and an e-mail. A workshop that is over keeps its list."""
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
        inscription.delete()
        promue = None
        if had_seat and not atelier.annule and not atelier.est_passe:
            promue = (
                atelier.inscriptions.filter(
                    statut=Inscription.Statut.ATTENTE, anonymisee_at__isnull=True
                )
                .order_by("created_at", "pk")
                .first()
            )
            if promue is not None:
                promue.statut = Inscription.Statut.CONFIRMEE
                promue.promue_at = timezone.now()
                promue.save(update_fields=["statut", "promue_at"])
    if promue is not None:
        transaction.on_commit(lambda: envoyer_promotion(promue))
    return promue


def rang(inscription):
    """Position on the waitlist (1 = next to get a seat), or None for a confirmed seat."""
    if inscription.statut != Inscription.Statut.ATTENTE:
        return None
    earlier = inscription.atelier.inscriptions.filter(
        statut=Inscription.Statut.ATTENTE, anonymisee_at__isnull=True
    ).filter(
        models.Q(created_at__lt=inscription.created_at)
        | models.Q(created_at=inscription.created_at, pk__lt=inscription.pk)
    )
    return earlier.count() + 1


def lien(inscription):
    """The personal, signed, unguessable path to see or cancel a registration."""
    return reverse("inscription", args=[signing.dumps(inscription.token, salt=SALT)])


def depuis_lien(signed):
    """The registration of a personal link, or InscriptionError (tampered, or no longer there)."""
    try:
        token = signing.loads(signed, salt=SALT)
    except signing.BadSignature:
        raise InscriptionError(
            _("Ce lien n'est pas valable : il a peut-être été mal copié.")
        ) from None
    inscription = (
        Inscription.objects.filter(token=token, anonymisee_at__isnull=True)
        .select_related("atelier")
        .first()
    )
    if inscription is None:
        raise InscriptionError(
            _(
                "Cette inscription n'existe plus : elle a été annulée, ou l'atelier est passé "
                "depuis longtemps."
            )
        )
    return inscription


def _context(inscription):
    return {
        "inscription": inscription,
        "atelier": inscription.atelier,
        "lien": emails.absolute(lien(inscription)),
        "url": emails.absolute(inscription.atelier.url or ""),
    }


def envoyer_confirmation(inscription):
    attente = inscription.statut == Inscription.Statut.ATTENTE
    emails.notify(
        [inscription.email],
        "evenements/emails/attente" if attente else "evenements/emails/confirmation",
        _context(inscription),
        attachments=[] if attente else [calendrier.attachment(inscription.atelier)],
    )


def envoyer_promotion(inscription):
    emails.notify(
        [inscription.email],
        "evenements/emails/promotion",
        _context(inscription),
        attachments=[calendrier.attachment(inscription.atelier)],
    )
