"""What other pages show of the agenda: the next workshops of a language, for the home page
(``templatetags/ateliers.py``)."""

from django.utils import timezone

from ressources.langues import with_untranslated
from ressources.listing import with_taxonomy_labels

from .listing import with_seats
from .models import AtelierPage


def ateliers_of_locale(locale):
    """The workshops of ``locale``, and those of the source language not translated yet."""
    return with_seats(with_untranslated(AtelierPage.objects.live().public(), locale))


def prochains(home, count=3):
    """The next workshops of ``home``'s agenda, for the home page."""
    upcoming = (
        ateliers_of_locale(home.locale)
        .filter(fin__gt=timezone.now(), annule=False)
        .order_by("debut")[:count]
    )
    return with_taxonomy_labels(upcoming)
