"""The inventory for network staff: what people search, what they do not find, what they
download, and what the network offers in each domaine.

Each function returns one query (or a fixed number of them), whatever the number of rows: the
reports page and export them, they never ask the database again row by row."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from wagtail.models import Page

from ressources.models import Domaine, RessourcePage
from ressources.registry import registered_types

from .models import RechercheDuJour, RetourLecteur, SignalementErreur

DEFAULT_DAYS = 30


def periode_par_defaut(today=None):
    """The last ``DEFAULT_DAYS`` days, today included."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=DEFAULT_DAYS - 1), today


def periode(debut=None, fin=None, today=None):
    """The period asked for, completed with the default one and put back in order."""
    defaut_debut, defaut_fin = periode_par_defaut(today)
    debut, fin = debut or defaut_debut, fin or defaut_fin
    return (fin, debut) if debut > fin else (debut, fin)


def recherches(debut, fin, langue=None):
    """One row per query and language typed between ``debut`` and ``fin`` (included):
    ``langue`` (language code), ``requete``, ``total`` (times typed), ``total_sans_resultat``
    (of which found nothing), ``derniere`` (last day typed). Most typed first."""
    rows = RechercheDuJour.objects.filter(jour__range=(debut, fin))
    if langue:
        rows = rows.filter(locale__language_code=langue)
    return (
        rows.annotate(langue=F("locale__language_code"))
        .values("langue", "requete")
        .annotate(
            total=Sum("nombre"),
            total_sans_resultat=Sum("sans_resultat"),
            derniere=Max("jour"),
        )
        .order_by("-total", "requete", "langue")
    )


def recherches_sans_resultat(debut, fin, langue=None):
    """The map of needs: queries that found nothing at least once in the period, the most
    often disappointed first. ``resultats_aujourdhui`` is what the query found the last time
    it was typed (anytime), so staff see the needs that new content has since met."""
    derniere_fois = RechercheDuJour.objects.filter(
        locale__language_code=OuterRef("langue"), requete=OuterRef("requete")
    ).order_by("-jour")
    return (
        recherches(debut, fin, langue)
        .filter(total_sans_resultat__gt=0)
        .annotate(resultats_aujourdhui=Subquery(derniere_fois.values("resultats")[:1]))
        .order_by("-total_sans_resultat", "-total", "requete", "langue")
    )


def types_de_ressource():
    """``{model name: type key}`` of the kinds of ressource (guide, modele, fiche)."""
    return {
        model._meta.model_name: key for key, model in registered_types(base=RessourcePage).items()
    }


def types_telecharges():
    """``{type key: page model}`` of the types whose pages have files to download (those
    that declare ``downloads``): modèles and fiches."""
    return {
        key: model for key, model in registered_types().items() if model.downloads() is not None
    }


def telechargements(langue=None, type_ressource=None):
    """Live pages with files (modèles, fiches) and the downloads of their files:
    ``telechargements`` (all files of the page, since they were uploaded), ``modele`` (model
    name of the page type), ``langue``. Most downloaded first; ``type_ressource`` is one type
    key of ``types_telecharges``."""
    types = types_telecharges()
    wanted = [types[type_ressource]] if type_ressource in types else list(types.values())
    if not wanted:
        return Page.objects.none()
    content_types = ContentType.objects.get_for_models(*wanted).values()
    pages = Page.objects.live().filter(content_type__in=content_types)
    if langue:
        pages = pages.filter(locale__language_code=langue)
    downloads = [Coalesce(Subquery(model.downloads()), Value(0)) for model in wanted]
    return pages.annotate(
        modele=F("content_type__model"),
        langue=F("locale__language_code"),
        telechargements=sum(downloads[1:], downloads[0]),
    ).order_by("-telechargements", "title", "pk")


