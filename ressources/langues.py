"""English as a second language, not a dead end: what a reader of another language is shown
of the pages that exist only in the site's source language (``LANGUAGE_CODE``, French).

Listings in another language add the source-language pages not translated yet, each
annotated with its ``langue`` so that a card says it and marks its text with ``lang``; a
page without a translation is served in its own language at its « version originale »
address of the reader's language (``ressources.views.version_originale``), under a notice.
"""

from django.conf import settings
from django.db.models import F, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

# As a sentence says them: « Cette page n'existe qu'en français », "…only in French".
LANGUAGE_NAMES = {"fr": _("français"), "en": _("anglais")}


def language_name(code):
    """The language ``code`` as the active language names it in a sentence."""
    return LANGUAGE_NAMES.get(code[:2], code)


def other_language(code):
    """``code`` when it is not the active language (what a ``lang`` attribute then says),
    else ""."""
    return code if code and code[:2] != (translation.get_language() or "")[:2] else ""


def with_untranslated(pages, locale):
    """``pages`` (live, public pages of any language) in ``locale``, and the source-language
    ones that have no live translation in ``locale`` yet; each annotated with its ``langue``.
    Still one query: the translations are a subquery."""
    translated = Page.objects.live().filter(locale=locale).values("translation_key")
    source = Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(translation_key__in=translated)
    return pages.filter(Q(locale=locale) | source).annotate(langue=F("locale__language_code"))


def untranslated_fallback(model, locale):
    """What a listing of ``model`` pages in ``locale`` shows when it finds nothing in that
    language: those pages with the source-language ones not translated yet
    (``with_untranslated``); None in the source language."""
    if locale.language_code == settings.LANGUAGE_CODE:
        return None
    return with_untranslated(model.objects.live().public(), locale)


def version_originale_url(page, language):
    """Where a reader of ``language`` reads ``page``, which has no translation in it: the
    page in its own language, with the site's menus and notices in theirs."""
    with translation.override(language):
        return reverse("version_originale", kwargs={"pk": page.pk})
