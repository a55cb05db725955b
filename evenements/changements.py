"""When a published workshop moves or is cancelled, every registrant is told, with a calendar
file that updates (same UID, higher SEQUENCE) or cancels (METHOD:CANCEL) the entry."""

from ressources import emails

from . import calendrier, notifications
from .models import AtelierPage, Inscription

ANNOUNCED = ("debut", "fin", "format", "adresse", "lien_visio", "annule")


def announcement(atelier):
    return {
        "debut": atelier.debut.isoformat(),
        "fin": atelier.fin.isoformat(),
        "format": atelier.format,
        "adresse": atelier.adresse,
        "lien_visio": atelier.lien_visio,
        "annule": atelier.annule,
    }


def on_publish(atelier):
    """Compare what is published with what registrants were last told; tell them the news."""
    current = announcement(atelier)
    previous = atelier.annonce or {}
    if previous == current:
        return 0
    sequence = atelier.sequence + 1 if previous else atelier.sequence
    AtelierPage.objects.filter(pk=atelier.pk).update(annonce=current, sequence=sequence)
    atelier.annonce, atelier.sequence = current, sequence
    if not previous:
        return 0  # first publication: nobody registered yet
    cancelled = current["annule"] and not previous.get("annule")
    return tell_registrants(atelier, cancelled=cancelled)


def tell_registrants(atelier, cancelled):
    inscriptions = atelier.inscriptions.filter(anonymisee_at__isnull=True)
    template = "evenements/emails/annulation" if cancelled else "evenements/emails/changement"
    sent = 0
    for inscription in inscriptions:
        inscription.atelier = atelier  # the page as just published, not read again
        attachments = []
        if cancelled or inscription.statut == Inscription.Statut.CONFIRMEE:
            attachments = [calendrier.invitation(inscription, cancelled=cancelled)]
        sent += emails.notify(
            [inscription.email],
            template,
            notifications.contexte(inscription),
            attachments=attachments,
        )
    return sent


def recipients(atelier, include_waitlist=True):
    """The registrations « écrire à tous » writes to."""
    inscriptions = atelier.inscriptions.filter(anonymisee_at__isnull=True)
    if not include_waitlist:
        inscriptions = inscriptions.filter(statut=Inscription.Statut.CONFIRMEE)
    return inscriptions


def write_to_all(atelier, subject, message, include_waitlist=True):
    """« Écrire à tous les inscrits »: one e-mail, the addresses in Bcc. Returns how many
    addresses it went to (0: nobody to write to, or the mail server failed)."""
    addresses = list(recipients(atelier, include_waitlist).values_list("email", flat=True))
    sent = emails.notify(
        addresses,
        "evenements/emails/message",
        {
            "atelier": atelier,
            "sujet": subject,
            "message": message,
            "url": emails.absolute(atelier.url or ""),
        },
        bcc=True,
    )
    return len(addresses) if sent else 0
