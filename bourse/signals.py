"""What keeps the annonces' search entries in step (``bourse.cherchable``): each save of an
annonce (published, changed, sent back, closed, renewed) or of its structure (its name shows
on the entries), once the change is committed (its domaines and départements are written
after the annonce, in the same transaction). Annonces marked expirée in bulk send no signal:
``tasks.expirer_annonces`` asks for their entries itself."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from structures.models import Structure

from .cherchable import synchroniser_plus_tard
from .models import Annonce


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
