"""Get-or-create helpers for the fiches part of the tree, used by load_demo and the tests."""

from ressources.models import Domaine, Public
from ressources.services import get_or_create_section, publish

from .models import FicheIndexPage, FichePage

INDEX_SLUG = "fiches"


def get_or_create_fiche_index(home, *, title="Fiches pratiques", intro=""):
    """The FicheIndexPage (slug ``fiches``) of ``home``, shown in menus."""
    return get_or_create_section(home, FicheIndexPage, INDEX_SLUG, title=title, intro=intro)


def get_or_create_published_fiche(index, structure, *, slug, domaines, publics=(), **fields):
    """A fiche published as if a moderator had approved it (demo content and tests)."""
    fiche = FichePage.objects.child_of(index).filter(slug=slug).first()
    if fiche is None:
        fiche = FichePage(slug=slug, structure=structure, locale=index.locale, **fields)
        fiche.domaines = Domaine.objects.filter(locale=index.locale, slug__in=domaines)
        fiche.publics = Public.objects.filter(locale=index.locale, slug__in=publics)
        index.add_child(instance=fiche)
        publish(fiche)
    return fiche
