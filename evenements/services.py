"""Get-or-create helpers for the agenda, used by load_demo and the tests."""

from ressources.models import Domaine
from ressources.services import get_or_create_section, publish

from .models import AgendaPage, AtelierAnimateur, AtelierPage

AGENDA_SLUG = "ateliers"


def get_or_create_agenda(home, *, title="Ateliers", intro=""):
    """The AgendaPage (slug ``ateliers``) of ``home``, shown in menus."""
    return get_or_create_section(home, AgendaPage, AGENDA_SLUG, title=title, intro=intro)


def get_or_create_atelier(agenda, *, slug, domaines, animateurs, **fields):
    """A published workshop; ``animateurs``: (name, Structure or None) pairs."""
    atelier = AtelierPage.objects.child_of(agenda).filter(slug=slug).first()
    if atelier is None:
        atelier = AtelierPage(slug=slug, locale=agenda.locale, **fields)
        atelier.domaines = Domaine.objects.filter(locale=agenda.locale, slug__in=domaines)
        atelier.animateurs = [
            AtelierAnimateur(nom=nom, structure=structure) for nom, structure in animateurs
        ]
        agenda.add_child(instance=atelier)
        publish(atelier)
    return atelier
