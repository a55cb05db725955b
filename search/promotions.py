"""Editors' picks for every way of typing a promoted query.

Wagtail's search promotions pin pages to a query string, stored lower-cased as the editor
typed it. People type the same query in other forms: « Statut associations », « STATUTS
d'association », « association statuts », « statuts asso » when « asso » and « association »
are synonyms, « benevolat » for « bénévolat ». Each form is reduced to a *signature* — what the
query means, whatever its spelling — and a promotion applies when its query has the signature
of the query typed, or of the query said with the editors' synonyms.
"""

from functools import lru_cache
from itertools import islice, product

from django.db.models import F
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from .analysis import meaningful, stem, words

# Synonym combinations grow as a product (three concepts of four expressions make 64):
# the typed form comes first, and past this many the rest are not tried.
MAX_VARIANTS = 32


@lru_cache(maxsize=4096)
def signature(text, language="fr"):
    """The stems of the meaningful words of ``text``, folded, as a set: « STATUTS
    d'association », « association statuts » and « statut associations » share one.

    A set, not a sorted tuple: neither word order nor a repeated word changes what people
    look for. Small words count only when there is nothing else, as in ``requetes.parse``.
    A text without words has the empty signature, which matches no promotion."""
    typed = words(text)
    kept = [word for word in typed if meaningful(word)] or typed
    return frozenset(stem(word, language) for word in kept)


def variants(requete, language):
    """The signatures of the query as typed and with its concepts replaced by their
    synonyms, every combination up to ``MAX_VARIANTS``, the empty one left out."""
    forms = product(*(concept.expressions for concept in requete.concepts))
    found = {signature(requete.text, language)}
    found.update(signature(" ".join(form), language) for form in islice(forms, MAX_VARIANTS))
    return found - {frozenset()}


def editors_picks(requete, locale):
    """The pages editors pinned for this query or another form of it: live, in the language
    searched, in the editors' order, each page once.

    Two queries whatever the number of promotions, the second only when one applies: the
    query strings promoted in this language, matched here, then the matching promotions
    with their pages. The exact query string always matches, as in Wagtail."""
    if not requete:
        return []
    language = locale.language_code
    wanted = variants(requete, language)
    exact = normalise_query_string(requete.text)
    promoted = SearchPromotion.objects.filter(page__live=True, page__locale=locale)
    # Without ordering: the model's own (sort_order) would make ``distinct`` see each row.
    queries = promoted.order_by().values_list("query_id", "query__query_string").distinct()
    matching = [
        query_id
        for query_id, query_string in queries
        if query_string == exact or signature(query_string, language) in wanted
    ]
    if not matching:
        return []
    promotions = (
        promoted.filter(query_id__in=matching)
        .select_related("page")
        .order_by(F("sort_order").asc(nulls_last=True), "pk")
    )
    return once_per_page(promotions)


def once_per_page(promotions):
    """A page promoted for two forms of the query is shown once, where it ranks first."""
    seen, kept = set(), []
    for promotion in promotions:
        if promotion.page_id not in seen:
            seen.add(promotion.page_id)
            kept.append(promotion)
    return kept
