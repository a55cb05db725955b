"""The guides, modèles, fiches and ateliers that may help while a demande waits (issue 19,
point 6): the site's own search (search.moteur, the search page's code: the editors'
synonyms, the stems, partial matches when no page has every word), asked with the annonce's
title and description, in its language. Only what the search shows anyone: live, public
pages, workshops not over.

Asked for a saved annonce (its page, its preview) and for the text being typed in the form
(``views_ressources``: the same words, sent by the form's script)."""

from ressources.registry import search_labels
from search import moteur, requetes

NOMBRE = 5
#: Annonces among the first results, beyond which a page that may help is not looked for.
AUTRES = 10
#: The search keeps this many characters of a query; the title comes first, so it is kept.
LONGUEUR = requetes.MAX_LENGTH


def question(annonce):
    """The annonce's words as a search query: its title, then its description."""
    return texte(annonce.titre, annonce.description)


def texte(titre, description):
    return f"{titre} {description}"[:LONGUEUR]


def ressources_pour_texte(titre, description, locale, nombre=NOMBRE):
    """[search entry] of the pages that may help, the closest first (each has ``page``,
    ``title`` and ``type``). The editors' picks, chosen for a query typed in the search
    box, are not asked for here."""
    requete = requetes.parse(texte(titre, description), locale.language_code)
    if not requete.concepts:
        return []
    # Pages only, not the annonces the search also finds: asked for a few more.
    par_page = nombre + AUTRES
    results = moteur.search(requete, locale, moteur.Filters(), "pertinence", 1, per_page=par_page)
    entries = list(results.page.object_list) if results.count else []
    return [entree for entree in entries if entree.page_id][:nombre]


def ressources_pour(annonce, locale, nombre=NOMBRE):
    return ressources_pour_texte(annonce.titre, annonce.description, locale, nombre)


def pages_utiles(titre, description, locale):
    """What the templates list: each page, its title and its type's label."""
    libelles = search_labels()
    return [
        {"page": entree.page, "titre": entree.title, "type_label": libelles.get(entree.type)}
        for entree in ressources_pour_texte(titre, description, locale)
    ]
