"""What an alert's query finds among the pages first published in a window of time: the
digest's items, and its RSS feed (the latest, with no window).

Only what anyone may read: live, public pages of the alert's language, through the same
querysets and filters as the listing the alert was made on; never a cancelled or past
workshop. Each list costs a fixed number of queries, whatever the number of items."""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Locale, Page

from bourse.models import Annonce, Sens
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
    relance: bool = False  # a demande of the bourse still without an answer, bumped


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


def _d_annonce(annonce, relance=False):
    return Nouveaute(
        titre=annonce.titre,
        url=annonce.get_absolute_url(),
        type_label=f"{annonce.get_sens_display()}, {annonce.get_nature_display()}",
        # Rendered, sanitised and with contact details masked when saved (Annonce.save).
        chapo=Truncator(strip_tags(annonce.description_html)).words(40),
        publiee=annonce.published_at,
        relance=relance,
    )


def _de_bourse(alerte, depuis, jusqu_a):
    """The public annonces the alert's filters keep, first published in the window; then, in
    a digest (a window), the demandes bumped in it because nobody answered them yet."""
    publiques = Annonce.objects.publiques()
    bound = requetes.filterset(Quoi.BOURSE, requetes.query_dict(alerte.criteres), publiques)
    publiees = bound.qs
    if depuis is not None:
        publiees = publiees.filter(published_at__gt=depuis)
    if jusqu_a is not None:
        publiees = publiees.filter(published_at__lte=jusqu_a)
    found = [_d_annonce(a) for a in publiees.order_by("-published_at", "-pk")[:LIMITE]]
    if depuis is None or jusqu_a is None:
        return found
    relancees = bound.qs.filter(
        sens=Sens.DEMANDE, relancee_le__gt=depuis, relancee_le__lte=jusqu_a
    ).exclude(published_at__gt=depuis)
    return found + [
        _d_annonce(a, relance=True) for a in relancees.order_by("published_at", "pk")[:LIMITE]
    ]


def trouver(alerte, depuis=None, jusqu_a=None):
    """The items of ``alerte``'s query first published after ``depuis`` and up to
    ``jusqu_a`` (either may be None), the latest first, at most ``LIMITE`` (for the bourse,
    followed by the demandes bumped in the window: ``Nouveaute.relance``)."""
    with translation.override(alerte.langue):
        locale = Locale.objects.filter(language_code=alerte.langue).first()
        if locale is None:
            return []
        if alerte.quoi == Quoi.RECHERCHE:
            return _de_recherche(alerte, locale, depuis, jusqu_a)
        if alerte.quoi == Quoi.BOURSE:
            return _de_bourse(alerte, depuis, jusqu_a)
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
        if quoi == Quoi.BOURSE:
            return f"{reverse('bourse')}?{query}" if query else reverse("bourse")
        index = INDEX[quoi].objects.live().filter(locale__language_code=langue).first()
        base = (index.url if index else None) or f"/{langue}/"
    return f"{base}?{query}" if query else base
