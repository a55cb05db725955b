"""The site map of one language (« Plan du site », ``/plan-du-site/``): the live public pages
under its home page, two levels down, read in one query in the page tree's order (``path``)
and nested here.

Two levels: the sections and the pages d'information, then what each section holds (guides,
modèles, fiches), except the workshops, which come and go every week: the agenda lists them.
The domaines and the pages that are not Wagtail pages (search, open data, « Mon espace »,
contact) are added by the template."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

#: Page types whose pages are not listed one by one, by app label and model name: their
#: section is (by name, as ``navigation`` does: this module cannot import the apps above).
NON_DETAILLES = (("evenements", "atelierpage"),)
PROFONDEUR = 2


@dataclass
class Entree:
    page: Page
    enfants: list = field(default_factory=list)


def arbre(home):
    """[Entree] of the pages under ``home`` (a live home page), in the editors' order."""
    exclus = [ContentType.objects.get_by_natural_key(*cle).pk for cle in NON_DETAILLES]
    pages = (
        Page.objects.descendant_of(home)
        .filter(depth__lte=home.depth + PROFONDEUR)
        .exclude(content_type__in=exclus)
        .live()
        .public()
        .order_by("path")
        .only("title", "url_path", "locale_id", "depth", "path")
    )
    sections, par_chemin = [], {}
    for page in pages:
        entree = Entree(page)
        par_chemin[page.path] = entree
        if page.depth == home.depth + 1:
            sections.append(entree)
        else:
            parent = par_chemin.get(page.path[: -Page.steplen])
            if parent is not None:  # under a page not shown (not live): not shown either
                parent.enfants.append(entree)
    return sections
