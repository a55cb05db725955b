"""The anonymous tally of searches behind the inventory.

The public search says when a search is typed (``search.signals.search_typed``: not when
someone turns a page or clicks a facet); it is counted here as its cleaned words, the day and
the language. Nothing about who searched is kept, and what looks like an e-mail address, a
telephone number or any other long number is masked. The most frequent searches go back to
the search page through the ``popular_searches`` hook (``inventaire.wagtail_hooks``)."""

import re

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.dispatch import receiver
from django.utils import timezone

from search.signals import search_typed

from .models import RechercheDuJour

EMAIL = re.compile(r"\S+@\S+")
LONG_NUMBER = re.compile(r"\+?\d[\d .-]{5,}\d")
MASK = "…"


def anonymised(text):
    text = EMAIL.sub(MASK, text)
    return LONG_NUMBER.sub(MASK, text).casefold()[:200]


def record(text, locale, result_count, when=None):
    requete = anonymised(text)
    if not requete.strip(" …"):
        return
    day = timezone.localdate(when)
    zero = 1 if result_count == 0 else 0
    counters = {"nombre": F("nombre") + 1, "sans_resultat": F("sans_resultat") + zero}
    rows = RechercheDuJour.objects.filter(jour=day, locale=locale, requete=requete)
    if rows.update(resultats=result_count, **counters):
        return
    try:
        with transaction.atomic():
            RechercheDuJour.objects.create(
                jour=day,
                locale=locale,
                requete=requete,
                nombre=1,
                sans_resultat=zero,
                resultats=result_count,
            )
    except IntegrityError:  # someone else typed the same words at the same moment
        rows.update(resultats=result_count, **counters)


@receiver(search_typed)
def record_typed_search(sender, text, locale, result_count, **kwargs):
    record(text, locale, result_count)


def popular(locale, days=90, limit=8):
    """The searches typed most often lately that found something."""
    since = timezone.localdate() - timezone.timedelta(days=days)
    return list(
        RechercheDuJour.objects.filter(locale=locale, jour__gte=since, resultats__gt=0)
        .values("requete")
        .annotate(total=Sum("nombre"))
        .order_by("-total", "requete")
        .values_list("requete", flat=True)[:limit]
    )
