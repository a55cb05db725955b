from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission
from wagtail.signals import page_published

from ressources import page_cache

from . import changements
from .models import AgendaPage, AtelierPage, Inscription
from .models.ateliers import ANIMATEURS

ANIMATOR_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]


@receiver(page_published, sender=AtelierPage)
def announce_changes(sender, instance, **kwargs):
    changements.a_la_publication(instance)


# A registration taken, cancelled or promoted changes the free seats kept pages show.
post_save.connect(page_cache.forget_seats, sender=Inscription, dispatch_uid="page_cache_seats")
post_delete.connect(page_cache.forget_seats, sender=Inscription, dispatch_uid="page_cache_seats_d")


@receiver(post_save, sender=AgendaPage)
def let_animators_run_the_agenda(sender, instance, created, **kwargs):
    """Animateurs create, edit, publish and cancel workshops under the agenda, nowhere else."""
    if not created:
        return
    group, _created = Group.objects.get_or_create(name=ANIMATEURS)
    for action in ANIMATOR_PAGE_ACTIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=instance,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )
