"""The public search page and the suggestions of the header's search box.

Two things go out to whoever listens, so that the inventory (an app above this one) tallies
searches without this app knowing it: ``signals.search_typed`` when someone types a search,
and the ``popular_searches`` Wagtail hook, whose functions (given the active ``Locale``)
return the searches shown when nothing is typed yet."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info, ngettext
from django.views.decorators.cache import cache_control
from wagtail import hooks
from wagtail.models import Locale

from ressources import langues
from ressources.listing import domaines_with_counts, elided_page_range
from ressources.models import Domaine, Public, RessourcePage
from ressources.registry import registered_types, search_labels

from . import extraits, moteur, requetes, suggestions
from .analysis import words
from .engines import engine
from .raccourcis import raccourcis
from .signals import search_typed

MIN_AUTOCOMPLETE = 2
LANGUAGE_NAMES = langues.LANGUAGE_NAMES
# Fewer results than this in another language than the source one: the source language's
# first SOURCE_SHOWN results follow them.
FEW = moteur.HANDFUL
SOURCE_SHOWN = 5
RESULT_TEMPLATE = "search/includes/result.html"


def search(request):
    """Guides, modèles, fiches and workshops to come, in the active language, with facets.
    An empty query shows the popular searches and the domaines instead."""
    locale = Locale.get_active()
    language = locale.language_code
    requete = requetes.parse(request.GET.get("q", ""), language)
    filters = moteur.Filters.from_request(request.GET)
    sort = request.GET.get("tri") if request.GET.get("tri") in moteur.SORTS else "pertinence"
    context = {
        "query": requete.text,
        "filters": filters,
        "sort": sort,
        "max_length": requetes.MAX_LENGTH,
    }
    if not requete:
        domaines = domaines_with_counts(RessourcePage.live_in(locale), locale)
        context.update(
            popular_searches=popular_searches(locale),
            domaines=[domaine for domaine in domaines if domaine.ressource_count],
        )
        return render(request, "search/search.html", context)

    results = moteur.search(requete, locale, filters, sort, request.GET.get("page") or 1)
    if "page" not in request.GET and not filters.as_dict():
        search_typed.send(
            sender=search, text=requete.text, locale=locale, result_count=results.count
        )
    context.update(
        results=results,
        page=results.page,
        items=result_items(results.page.object_list, results.requete, request),
        picks=results.picks,
        raccourcis=raccourcis(requete.text, locale, request),
        elided_page_range=elided_page_range(results.page),
        active_filters=active_filters(filters),
    )
    link_facets(results.facets, request.GET)
    if language != settings.LANGUAGE_CODE and results.count < FEW and results.page.number == 1:
        shown = [entree.page for entree in results.page.object_list if entree.page_id]
        shown += [pick.page for pick in results.picks]
        context["langue_source"] = source_language_results(
            requete.text, filters, sort, request, shown
        )
    if results.count == 0 and not context.get("langue_source"):
        context["ailleurs"] = other_languages(requete.text, locale, filters)
    return render(request, "search/search.html", context)


def other_languages(text, locale, filters):
    """The other languages of the site in which the query finds something, with a link to
    those results: ``[{"language", "name", "count", "more", "url"}]``."""
    offers = []
    for other in Locale.objects.exclude(pk=locale.pk).order_by("language_code"):
        code = other.language_code
        with translation.override(code):
            found = moteur.count(requetes.parse(text, code), other, filters)
            url = f"{reverse('recherche')}?{urlencode({'q': text})}"
        if found:
            cap = engine().cap
            offers.append(
                {
                    "language": code,
                    "name": LANGUAGE_NAMES.get(code[:2]) or get_language_info(code)["name"],
                    "count": min(found, cap),
                    "more": found > cap,
                    "url": url,
                }
            )
    return offers


def source_language_results(text, filters, sort, request, shown=()):
    """The first results of the query in the site's source language, for a reader of another
    one whose language finds few: most content is written in French first. Shown labelled,
    marked with ``lang``, each leading to the page read from the reader's language
    (``ressources.langues``, which leads to a translation made since), less those whose
    translation is among the results ``shown`` above; ``None`` when nothing is left."""
    code = settings.LANGUAGE_CODE
    source = Locale.objects.filter(language_code=code).first()
    if source is None:
        return None
    reader = get_language()
    with translation.override(code):
        requete = requetes.parse(text, code)
        found = moteur.search(requete, source, filters, sort, 1, per_page=2 * SOURCE_SHOWN)
        url = f"{reverse('recherche')}?{urlencode({'q': text})}"
    keys = {page.translation_key for page in shown}
    entries = [
        entree
        for entree in found.page.object_list
        if not entree.page_id or entree.page.translation_key not in keys
    ]
    picks = [pick for pick in found.picks if pick.page.translation_key not in keys]
    if not (entries or picks):
        return None
    items = [
        item | {"url": version_originale_url(item["entree"], reader)}
        for item in result_items(entries[:SOURCE_SHOWN], found.requete, request, language=code)
    ]
    return {
        "language": code,
        "name": langues.language_name(code),
        "count": found.count,
        "more": found.more,
        "url": url,
        "items": items,
        "picks": [
            {"page": pick.page, "url": langues.version_originale_url(pick.page, reader)}
            for pick in picks
        ],
    }


def version_originale_url(entree, reader):
    """A page read from the reader's language; an object that is not a page (an annonce),
    at its own address."""
    if not entree.page_id:
        return entree.url
    return langues.version_originale_url(entree.page, reader)


def popular_searches(locale, limit=8):
    """The searches the ``popular_searches`` hooks return, the first ``limit`` of them."""
    found = [text for hook in hooks.get_hooks("popular_searches") for text in hook(locale)]
    return found[:limit]


def result_items(entries, requete, request, language=None):
    """What a result shows: its type, title and snippet with the searched words marked,
    domaines, date, and for a fiche or a workshop its département; and the template its
    type declares. Entries of another ``language`` than the active one say it (``lang``)."""
    lang = langues.other_language(language or "")
    matches = extraits.matcher(requete.highlight_words(), (language or get_language())[:2])
    names = moteur.taxon_names()
    types = registered_types()
    labels = search_labels()
    items = []
    for entree in entries:
        text = entree.chapo
        if not any(matches(word) for word in extraits.WORD.findall(text)):
            text = entree.texte or entree.chapo
        items.append(
            {
                "entree": entree,
                "url": entree.get_url(request),
                "type_label": labels.get(entree.type, entree.type),
                "template": getattr(types.get(entree.type), "search_result_template", None)
                or RESULT_TEMPLATE,
                "title": extraits.highlight(entree.title, matches),
                "snippet": extraits.snippet(text, matches),
                "domaines": [names.get(d.slug, d.nom) for d in entree.domaines.all()],
                "departement": moteur.DEPARTEMENT_NAMES.get(entree.departement, ""),
                "lang": lang,
            }
        )
    return items


def link_facets(facets, params):
    """Give each facet value its link (choose it, or remove it when it is chosen; either way
    back to the first page) and the hidden word after its count. Built here rather than with
    a template tag per value: a broad search lists more than a hundred values. The other
    parameters are encoded once per facet, not once per value."""
    base = params.copy()
    base.pop("page", None)
    words = {}
    for name, values in facets.items():
        others = base.copy()
        others.pop(name, None)
        without = others.urlencode()
        glue = "&" if without else ""
        for facet in values:
            if facet.selected:
                facet.url = f"?{without}"
            else:
                facet.url = f"?{without}{glue}{urlencode({name: facet.value})}"
            if facet.count not in words:
                words[facet.count] = ngettext("résultat", "résultats", facet.count)
            facet.count_word = words[facet.count]


def active_filters(filters):
    """Each chosen facet value with its label, to show it and a way to remove it (also when
    nothing matched, so no facet names it)."""
    labels = {
        "type": lambda value: search_labels()[value],
        "domaine": lambda value: moteur.taxon_names(Domaine).get(value, value),
        "public": lambda value: moteur.taxon_names(Public).get(value, value),
        "departement": lambda value: f"{moteur.DEPARTEMENT_NAMES[value]} ({value})",
    }
    return [
        {"name": name, "value": value, "label": labels[name](value)}
        for name, value in filters.as_dict().items()
    ]


@cache_control(max_age=60, public=True)
def autocomplete(request):
    """``{"suggestions": [{"title", "url", "type"}]}`` for the search box, as you type."""
    text = requetes.clean(request.GET.get("q", ""))
    found = []
    if len(text) >= MIN_AUTOCOMPLETE and words(text):
        found = suggestions.autocomplete(text, Locale.get_active())
    return JsonResponse(
        {
            "query": text,
            "suggestions": [
                {
                    "title": entree.title,
                    "url": entree.get_url(request),
                    "type": str(entree.type_label),
                }
                for entree in found
            ],
        }
    )
