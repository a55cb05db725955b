"""What the query names, shown above the results: « Domaine : Gouvernance et vie associative ».

A domaine is named when each thing the query asks for (a word, a quoted phrase, or one of
their synonyms: « RH » for « ressources humaines ») is among the words of the domaine's name
or slug, compared by stem, so that accents, case and plurals do not matter: « vie
associative », « associations », « Gouvernance » name « Gouvernance et vie associative ».
Small words count for nothing, and a query made only of them names nothing.

Other apps add their own kinds through the ``search_shortcuts`` Wagtail hook, so that this
app knows nothing of them: each function is called ``hook(text, locale)`` with the query as
typed and the active ``Locale``, and returns a list of ``{"genre": …, "nom": …, "url": …}``
dicts (or ``(genre, nom, url)`` tuples): the kind of thing as shown (« Structure »,
translated), its name, its public address. A hook makes a fixed number of queries whatever
the data; it is only called while there is room left.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail import hooks

from ressources.models import Domaine
from ressources.navigation import domaine_url

from . import requetes
from .analysis import meaningful, stem, words

HOOK = "search_shortcuts"
LIMIT = 3
DOMAINES_CACHE = "recherche:raccourcis:domaines:v1:{language}"
# Editors rarely rename a domaine: a few minutes late is fine, and saves a query per search.
DOMAINES_TIMEOUT = 300


@dataclass(frozen=True)
class Raccourci:
    genre: str
    nom: str
    url: str

    @classmethod
    def of(cls, value):
        """A ``Raccourci`` from what a hook returns: a dict, a tuple or a ``Raccourci``."""
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            return cls(str(value["genre"]), str(value["nom"]), str(value["url"]))
        genre, nom, url = value
        return cls(str(genre), str(nom), str(url))


def raccourcis(text, locale, request=None):
    """The domaines of ``locale`` that ``text`` names, then what the hooks find; at most
    ``LIMIT`` in all. ``request`` gives the domaine links their site (the default site's
    home page without one)."""
    language = locale.language_code
    with translation.override(language):
        found = [
            Raccourci(_("Domaine"), nom, domaine_url(request, slug))
            for nom, slug in named_domaines(text, locale)[:LIMIT]
        ]
        for hook in hooks.get_hooks(HOOK):
            if len(found) >= LIMIT:
                break
            found += [Raccourci.of(value) for value in hook(text, locale)]
    # A shortcut without an address (a site not set up yet) leads nowhere; one named twice
    # (by a domaine and by a hook) is shown once.
    shown, urls = [], set()
    for raccourci in found:
        if raccourci.url and raccourci.url not in urls:
            shown.append(raccourci)
            urls.add(raccourci.url)
    return shown[:LIMIT]


def named_domaines(text, locale):
    """``[(nom, slug)]`` of the domaines ``text`` names, those whose name it covers best
    first (« économie » names « Économie circulaire » before « Financement et modèle
    économique »)."""
    language = locale.language_code
    asked = _asked(text, language)
    if not asked:
        return []
    named = []
    for nom, slug, stems, order in _domaines(locale):
        if all(any(expression <= stems for expression in concept) for concept in asked):
            covered = set().union(*(e for concept in asked for e in concept if e <= stems))
            named.append((-len(covered) / len(stems), order, nom, slug))
    return [(nom, slug) for _share, _order, nom, slug in sorted(named)]


def _asked(text, language):
    """What ``text`` asks for: one entry per concept, each the stems of its expressions
    (a word typed and its synonyms), small words left out."""
    asked = []
    for concept in requetes.parse(text, language).concepts:
        expressions = [_stems(expression, language) for expression in concept.expressions]
        expressions = [expression for expression in expressions if expression]
        if expressions:
            asked.append(expressions)
    return asked


def _stems(text, language):
    return frozenset(stem(word, language) for word in words(text) if meaningful(word))


def _domaines(locale):
    """``[(nom, slug, stems, order)]`` for every domaine of ``locale``, kept a few minutes."""
    key = DOMAINES_CACHE.format(language=locale.language_code)
    domaines = cache.get(key)
    if domaines is None:
        domaines = [
            (
                nom,
                slug,
                _stems(f"{nom} {slug.replace('-', ' ')}", locale.language_code),
                order,
            )
            for order, (nom, slug) in enumerate(
                Domaine.objects.filter(locale=locale).values_list("nom", "slug")
            )
        ]
        domaines = [domaine for domaine in domaines if domaine[2]]
        cache.set(key, domaines, DOMAINES_TIMEOUT)
    return domaines
