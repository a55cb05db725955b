"""Where the shared header and footer link to, computed once per request."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from . import langues


def home_page(request):
    """The home page in the active language (the default one when it has no translation) of
    the request's site, or of the default site without a request (a shell, a test)."""
    return _homes(request)[1]


def source_home_page(request):
    """The site's root home page, in the source language: its sections are the menu's, in
    every language (``menu_pages``)."""
    return _homes(request)[0]


def _homes(request):
    """(root home, home in the active language), read once per request."""
    if request is None:
        return _read_homes(Site.objects.filter(is_default_site=True).first())
    if not hasattr(request, "_entraide_homes"):
        request._entraide_homes = _read_homes(Site.find_for_request(request))
    return request._entraide_homes


def _read_homes(site):
    if site is None:
        return None, None
    root = Page.objects.filter(pk=site.root_page_id).select_related("locale").first()
    home = root.localized.specific if root else None
    # A site whose root is not a HomePage (not set up yet) has no home page.
    if not isinstance(home, RoutablePageMixin):
        return None, None
    return root, home


def domaine_url(request, slug):
    """The page listing a domaine's ressources, served by the home page ("" before the site
    has one)."""
    home = home_page(request)
    if home is None:
        return ""
    return home.get_url(request) + home.reverse_subpage("domaine", kwargs={"slug": slug})


def language_links(request, page=None):
    """One link per language: the translation of the page when it exists and is live; for a
    live page without one, the page itself under a notice in that language (its « version
    originale » address, ``only_in`` naming the page's language); else that language's home
    page. Pages that are not Wagtail pages (search, downloads) keep their path in the other
    language."""
    current = translation.get_language()
    translations = {}
    homes = {}
    if isinstance(page, Page):
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code] = translated
        home = home_page(request)
        if home is not None:
            for translated in home.get_translations(inclusive=True).live().select_related("locale"):
                homes[translated.locale.language_code] = translated
    own = next((code for code, found in translations.items() if found.pk == page.pk), "")
    subpath = _routable_subpath(request, page)
    links = []
    for code, name in settings.LANGUAGES:
        link = {"code": code, "name": name, "current": code == current, "only_in": ""}
        if code in translations:
            link["url"] = translations[code].get_url(request) + subpath
        elif own:
            link["url"] = langues.version_originale_url(page, code)
            with translation.override(code):
                link["only_in"] = str(langues.language_name(own))
        elif code in homes:
            link["url"] = homes[code].get_url(request)
        else:
            link["url"] = translate_url(request.get_full_path(), code)
        link["is_translation"] = code in translations
        links.append(link)
    return links


def _routable_subpath(request, page):
    """The part of the path a routable page serves itself (``domaines/juridique-statuts/``),
    kept when switching language since slugs of the classification are the same everywhere."""
    if getattr(request, "routable_resolver_match", None) is None or page is None:
        return ""
    page_url = page.get_url(request)
    if page_url and request.path.startswith(page_url):
        return request.path[len(page_url) :]
    return ""


def breadcrumbs(page):
    """The live ancestors of ``page`` under the root, read once per page object: the HTML
    trail and the JSON-LD one (``ressources.json_ld``) share them."""
    if not isinstance(page, Page):
        return []
    if not hasattr(page, "_entraide_breadcrumbs"):
        page._entraide_breadcrumbs = list(
            page.get_ancestors()
            .filter(depth__gt=1)
            .live()
            .only("title", "url_path", "locale_id", "depth", "path")
        )
    return page._entraide_breadcrumbs


def menu_pages(request):
    """The sections of the header's menu."""
    sections, _informations = _home_children(request)
    return sections


def information_pages(request):
    """The footer's pages d'information (mentions légales, accessibilité…)."""
    _sections, informations = _home_children(request)
    return informations


def _home_children(request):
    """(header sections, footer pages d'information): the live children of the home page
    that the header or the footer link to, one query per request for both. In another
    language than the source one, the menu keeps the source home's sections, in their order:
    each one's translation, or the section itself (``menu_url``, ``langue``) until it has one."""
    if request is not None and hasattr(request, "_entraide_home_children"):
        return request._entraide_home_children
    home = home_page(request)
    found = ([], [])
    if home is not None:
        # By name: the page models' JSON-LD reads this module, which cannot import them.
        info = ContentType.objects.get_by_natural_key("ressources", "informationpage")
        source = source_home_page(request)
        pages = Page.objects.live()
        where = pages.child_of_q(home) & (Q(show_in_menus=True) | Q(content_type=info))
        if source.pk != home.pk:
            where |= pages.child_of_q(source) & Q(show_in_menus=True) & ~Q(content_type=info)
        sources = []
        for page in pages.filter(where).only(
            "title",
            "url_path",
            "locale_id",
            "content_type_id",
            "show_in_menus",
            "path",
            "translation_key",
        ):
            if source.pk != home.pk and page.path.startswith(source.path):
                sources.append(page)
            else:
                found[page.content_type_id == info.pk].append(page)
        if source.pk != home.pk:
            found = (_with_untranslated_sections(found[0], sources, source, request), found[1])
    if request is not None:
        request._entraide_home_children = found
    return found


def _with_untranslated_sections(sections, sources, source, request):
    """The ``sources`` sections in their order, each replaced by its translation among
    ``sections`` when it has one, or read in the source language under a notice; then the
    sections that translate none of them."""
    by_key = {page.translation_key: page for page in sections}
    language = translation.get_language()
    menu = []
    for page in sources:
        translated = by_key.pop(page.translation_key, None)
        if translated is None:
            page.langue = source.locale.language_code
            page.menu_url = langues.version_originale_url(page, language)
        menu.append(translated or page)
    return menu + [page for page in sections if page.translation_key in by_key]
