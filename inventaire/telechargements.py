"""The anonymous daily tally of downloads: one more on today's row for each download the
public makes (``ressources.serving.file_downloaded``), whatever the file."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.dispatch import receiver
from django.utils import timezone

from ressources.serving import file_downloaded

from .models import TelechargementDuJour


def record(when=None):
    day = timezone.localdate(when)
    rows = TelechargementDuJour.objects.filter(jour=day)
    if rows.update(nombre=F("nombre") + 1):
        return
    try:
        with transaction.atomic():
            TelechargementDuJour.objects.create(jour=day, nombre=1)
    except IntegrityError:  # the day's first two downloads at the same moment
        rows.update(nombre=F("nombre") + 1)


@receiver(file_downloaded)
def record_download(sender, **kwargs):
    record()
