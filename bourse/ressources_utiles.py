"""The guides, modèles, fiches and ateliers that may help while a demande waits (issue 19,
point 6): the site's own search (search.moteur, the search page's code: the editors'
synonyms, the stems, partial matches when no page has every word), asked with the annonce's
title and description, in its language. Only what the search shows anyone: live, public
pages, workshops not over."""

from search import moteur, requetes

NOMBRE = 5
#: The search keeps this many characters of a query; the title comes first, so it is kept.
LONGUEUR = requetes.MAX_LENGTH


def question(annonce):
    """The annonce's words as a search query: its title, then its description."""
    return f"{annonce.titre} {annonce.description}"[:LONGUEUR]


def ressources_pour(annonce, locale, nombre=NOMBRE):
    """[search entry] of the pages that may help, the closest first (each has ``page``,
    ``title`` and ``type``). The editors' picks, chosen for a query typed in the search
    box, are not asked for here."""
    requete = requetes.parse(question(annonce), locale.language_code)
    results = moteur.search(requete, locale, moteur.Filters(), "pertinence", 1, per_page=nombre)
    entries = list(results.page.object_list) if results.count else []
    return entries[:nombre]
