"""What changes the open datasets: a page published, unpublished, moved, deleted or made
private (or public again), a structure edited. Each asks for a regeneration once the change
is committed (``tasks.demander_publication``, debounced): the worker never reads a change that
may still roll back, and a request never waits for the files."""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from structures.models import Structure

from .tasks import demander_publication


def contenu_modifie(sender, **kwargs):
    if kwargs.get("raw") or not settings.DONNEES_PUBLICATION_AUTOMATIQUE:
        return
    transaction.on_commit(demander_publication)


page_published.connect(contenu_modifie, dispatch_uid="donnees_publiee")
page_unpublished.connect(contenu_modifie, dispatch_uid="donnees_depubliee")
post_page_move.connect(contenu_modifie, dispatch_uid="donnees_deplacee")
for model in (PageViewRestriction, Structure):
    post_save.connect(contenu_modifie, sender=model, dispatch_uid=f"donnees_{model.__name__}")
    post_delete.connect(contenu_modifie, sender=model, dispatch_uid=f"donnees_d{model.__name__}")
# Each page type by name: a receiver for every model would deny Django's fast deletes.
for model in apps.get_models():
    if issubclass(model, Page):
        post_delete.connect(contenu_modifie, sender=model, dispatch_uid=f"donnees_d{model}")
