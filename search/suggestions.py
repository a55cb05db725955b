"""Help with the words: the correction of a query that finds nothing, and suggestions as you type.

The vocabulary is the words of the titles, summaries and taxonomy names of the entries of a
language (not the full texts: a suggestion should name something the site is about). It is
built on demand and kept in the cache for an hour."""

import difflib
from collections import Counter, defaultdict

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from . import results_cache
from .analysis import STOPWORDS, WORD, fold, meaningful, words
from .engines import engine
from .models import Entree

VOCABULARY_TIMEOUT = 3600
SIMILARITY = 0.75
AUTOCOMPLETE_LIMIT = 8


def vocabulary(locale):
    """``{folded word: its most frequent spelling}`` for the language of ``locale``."""
    key = f"recherche:vocabulaire:{locale.language_code}"
    words_ = cache.get(key)
    if words_ is None:
        spellings = defaultdict(Counter)
        rows = Entree.objects.filter(locale=locale).values_list("title", "chapo", "taxons")
        for row in rows.iterator(chunk_size=2000):
            for text in row:
                for word in WORD.findall(text):
                    folded = fold(word)
                    if len(folded) > 2 and folded not in STOPWORDS and not folded.isdigit():
                        spellings[folded][word.lower()] += 1
        words_ = {folded: forms.most_common(1)[0][0] for folded, forms in spellings.items()}
        cache.set(key, words_, VOCABULARY_TIMEOUT)
    return words_


def correction(text, locale):
    """The query with each unknown word replaced by the closest word of the vocabulary,
    or ``None`` when every word is known or nothing is close enough."""
    known = vocabulary(locale)
    if not known:
        return None
    changed = False
    corrected = []
    for word in words(text):
        folded = fold(word)
        if not meaningful(word) or folded in known or folded.isdigit():
            corrected.append(word)
            continue
        close = difflib.get_close_matches(folded, known.keys(), n=1, cutoff=SIMILARITY)
        if close:
            corrected.append(known[close[0]])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None


def autocomplete(text, locale, limit=AUTOCOMPLETE_LIMIT):
    """Titles of the entries that start like what is being typed, the latest first (a ranking
    would add nothing to a prefix match)."""
    now = timezone.now()
    entries = (
        Entree.objects.filter(locale=locale)
        .filter(Q(fin__isnull=True) | Q(fin__gt=now))
        .select_related("page")
    )
    return results_cache.objects(
        results_cache.key("autocomplete", locale.pk, text, limit),
        entries,
        lambda: engine().autocomplete(entries, text, limit),
    )
