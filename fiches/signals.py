from allauth.account.signals import user_signed_up
from django.contrib.auth.models import Group
from django.dispatch import receiver
from django.urls import reverse
from wagtail.signals import page_published, workflow_approved, workflow_rejected
from wagtail.users.models import UserProfile

from ressources import emails as notifications

from . import moderation
from .models import FichePage

CONTRIBUTEURS = "Contributeurs"


@receiver(user_signed_up)
def add_to_contributeurs(request, user, **kwargs):
    """Everyone who signs up on the public site is a contributor (no admin access). Wagtail's
    own moderation e-mails point into the admin: contributors get ours instead."""
    group, _created = Group.objects.get_or_create(name=CONTRIBUTEURS)
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.save(update_fields=["approved_notifications", "rejected_notifications"])


@receiver(page_published, sender=FichePage)
def publish_files(sender, instance, **kwargs):
    moderation.on_publish(instance)


def _fiche_and_author(workflow_state):
    fiche = workflow_state.content_object
    fiche = getattr(fiche, "specific", fiche)
    if not isinstance(fiche, FichePage):
        return None, None
    author = workflow_state.requested_by
    if author is None or author.has_perm("wagtailadmin.access_admin"):
        return None, None  # staff get Wagtail's own e-mails
    return fiche, author


@receiver(workflow_approved)
def tell_author_published(sender, instance, user=None, **kwargs):
    fiche, author = _fiche_and_author(instance)
    if fiche is None:
        return
    fiche = FichePage.objects.get(pk=fiche.pk)
    notifications.notify(
        [author.email],
        "fiches/emails/fiche_publiee",
        {"fiche": fiche, "url": notifications.absolute(fiche.url)},
    )


@receiver(workflow_rejected)
def tell_author_changes_requested(sender, instance, user=None, **kwargs):
    fiche, author = _fiche_and_author(instance)
    if fiche is None:
        return
    notifications.notify(
        [author.email],
        "fiches/emails/fiche_a_corriger",
        {
            "fiche": fiche,
            "commentaire": moderation.commentaire(instance),
            "url": notifications.absolute(reverse("fiche_modifier", args=[fiche.pk])),
        },
    )
