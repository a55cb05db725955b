"""What an alert's query finds among the pages first published in a window of time: the
digest's items, and its RSS feed (the latest, with no window).

Only what anyone may read: live, public pages of the alert's language, through the same
querysets and filters as the listing the alert was made on; never a cancelled or past
workshop. Each list costs a fixed number of queries, whatever the number of items."""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from evenements.models import AgendaPage, AtelierPage
from fiches.models import FicheIndexPage, FichePage
from ressources.models import RessourceIndexPage, RessourcePage
from ressources.registry import search_labels
from search import requetes as recherche
from search.engines import engine
from search.moteur import Filters, candidates

from . import requetes
from .models import Quoi

LIMITE = 30
#: At most this many pages published in a window are looked up in the search index.
CANDIDATS = 500


@dataclass
class Nouveaute:
    titre: str
    url: str  # the page's path (or address on a multi-site set-up)
    type_label: str
    chapo: str
    publiee: datetime
    debut: datetime | None = None  # a workshop's start


def _fenetre(pages, depuis, jusqu_a):
    if depuis is not None:
        pages = pages.filter(first_published_at__gt=depuis)
    if jusqu_a is not None:
        pages = pages.filter(first_published_at__lte=jusqu_a)
    return pages


def _de_page(page, debut=None):
    return Nouveaute(
        titre=page.title,
        url=page.url or "",
        type_label=str(page.specific_class.search_label),
        chapo=page.chapo,
        publiee=page.first_published_at,
        debut=debut,
    )


def _de_liste(alerte, locale, depuis, jusqu_a):
    quoi = alerte.quoi
    if quoi == Quoi.ATELIERS:
        pages = (
            AtelierPage.objects.live()
            .public()
            .filter(locale=locale, annule=False, fin__gt=timezone.now())
        )
    elif quoi == Quoi.FICHES:
        pages = FichePage.live_in(locale).select_related("structure").defer("rendered_texts")
    else:
        pages = RessourcePage.live_in(locale)
    bound = requetes.filterset(quoi, requetes.query_dict(alerte.criteres), pages)
    found = _fenetre(bound.qs, depuis, jusqu_a).order_by("-first_published_at", "-pk")
    if quoi == Quoi.ATELIERS:
        return [_de_page(atelier, atelier.debut) for atelier in found[:LIMITE]]
    return [_de_page(page) for page in found.defer_streamfields()[:LIMITE]]


def _de_recherche(alerte, locale, depuis, jusqu_a):
    criteres = alerte.criteres
    filters = Filters(**{name: values[0] for name, values in criteres.items() if name != "q"})
    # Pages only: the annonces of the bourse come to alerts their own way (issue 19).
    entries = candidates(locale, filters).filter(page__isnull=False)
    if depuis is not None or jusqu_a is not None:
        nouvelles = _fenetre(Page.objects.live().public().filter(locale=locale), depuis, jusqu_a)
        ids = list(nouvelles.values_list("pk", flat=True)[:CANDIDATS])
        if not ids:
            return []
        entries = entries.filter(page__in=ids)
    requete = recherche.parse(criteres["q"][0], locale.language_code)
    found = engine().page(entries.select_related("page"), requete, "and", 0, LIMITE, by_date=True)
    labels = search_labels()
    return [
        Nouveaute(
            titre=entree.title,
            url=entree.page.url or "",
            type_label=str(labels.get(entree.type, entree.type)),
            chapo=entree.chapo,
            publiee=entree.page.first_published_at,
            debut=entree.date if entree.type == AtelierPage.type_key else None,
        )
        for entree in sorted(found, key=lambda entree: entree.page.first_published_at, reverse=True)
    ]


def trouver(alerte, depuis=None, jusqu_a=None):
    """The items of ``alerte``'s query first published after ``depuis`` and up to
    ``jusqu_a`` (either may be None), the latest first, at most ``LIMITE``."""
    with translation.override(alerte.langue):
        locale = Locale.objects.filter(language_code=alerte.langue).first()
        if locale is None:
            return []
        if alerte.quoi == Quoi.RECHERCHE:
            return _de_recherche(alerte, locale, depuis, jusqu_a)
        return _de_liste(alerte, locale, depuis, jusqu_a)


INDEX = {
    Quoi.RESSOURCES: RessourceIndexPage,
    Quoi.FICHES: FicheIndexPage,
    Quoi.ATELIERS: AgendaPage,
}


def adresse_de_la_liste(quoi, criteres, langue):
    """The path of the listing (or search) the query filters, with its parameters."""
    query = requetes.querystring(criteres)
    with translation.override(langue):
        if quoi == Quoi.RECHERCHE:
            return f"{reverse('recherche')}?{query}"
        index = INDEX[quoi].objects.live().filter(locale__language_code=langue).first()
        base = (index.url if index else None) or f"/{langue}/"
    return f"{base}?{query}" if query else base
