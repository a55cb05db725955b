"""A fiche's life as its contributors see it, on top of Wagtail's revisions and workflow.

brouillon → (soumettre) en modération → publiée, or → à corriger (moderator's comment)
→ (modifier, soumettre) en modération … A published fiche that is edited stays online as it
was; the new revision goes through moderation in turn."""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState

from structures.models import Structure

from .models.fiches import FichePage, PieceJointe

MAX_EN_MODERATION = 5


class Etat(models.TextChoices):
    BROUILLON = "brouillon", _("Brouillon")
    EN_MODERATION = "en-moderation", _("En modération")
    A_CORRIGER = "a-corriger", _("À corriger")
    PUBLIEE = "publiee", _("Publiée")
    DEPUBLIEE = "depubliee", _("Dépubliée")


ACTIONS = {
    Etat.BROUILLON: {"modifier", "soumettre"},
    Etat.EN_MODERATION: {"retirer"},
    Etat.A_CORRIGER: {"modifier", "soumettre"},
    Etat.PUBLIEE: {"modifier"},
    Etat.DEPUBLIEE: {"modifier", "soumettre"},
}


class ModerationError(Exception):
    pass


def fiches_of(user):
    """Every fiche of the structures ``user`` belongs to, drafts included."""
    return FichePage.objects.filter(structure__in=Structure.objects.of_member(user))


def get_fiche_for(user, pk):
    """The fiche, if one of ``user``'s structures wrote it; else 404 (not 403: others'
    drafts must not even be known to exist)."""
    fiche = fiches_of(user).filter(pk=pk).select_related("structure").first()
    if fiche is None:
        raise Http404
    return fiche


def workflow_states(fiches):
    """{fiche pk: its unfinished WorkflowState}, in one query for a whole list."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(fiche.pk) for fiche in fiches],
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ).select_related("current_task_state")
    return {int(state.object_id): state for state in states}


def etat(fiche, workflow_state):
    if workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return Etat.A_CORRIGER
        return Etat.EN_MODERATION
    if fiche.live:
        return Etat.PUBLIEE
    if fiche.first_published_at:
        return Etat.DEPUBLIEE
    return Etat.BROUILLON


def commentaire(workflow_state):
    """The moderator's request for changes, if there is one."""
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return ""
    task_state = workflow_state.current_task_state
    return task_state.get_comment() if task_state else ""


def describe(fiches):
    """Each fiche with ``etat``, ``commentaire``, ``actions`` and ``modifications_en_cours``."""
    fiches = list(fiches)
    states = workflow_states(fiches)
    for fiche in fiches:
        state = states.get(fiche.pk)
        fiche.etat = etat(fiche, state)
        fiche.commentaire = commentaire(state)
        fiche.actions = set(ACTIONS[fiche.etat])
        fiche.modifications_en_cours = fiche.live and fiche.has_unpublished_changes
        if fiche.modifications_en_cours and fiche.etat == Etat.PUBLIEE:
            fiche.actions.add("soumettre")
    return fiches


def describe_one(fiche):
    return describe([fiche])[0]


@transaction.atomic
def creer(index, fiche, user, pieces_jointes=()):
    """Save a new fiche as a draft (never live), owned by its author."""
    fiche.owner = user
    fiche.live = False
    fiche.locale = index.locale
    index.add_child(instance=fiche)
    fiche.save_revision(user=user, log_action=True)
    attacher(fiche, pieces_jointes)
    return fiche


@transaction.atomic
def enregistrer(fiche, user, pieces_jointes=(), a_retirer=()):
    """Save the edited fiche as a new revision; a published one stays online unchanged."""
    describe_one(fiche)
    if "modifier" not in fiche.actions:
        raise ModerationError(_("Cette fiche est en modération : retirez-la avant de la modifier."))
    fiche.save_revision(user=user, log_action=True)
    attacher(fiche, pieces_jointes)
    retirer_pieces_jointes(fiche, a_retirer)
    return fiche


def attacher(fiche, pieces_jointes):
    ids = [piece.pk for piece in pieces_jointes]
    PieceJointe.objects.filter(pk__in=ids).update(fiche=fiche)


def retirer_pieces_jointes(fiche, pieces):
    """Files removed by the contributor: deleted at once if never public, else kept online
    until a moderator approves the fiche."""
    for piece in fiche.pieces_jointes.filter(pk__in=[piece.pk for piece in pieces]):
        if piece.publiee:
            piece.a_retirer = True
            piece.save(update_fields=["a_retirer"])
        else:
            piece.fichier.delete(save=False)
            piece.delete()


@transaction.atomic
def soumettre(fiche, user):
    describe_one(fiche)
    if "soumettre" not in fiche.actions:
        raise ModerationError(_("Cette fiche ne peut pas être soumise dans son état actuel."))
    if fiche.etat == Etat.A_CORRIGER:
        fiche.current_workflow_state.resume(user)
        return fiche
    en_cours = WorkflowState.objects.filter(
        requested_by=user, status=WorkflowState.STATUS_IN_PROGRESS
    ).count()
    if en_cours >= MAX_EN_MODERATION:
        raise ModerationError(
            _(
                "Vous avez déjà %(max)d fiches en modération : attendez la réponse des "
                "modérateurs avant d'en soumettre une autre."
            )
            % {"max": MAX_EN_MODERATION}
        )
    fiche.get_workflow().start(fiche, user)
    return fiche


@transaction.atomic
def retirer_de_la_moderation(fiche, user):
    """The contributor takes back a fiche they submitted: a draft again, to edit."""
    describe_one(fiche)
    if "retirer" not in fiche.actions:
        raise ModerationError(_("Cette fiche n'est pas en modération."))
    fiche.current_workflow_state.cancel(user=user)
    return fiche


def on_publish(fiche):
    """Called when a moderator approves (publishes) a fiche: its new files go public, the
    removed ones go."""
    for piece in fiche.pieces_jointes.filter(a_retirer=True):
        piece.fichier.delete(save=False)
        piece.delete()
    fiche.pieces_jointes.filter(publiee=False).update(publiee=True)
