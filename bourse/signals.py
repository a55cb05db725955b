"""What keeps the annonces' search entries in step (``bourse.cherchable``): each save of an
annonce (published, changed, sent back, closed, renewed) or of its structure (its name shows
on the entries), once the change is committed (its domaines and départements are written
after the annonce, in the same transaction). An annonce marked expirée in bulk
(``tasks.expirer_annonces``) sends no signal: its entry already ended with its day (``fin``),
and ``update_index`` removes it."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search import indexation
from structures.models import Structure

from .cherchable import SOURCE
from .models import Annonce


def synchroniser_plus_tard(pks):
    transaction.on_commit(lambda: indexation.synchroniser_objets(SOURCE, pks))


@receiver(post_save, sender=Annonce)
@receiver(post_delete, sender=Annonce)
def suivre_annonce(sender, instance, raw=False, **kwargs):
    if not raw:
        synchroniser_plus_tard([instance.pk])


@receiver(post_save, sender=Structure)
def suivre_structure(sender, instance, raw=False, **kwargs):
    if raw:
        return
    pks = list(instance.annonces.publiques().values_list("pk", flat=True))
    if pks:
        synchroniser_plus_tard(pks)
