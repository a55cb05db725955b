"""What happens to an annonce: saved, submitted, moderated, withdrawn, fulfilled, expired.
The views and the admin call these; each change of state says why it is refused
(``AnnonceError``), never a 500."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import cloture, dates, tasks
from .models import FERMEES, Annonce, AnnonceDepartement, Etat, Resultat, Signalement


class AnnonceError(Exception):
    """A change of state this annonce cannot take now."""


@transaction.atomic
def enregistrer(annonce, departements, domaines):
    """Save ``annonce`` (new or changed) with its départements and domaines. A published
    annonce that changes stays published and goes back to the Modérateurs' list."""
    if annonce.etat == Etat.PUBLIEE:
        annonce.relue_le = None
    annonce.save()
    annonce.domaines.set(domaines)
    annonce.departements.all().delete()
    AnnonceDepartement.objects.bulk_create(
        AnnonceDepartement(annonce=annonce, departement=code) for code in sorted(set(departements))
    )
    return annonce


def deja_publiee(structure, sauf=None):
    """Whether ``structure`` had an annonce published before (moderated once, trusted)."""
    annonces = Annonce.objects.filter(structure=structure, published_at__isnull=False)
    if sauf is not None:
        annonces = annonces.exclude(pk=sauf.pk)
    return annonces.exists()


def soumettre(annonce):
    """A draft goes to moderation if it is its structure's first (or was sent back by a
    Modérateur), else is published at once (read by the Modérateurs afterwards). Returns the
    new state."""
    if annonce.etat != Etat.BROUILLON:
        raise AnnonceError(_("Seul un brouillon peut être soumis."))
    if annonce.fin < dates.aujourdhui():
        raise AnnonceError(_("La date de fin est passée : choisissez-en une nouvelle."))
    # Sent back by a Modérateur: read again before it goes out, whatever its structure did.
    renvoyee = bool(annonce.commentaire_moderation)
    if deja_publiee(annonce.structure, sauf=annonce) and not renvoyee:
        publier(annonce, relue=False)
    else:
        annonce.etat = Etat.MODERATION
        annonce.save(update_fields=["etat", "updated_at"])
    return annonce.etat


def publier(annonce, relue=True):
    annonce.etat = Etat.PUBLIEE
    annonce.published_at = annonce.published_at or timezone.now()
    annonce.relue_le = timezone.now() if relue else None
    annonce.commentaire_moderation = ""
    annonce.save(
        update_fields=["etat", "published_at", "relue_le", "commentaire_moderation", "updated_at"]
    )


def approuver(annonce):
    """A Modérateur publishes an annonce in moderation, or marks a published one as read."""
    if annonce.etat not in (Etat.MODERATION, Etat.PUBLIEE):
        raise AnnonceError(_("Cette annonce n'attend pas de modération."))
    premiere = annonce.etat == Etat.MODERATION
    publier(annonce)
    if premiere:
        transaction.on_commit(lambda: tasks.notifier_decision.enqueue(annonce.pk, True, ""))


def refuser(annonce, commentaire):
    """Back to draft (taken down if it was published), with the Modérateur's comment,
    e-mailed to its author."""
    if annonce.etat not in (Etat.MODERATION, Etat.PUBLIEE):
        raise AnnonceError(_("Cette annonce n'attend pas de modération."))
    annonce.etat = Etat.BROUILLON
    annonce.commentaire_moderation = commentaire
    annonce.relue_le = timezone.now()
    annonce.save(update_fields=["etat", "commentaire_moderation", "relue_le", "updated_at"])
    transaction.on_commit(lambda: tasks.notifier_decision.enqueue(annonce.pk, False, commentaire))


def fermer(annonce, etat, resultat=""):
    """« Retirer » (from any open state) or « pourvue » (a published annonce only), with how
    it ended (``Resultat``): « pourvue » is always « aidee »; a withdrawn annonce says
    « plus-besoin » or « sans-reponse » when its author chose, else nothing (a draft that
    never went out)."""
    if annonce.etat in FERMEES:
        raise AnnonceError(_("Cette annonce est déjà close."))
    if etat == Etat.POURVUE and annonce.etat != Etat.PUBLIEE:
        raise AnnonceError(_("Seule une annonce publiée peut être marquée pourvue."))
    annonce.etat = etat
    annonce.closed_at = timezone.now()
    annonce.resultat = Resultat.AIDEE if etat == Etat.POURVUE else resultat
    with transaction.atomic():
        annonce.save(update_fields=["etat", "closed_at", "resultat", "updated_at"])
        # Its conversations close with it: no new message, erased twelve months later.
        cloture.fermer_conversations(Annonce.objects.filter(pk=annonce.pk), annonce.closed_at)


def signaler(annonce, motif, commentaire=""):
    signalement = Signalement.objects.create(annonce=annonce, motif=motif, commentaire=commentaire)
    transaction.on_commit(lambda: tasks.transmettre_signalement.enqueue(signalement.pk))
    return signalement


def renouveler(annonce, fin_connue):
    """« Toujours d'actualité »: the annonce runs again for its default duration from today
    (never beyond the maximum), published again if it had just expired, and its reminders
    start over. ``fin_connue`` is the end date the author saw: one conditional UPDATE, so a
    second click (or an old e-mail) finds the new date and does nothing. Returns the new end."""
    if annonce.etat not in (Etat.PUBLIEE, Etat.EXPIREE):
        raise AnnonceError(_("Seule une annonce publiée ou qui vient d'expirer se renouvelle."))
    nouvelle_fin = dates.fin_par_defaut(annonce.sens)
    changees = Annonce.objects.filter(
        pk=annonce.pk, fin=fin_connue, etat__in=[Etat.PUBLIEE, Etat.EXPIREE]
    ).update(
        fin=nouvelle_fin,
        etat=Etat.PUBLIEE,
        closed_at=None,
        rappel_avant_fin_le=None,
        rappel_fin_le=None,
        updated_at=timezone.now(),
    )
    if not changees:
        raise AnnonceError(_("Cette annonce a déjà été renouvelée ou close entre-temps."))
    annonce.refresh_from_db()
    return nouvelle_fin


def noter_resultat(annonce, resultat):
    """The outcome a lifecycle link says (« Pourvue »: aidee, « Retirer »: plus-besoin),
    unless one was already recorded (the outcome of an exchange says more)."""
    Annonce.objects.filter(pk=annonce.pk, resultat="").update(resultat=resultat)
