"""When a published workshop moves or is cancelled, every registrant is told, with a calendar
file that updates (same UID, higher SEQUENCE) or cancels (METHOD:CANCEL) the entry; and
« Écrire à tous les inscrits », the animators' message to them."""

from ressources import emails

from . import calendrier, notifications
from .models import AtelierPage, Inscription


def annonce(atelier):
    """What the workshop's page says of its date, place and status, as registrants are told
    it (kept in ``atelier.annonce`` once told)."""
    return {
        "debut": atelier.debut.isoformat(),
        "fin": atelier.fin.isoformat(),
        "format": atelier.format,
        "adresse": atelier.adresse,
        "lien_visio": atelier.lien_visio,
        "annule": atelier.annule,
    }


def a_la_publication(atelier):
    """Compare what is published with what registrants were last told; tell them the news."""
    actuelle = annonce(atelier)
    precedente = atelier.annonce or {}
    if precedente == actuelle:
        return 0
    sequence = atelier.sequence + 1 if precedente else atelier.sequence
    AtelierPage.objects.filter(pk=atelier.pk).update(annonce=actuelle, sequence=sequence)
    atelier.annonce, atelier.sequence = actuelle, sequence
    if not precedente:
        return 0  # first publication: nobody registered yet
    annule = actuelle["annule"] and not precedente.get("annule")
    return prevenir_les_inscrits(atelier, annule=annule)


def prevenir_les_inscrits(atelier, annule):
    inscriptions = atelier.inscriptions.filter(anonymisee_at__isnull=True)
    template = "evenements/emails/annulation" if annule else "evenements/emails/changement"
    sent = 0
    for inscription in inscriptions:
        inscription.atelier = atelier  # the page as just published, not read again
        attachments = []
        if annule or inscription.statut == Inscription.Statut.CONFIRMEE:
            attachments = [calendrier.invitation(inscription, cancelled=annule)]
        sent += emails.notify(
            [inscription.email],
            template,
            notifications.contexte(inscription),
            attachments=attachments,
        )
    return sent


def destinataires(atelier, avec_liste_attente=True):
    """The registrations « écrire à tous » writes to."""
    inscriptions = atelier.inscriptions.filter(anonymisee_at__isnull=True)
    if not avec_liste_attente:
        inscriptions = inscriptions.filter(statut=Inscription.Statut.CONFIRMEE)
    return inscriptions


def ecrire_aux_inscrits(atelier, sujet, message, avec_liste_attente=True):
    """« Écrire à tous les inscrits »: one e-mail, the addresses in Bcc. Returns how many
    addresses it went to (0: nobody to write to, or the mail server failed)."""
    adresses = list(destinataires(atelier, avec_liste_attente).values_list("email", flat=True))
    sent = emails.notify(
        adresses,
        "evenements/emails/message",
        {
            "atelier": atelier,
            "sujet": sujet,
            "message": message,
            "url": emails.absolute(atelier.url or ""),
        },
        bcc=True,
    )
    return len(adresses) if sent else 0
