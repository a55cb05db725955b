"""schema.org JSON-LD built as data: what every page type shares (absolute addresses, the
publisher, the dates, the language, the breadcrumb trail), so that each page model only adds
what is its own (``json_ld(request)``). Built from the live page only: a draft revision, a
page under moderation or a private page is never what a visitor's request serves."""

import mimetypes
import re

from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from . import navigation

CONTEXT = "https://schema.org"
SEARCH_TERM = "search_term_string"
# « CC BY-SA 4.0 » → its deed, so that the licence is a URL as schema.org expects.
CREATIVE_COMMONS = re.compile(r"^CC[ -]?(BY(?:-(?:NC|SA|ND))*)[ -]?(\d\.\d)$", re.IGNORECASE)


def absolute(request, url):
    """``url`` with the request's scheme and host (left as it is without a request)."""
    return request.build_absolute_uri(url) if request is not None and url else url


def page_url(request, page):
    return absolute(request, page.get_url(request))


def publisher():
    return {"@type": "Organization", "name": "Entraide"}


def language():
    """The language the page is served in: the page's locale, already active."""
    return translation.get_language()


def iso(moment):
    return moment.isoformat() if moment else None


def creative_work(request, page, type_):
    """The common part of a ressource: name and headline, address, dates, language."""
    data = {
        "@context": CONTEXT,
        "@type": type_,
        "name": page.title,
        "headline": page.title[:110],
        "description": getattr(page, "chapo", "") or page.search_description,
        "url": page_url(request, page),
        "inLanguage": language(),
        "datePublished": iso(page.first_published_at),
        "dateModified": iso(page.last_published_at or page.first_published_at),
        "publisher": publisher(),
    }
    return {key: value for key, value in data.items() if value}


def collection_page(request, page, description=""):
    """A listing page of the tree: its name, address, language and dates (never its items,
    which would cost a query per item)."""
    return creative_work(request, page, "CollectionPage") | (
        {"description": description} if description else {}
    )


def listing_page(request, name, url, description=""):
    """A listing that is not a page of the tree (a domaine's ressources)."""
    data = {
        "@context": CONTEXT,
        "@type": "CollectionPage",
        "name": str(name),
        "url": absolute(request, url),
        "inLanguage": language(),
        "publisher": publisher(),
        "description": description,
    }
    return {key: value for key, value in data.items() if value}


def licence(text):
    """The licence as a URL when it is a Creative Commons one, else as written."""
    match = CREATIVE_COMMONS.match(text.strip())
    if not match:
        return text
    kind, version = match.groups()
    return f"https://creativecommons.org/licenses/{kind.lower()}/{version}/"


def encoding_format(filename):
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def howto_steps(body):
    """The numbered steps of a guide's body (its « etapes » blocks), in order."""
    steps = []
    for block in body:
        if block.block_type != "etapes":
            continue
        for etape in block.value:
            texte = strip_tags(etape["texte"].source if etape["texte"] else "").strip()
            step = {"@type": "HowToStep", "position": len(steps) + 1, "name": etape["titre"]}
            steps.append(step | {"text": texte or etape["titre"]})
    return steps


def breadcrumb_list(request, trail):
    """A BreadcrumbList from ``trail``: (name, url) pairs, from the home page to the page."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(name),
                "item": absolute(request, url),
            }
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def page_trail(request, page):
    """The (name, url) pairs of a Wagtail page's breadcrumbs, as its HTML shows them."""
    trail = [
        (
            _("Accueil") if index == 0 and ancestor.depth == 2 else ancestor.title,
            ancestor.get_url(request),
        )
        for index, ancestor in enumerate(navigation.breadcrumbs(page))
    ]
    if page.depth == 2:
        return [(_("Accueil"), page.get_url(request))]
    return trail + [(page.title, page.get_url(request))]


def home_trail(request, *trail):
    """The trail of a page that is not a Wagtail page: the home page, then ``trail``."""
    home = navigation.home_page(request)
    return [(_("Accueil"), home.get_url(request) if home else "/"), *trail]


def website(request, home):
    """The site, with the search browsers and search engines can send a query to."""
    search = absolute(request, reverse("recherche"))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": home.title,
        "description": home.intro,
        "url": page_url(request, home),
        "inLanguage": language(),
        "publisher": publisher(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{{SEARCH_TERM}}}"},
            "query-input": f"required name={SEARCH_TERM}",
        },
    }
