"""Reader feedback on guides, modèles and fiches: « Cette page vous a-t-elle été utile ? »
and « Signaler une erreur ».

Only live, public pages of those types take feedback. Nothing about the reader is kept: the
answer, its comment, the day and the page's language. An error report may carry an address
to answer, erased as soon as the report is treated, or ``ADRESSE_GARDEE`` after it."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from fiches.models import FichePage
from ressources import emails
from ressources.comptes import toutes_les_adresses
from ressources.models import RessourcePage
from ressources.verification import GROUPE_EDITEURS

from .models import RetourLecteur, SignalementErreur

#: How long the address of an error report is kept at most, if nobody treats it.
ADRESSE_GARDEE = timedelta(days=30)
GROUPE_MODERATEURS = "Modérateurs"


def page_a_commenter(page_id):
    """The live, public guide, modèle or fiche ``page_id``, or None (unknown, a draft, a
    fiche in moderation, a private page, another type)."""
    return (
        RessourcePage.objects.live()
        .public()
        .filter(pk=page_id)
        .select_related("locale", "content_type")
        .first()
    )


def repondre(page, utile, commentaire=""):
    return RetourLecteur.objects.create(
        page=page,
        utile=utile,
        commentaire=commentaire,
        jour=timezone.localdate(),
        locale_id=page.locale_id,
    )


def signaler(page, description, email=""):
    return SignalementErreur.objects.create(
        page=page,
        description=description,
        email=email,
        jour=timezone.localdate(),
        locale_id=page.locale_id,
    )


def traiter(signalement):
    """Treated: the reader's address, if any, is no longer needed."""
    signalement.traite_le = timezone.localdate()
    signalement.email = ""
    signalement.save(update_fields=["traite_le", "email"])


def adresse_effacee_le(signalement):
    return signalement.jour + ADRESSE_GARDEE


def effacer_adresses_expirees(today=None):
    """Erase the addresses kept past ``ADRESSE_GARDEE``. Returns how many."""
    limite = (today or timezone.localdate()) - ADRESSE_GARDEE
    return SignalementErreur.objects.filter(jour__lt=limite).exclude(email="").update(email="")


def destinataires(page):
    """Who is told of an error: the moderators for a fiche, the editors for a guide or a
    modèle; active, with an address."""
    is_fiche = page.content_type.model_class() is FichePage
    groupe = GROUPE_MODERATEURS if is_fiche else GROUPE_EDITEURS
    return emails.adresses_des_groupes(groupe)


def signalements_de(adresses):
    condition = Q()
    for adresse in adresses:
        condition |= Q(email__iexact=adresse)
    return (
        SignalementErreur.objects.filter(condition)
        if adresses
        else SignalementErreur.objects.none()
    )


def donnees(user):
    """The error reports where a person left one of their addresses, for their data export."""
    return [
        {
            "page": signalement.page.title,
            "description": signalement.description,
            "jour": signalement.jour,
        }
        for signalement in signalements_de(toutes_les_adresses(user)).select_related("page")
    ]


def supprimer_pour(user):
    """A deleted account's addresses are erased from the reports (the reports stay)."""
    signalements_de(toutes_les_adresses(user)).update(email="")
