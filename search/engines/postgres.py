"""The public search on PostgreSQL, with ``django.contrib.postgres.search``.

Each entry has two search vectors, each with a GIN index (``search.models.Entree``), made with
the text search configuration of its language (``settings.SEARCH_CONFIGS``: stemming and
accent folding, migrations ``search/0002`` and ``0007``):

- ``search_vector``, every word, weighted (title A, chapô B, taxonomy and structure C, text D):
  what matches, and how the matches are ranked (``ts_rank``) when there are at most ``cap``;
- ``title_vector``, the title, chapô and taxonomy alone, kept in the row. Ranking reads the
  vector of every match, and a word found in most entries would have all their texts' vectors
  read. Past ``cap`` matches, the entries that have the words in their title or chapô (weights
  A and B of the short vector) come first, ranked on it, then the others, the latest first.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F
from django.utils.translation import get_language
from wagtail.models import Locale

from ..analysis import words
from ..models import Entree
from .base import DatabaseEngine, balanced, read_back


def config_for(language):
    """The text search configuration of a language (``fr``, ``en-gb``…), French otherwise."""
    configs = settings.SEARCH_CONFIGS
    return configs.get((language or "")[:2], configs["fr"])


class PostgresEngine(DatabaseEngine):
    def query(self, requete, operator):
        config = config_for(get_language())
        concepts = [
            reduce(
                or_,
                (
                    SearchQuery(
                        expression,
                        config=config,
                        search_type="phrase" if concept.phrase else "plain",
                    )
                    for expression in concept.expressions
                ),
            )
            for concept in requete.concepts
        ]
        return balanced(concepts, (lambda a, b: a & b) if operator == "and" else or_)

    def matches(self, entries, requete, operator):
        return entries.filter(search_vector=self.query(requete, operator))

    def ranked(self, entries, requete, operator, start, stop, count):
        """Ranked as ids, then the page's entries read back: joined before the sort, each
        match's page would be read, not only the page's."""
        query = self.query(requete, operator)
        ids = entries.order_by().values_list("pk", flat=True)
        if count <= self.cap:
            rank = SearchRank(F("search_vector"), query)
            ranked = ids.filter(search_vector=query).annotate(rank=rank)
            return read_back(entries, ranked.order_by("-rank", "-date", "-pk")[start:stop])
        in_title = self.title_query(requete, operator)
        heads = ids.filter(title_vector=in_title)
        rank = SearchRank(F("title_vector"), query)
        found = list(heads.annotate(rank=rank).order_by("-rank", "-date", "-pk")[start:stop])
        if len(found) < stop - start:
            in_heads = start + len(found) if found or not start else heads.count()
            others = ids.filter(search_vector=query).exclude(title_vector=in_title)
            others = others.order_by("-date", "-pk")[max(0, start - in_heads) : stop - in_heads]
            found += list(others)
        return read_back(entries, found)

    def title_query(self, requete, operator):
        """The query restricted to the words of the titles and chapôs (weights A and B), as
        ``to_tsquery`` text: each typed word between quotes (only letters and digits reach
        here), normalised by the language's configuration as the plain query's are."""
        concepts = []
        for concept in requete.concepts:
            glue = " <-> " if concept.phrase else " & "
            typed = [words(expression) for expression in concept.expressions]
            expressions = [
                "(" + glue.join(f"'{word}':AB" for word in found) + ")" for found in typed if found
            ]
            concepts.append("(" + " | ".join(expressions) + ")" if expressions else "''")
        raw = (" & " if operator == "and" else " | ").join(concepts)
        return SearchQuery(raw, config=config_for(get_language()), search_type="raw")

    def autocomplete(self, entries, text, limit):
        """Titles (weight A of the short vector) with every typed word as a prefix."""
        typed = words(text)
        if not typed:
            return []
        raw = " & ".join(f"'{word}':*A" for word in typed)  # words are letters and digits only
        query = SearchQuery(raw, config=config_for(get_language()), search_type="raw")
        return list(entries.filter(title_vector=query).order_by("-date", "-pk")[:limit])

    def index(self, entry_ids=None):
        entries = Entree.objects.all()
        if entry_ids is not None:
            entries = entries.filter(pk__in=entry_ids)
        by_config = {}
        for pk, language in Locale.objects.values_list("pk", "language_code"):
            by_config.setdefault(config_for(language), []).append(pk)
        for config, locales in by_config.items():
            head = (
                SearchVector("title", weight="A", config=config)
                + SearchVector("chapo", weight="B", config=config)
                + SearchVector("taxons", "structure", weight="C", config=config)
            )
            entries.filter(locale__in=locales).update(
                title_vector=head,
                search_vector=head + SearchVector("texte", weight="D", config=config),
            )

    def remove(self, entry_ids):
        """Nothing to do: the vectors go with their entry."""
