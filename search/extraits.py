"""The few words of a result around what was searched, the matches marked with ``<mark>``."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import fold, stem

WORD = re.compile(r"\w+")
LENGTH = 220


def matcher(words, language="fr"):
    """A test telling whether a word of the text matches one of the searched ``words``:
    the same word without accents, or, past three letters, the same stem."""
    exact = {fold(word) for word in words}
    stems = {stem(word, language) for word in words}
    stems = {root for root in stems if len(root) >= 4}

    seen = {}  # a page of results repeats its words: each is folded once

    def matches(word):
        found = seen.get(word)
        if found is None:
            folded = fold(word)
            found = seen[word] = folded in exact or any(folded.startswith(r) for r in stems)
        return found

    return matches


def snippet(text, matches, length=LENGTH):
    """Up to ``length`` characters of ``text``, starting a little before the first match,
    HTML-escaped, matches inside ``<mark>``. The text is read up to the end of the snippet
    only: a guide's text can be long."""
    if not text:
        return ""
    words = WORD.finditer(text)
    first = next((found for found in words if matches(found.group())), None)
    start = 0
    if first and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 4) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    spans = [first] if first else []
    for found in words:
        if found.end() > end:
            break
        if matches(found.group()):
            spans.append(found)
    parts, position = [], start
    for found in spans:
        begin, finish = found.span()
        if begin < start or finish > end:
            continue
        parts.append(escape(text[position:begin]))
        parts.append(f"<mark>{escape(text[begin:finish])}</mark>")
        position = finish
    parts.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)


def highlight(text, matches):
    """All of a short ``text`` (a title), matches marked."""
    parts, position = [], 0
    for found in WORD.finditer(text):
        if matches(found.group()):
            parts.append(escape(text[position : found.start()]))
            parts.append(f"<mark>{escape(found.group())}</mark>")
            position = found.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
