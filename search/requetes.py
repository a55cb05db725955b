"""From what someone typed to a query every engine understands.

« statuts asso "conseil d'administration" » becomes: the concept « statuts », the concept
« asso » *or* its synonym « association », and the phrase « conseil administration ». Concepts
are joined with AND; when that finds nothing the search tries OR (see ``search.moteur``).
Operators people paste (``OR``, ``*``, ``-``, unbalanced quotes) are read as plain words.
"""

import re
from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.search.query import And, Or, Phrase, PlainText

from .analysis import WORD, fold, meaningful, words
from .models import Synonyme

MAX_LENGTH = 200
QUOTED = re.compile(r"[\"«“]([^\"«»“”]+)[\"»”]")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SYNONYMS_CACHE = "recherche:synonymes:v1"


def clean(text):
    """The query as it will be shown back and stored: controls and null bytes out,
    spaces collapsed, at most 200 characters."""
    text = CONTROL.sub(" ", text or "")
    return " ".join(text.split())[:MAX_LENGTH].strip()


@dataclass
class Concept:
    """One thing the person looks for, and the other ways of saying it."""

    expressions: list[str]
    phrase: bool = False

    def query(self):
        alternatives = [
            Phrase(expression) if self.phrase else PlainText(expression, operator="and")
            for expression in self.expressions
        ]
        return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


@dataclass
class Requete:
    text: str
    concepts: list[Concept] = field(default_factory=list)
    cut: bool = False  # what was typed was longer than MAX_LENGTH: the rest was dropped

    def __bool__(self):
        return bool(self.concepts)

    def query(self, operator="and"):
        queries = [concept.query() for concept in self.concepts]
        if len(queries) == 1:
            return queries[0]
        return And(queries) if operator == "and" else Or(queries)

    @property
    def several(self):
        return len(self.concepts) > 1

    def highlight_words(self):
        """Every word of every expression, folded, for the snippets."""
        return {
            fold(word)
            for concept in self.concepts
            for expression in concept.expressions
            for word in words(expression)
            if meaningful(word)
        }


def synonym_groups(language):
    """``{folded expression (tuple of words): [expressions of its group]}``, cached until an
    editor changes a synonym."""
    groups = cache.get(SYNONYMS_CACHE)
    if groups is None:
        groups = {}
        for synonyme in Synonyme.objects.select_related("locale"):
            expressions = [_meaningful_words(expression) for expression in synonyme.liste()]
            expressions = [expression for expression in expressions if expression]
            for expression in expressions:
                key = tuple(fold(word) for word in expression.split())
                others = [other for other in expressions if other != expression]
                language_groups = groups.setdefault(synonyme.locale.language_code, {})
                language_groups[key] = language_groups.get(key, []) + others
        cache.set(SYNONYMS_CACHE, groups, 3600)
    return groups.get(language, {})


def _meaningful_words(expression):
    return " ".join(word for word in words(expression) if meaningful(word))


def forget_synonyms():
    cache.delete(SYNONYMS_CACHE)


def parse(text, language="fr"):
    cut = len(" ".join(CONTROL.sub(" ", text or "").split())) > MAX_LENGTH
    text = clean(text)
    concepts = []
    for phrase in QUOTED.findall(text):
        # Every word of a phrase, elided letters included: FTS5 reads « d'administration »
        # as « d administration » and PostgreSQL keeps the gap a stop word leaves.
        phrase_words = WORD.findall(phrase.replace("_", " "))
        if len(phrase_words) > 1:
            concepts.append(Concept([" ".join(phrase_words)], phrase=True))
        elif phrase_words and meaningful(phrase_words[0]):
            concepts.append(Concept(phrase_words))
    rest = words(QUOTED.sub(" ", text))
    kept = [word for word in rest if meaningful(word)] or rest
    concepts += _with_synonyms(kept, synonym_groups(language))
    return Requete(text=text, concepts=concepts, cut=cut)


def _with_synonyms(typed, groups):
    """Group the typed words into concepts, the longest synonym expression first:
    ["ressources", "humaines", "embauche"] → [ressources humaines | RH], [embauche]."""
    folded = [fold(word) for word in typed]
    longest = max((len(key) for key in groups), default=1)
    concepts, position = [], 0
    while position < len(typed):
        for size in range(min(longest, len(typed) - position), 0, -1):
            key = tuple(folded[position : position + size])
            if key in groups:
                own = " ".join(typed[position : position + size])
                concepts.append(Concept([own, *groups[key]]))
                position += size
                break
        else:
            concepts.append(Concept([typed[position]]))
            position += 1
    return concepts