def comptes_par_domaine(langue=None):
    """``{(language code, domaine slug): {type key: live pages}}`` for guides, modèles and
    fiches, in one query. Pages are counted in their own language, by the slug of their
    domaines: a translated page still pointing at a French domaine counts for the domaine of
    its language."""
    types = types_de_ressource()
    pages = RessourcePage.objects.live().public()
    if langue:
        pages = pages.filter(locale__language_code=langue)
    comptes = {}
    rows = (
        pages.order_by()
        .values_list("locale__language_code", "domaines__slug", "content_type__model")
        .annotate(n=Count("pk", distinct=True))
    )
    for code, slug, model_name, n in rows:
        if slug and model_name in types:
            comptes.setdefault((code, slug), {})[types[model_name]] = n
    return comptes


def domaines(langue=None):
    """The domaines (of one language, or all) in display order, with ``langue`` and, for each
    type, ``guide``, ``modele``, ``fiche`` and ``total``: the live pages that treat them."""
    return avec_comptes(list(domaines_a_compter(langue)), langue)


def domaines_a_compter(langue=None):
    """The domaines of one language, or all of them: the site's languages in their order
    (French first), each in the taxonomy's order."""
    rows = Domaine.objects.select_related("locale")
    if langue:
        rows = rows.filter(locale__language_code=langue)
    rang_de_langue = Case(
        *(
            When(locale__language_code=code, then=Value(rang))
            for rang, (code, _name) in enumerate(settings.LANGUAGES)
        ),
        default=Value(len(settings.LANGUAGES)),
    )
    return rows.order_by(rang_de_langue, "locale__language_code", "ordre", "nom")


def avec_comptes(domaines_, langue=None):
    """Set the counts of :func:`comptes_par_domaine` on ``domaines_`` (their locale must be
    selected): one attribute per kind of ressource, named by its type key (``guide``,
    ``modele``, ``fiche``), and ``total``. Return them."""
    comptes = comptes_par_domaine(langue)
    keys = types_de_ressource().values()
    for domaine in domaines_:
        langue_du_domaine = domaine.locale.language_code
        par_type = comptes.get((langue_du_domaine, domaine.slug), {})
        domaine.langue = langue_du_domaine
        for key in keys:
            setattr(domaine, key, par_type.get(key, 0))
        domaine.total = sum(par_type.get(key, 0) for key in keys)
    return domaines_


def nombre(rows):
    """The number of ``rows`` (filtered on ``OuterRef("pk")``) as a subquery, 0 for none."""
    compte = rows.order_by().values("page").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(compte), Value(0))


def retours_par_page(langue=None, domaine=None):
    """The guides, modèles and fiches readers answered about or reported an error on, in one
    query: ``reponses``, ``utiles`` (answers « oui »), ``part_utile`` (their percentage, None
    without answers), ``commentaires``, ``signalements`` (not yet treated), ``modele`` (model
    name of the page type), ``langue``. The least useful first, then the most answered."""
    reponses = RetourLecteur.objects.filter(page=OuterRef("pk"))
    signalements = SignalementErreur.objects.filter(page=OuterRef("pk"))
    pages = RessourcePage.objects.filter(
        Q(pk__in=RetourLecteur.objects.values("page"))
        | Q(pk__in=SignalementErreur.objects.values("page"))
    )
    if langue:
        pages = pages.filter(locale__language_code=langue)
    if domaine:
        pages = pages.filter(domaines=domaine)
    return pages.annotate(
        reponses=nombre(reponses),
        utiles=nombre(reponses.filter(utile=True)),
        commentaires=nombre(reponses.exclude(commentaire="")),
        signalements=nombre(signalements.filter(traite_le__isnull=True)),
        part_utile=ExpressionWrapper(
            F("utiles") * 100.0 / NullIf(F("reponses"), 0), output_field=FloatField()
        ),
        modele=F("content_type__model"),
        langue=F("locale__language_code"),
    ).order_by(F("part_utile").asc(nulls_last=True), "-reponses", "title", "pk")
