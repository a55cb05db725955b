"""The e-mails of registrations: to the person (confirmation or waitlist, their links again, a
seat given, a cancellation confirmed), each with a « voir » and a separate « annuler » link,
and to the workshop's animators (every cancellation and every promotion). Sent once the
change is committed (inscriptions.py), in the workshop's language."""

from django.urls import reverse

from ressources import emails

from . import calendrier, liens
from .models.inscriptions import Inscription


def contexte(inscription):
    """What every e-mail to a registrant may show: their two links and the workshop's page."""
    atelier = inscription.atelier
    return {
        "inscription": inscription,
        "atelier": atelier,
        "lien": emails.absolute(liens.voir(inscription)),
        "lien_annuler": emails.absolute(liens.annuler(inscription)),
        "jours_liens": liens.LIENS_VALABLES_APRES.days,
        "url": emails.absolute(atelier.url or ""),
    }


def _langue(atelier):
    return atelier.locale.language_code


def _a_une_place(inscription):
    return inscription.statut == Inscription.Statut.CONFIRMEE


def _invitation(inscription):
    return [calendrier.invitation(inscription)] if _a_une_place(inscription) else []


def confirmer_inscription(inscription):
    """A seat (with the calendar invitation) or a place on the waitlist."""
    template = "confirmation" if _a_une_place(inscription) else "attente"
    emails.notify(
        [inscription.email],
        f"evenements/emails/{template}",
        contexte(inscription),
        language=_langue(inscription.atelier),
        attachments=_invitation(inscription),
    )


def renvoyer_liens(inscription):
    """« Renvoyer mon lien », or a second registration with the same address."""
    return emails.notify(
        [inscription.email],
        "evenements/emails/liens",
        contexte(inscription),
        language=_langue(inscription.atelier),
        attachments=_invitation(inscription),
    )


def annulation(atelier, inscription, promue, par):
    """``inscription`` is deleted (the object keeps its values): the person gets a
    confirmation, the next person on the waitlist their seat, the animators the news."""
    emails.notify(
        [inscription.email],
        "evenements/emails/annulation_confirmee",
        {
            "inscription": inscription,
            "atelier": atelier,
            "par_animateur": par is not None,
            "url": emails.absolute(atelier.url or ""),
        },
        language=_langue(atelier),
        attachments=[calendrier.invitation(inscription, cancelled=True)]
        if _a_une_place(inscription)
        else [],
    )
    if promue is not None:
        promotion_automatique(promue)
    _prevenir_animateurs(
        atelier,
        "evenements/emails/animateurs_annulation",
        {"inscription": inscription, "promue": promue},
        par,
    )


def promotion_automatique(inscription):
    """A seat given back went to ``inscription``, first on the waitlist."""
    _place_donnee(inscription, manuelle=False)


def promotion(atelier, inscription, par):
    """An animator gave a seat to someone on the waitlist."""
    _place_donnee(inscription, manuelle=True)
    _prevenir_animateurs(
        atelier, "evenements/emails/animateurs_promotion", {"inscription": inscription}, par
    )


def _place_donnee(inscription, manuelle):
    emails.notify(
        [inscription.email],
        "evenements/emails/promotion",
        {**contexte(inscription), "manuelle": manuelle},
        language=_langue(inscription.atelier),
        attachments=_invitation(inscription),
    )


def _prevenir_animateurs(atelier, template, context, par):
    """One e-mail to the workshop's animators (addresses hidden from each other), except the
    one who did it."""
    adresses = [
        compte.email
        for compte in atelier.comptes_animateurs()
        if compte.email and (par is None or compte.pk != par.pk)
    ]
    emails.notify(
        adresses,
        template,
        {
            **context,
            "atelier": atelier,
            "par": par,
            "confirmees": atelier.inscriptions.filter(statut=Inscription.Statut.CONFIRMEE).count(),
            "inscriptions_url": emails.absolute(
                reverse("evenements_admin:inscriptions", args=[atelier.pk])
            ),
        },
        bcc=True,
    )
