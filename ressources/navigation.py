"""Where the shared header and footer link to, computed once per request."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site


def home_page(request):
    """The home page in the active language (the default one when it has no translation) of
    the request's site, or of the default site without a request (a shell, a test)."""
    if request is None:
        return _localized_home(Site.objects.filter(is_default_site=True).first())
    if not hasattr(request, "_entraide_home"):
        request._entraide_home = _localized_home(Site.find_for_request(request))
    return request._entraide_home


def _localized_home(site):
    if site is None:
        return None
    root = Page.objects.filter(pk=site.root_page_id).first()
    home = root.localized.specific if root else None
    # A site whose root is not a HomePage (not set up yet) has no home page.
    return home if isinstance(home, RoutablePageMixin) else None


def domaine_url(request, slug):
    """The page listing a domaine's ressources, served by the home page ("" before the site
    has one)."""
    home = home_page(request)
    if home is None:
        return ""
    return home.get_url(request) + home.reverse_subpage("domaine", kwargs={"slug": slug})


def language_links(request, page=None):
    """One link per language: the translation of the page when it exists and is live,
    else that language's home page. Pages that are not Wagtail pages (search, downloads)
    keep their path in the other language."""
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
    subpath = _routable_subpath(request, page)
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is not None:
            url = target.get_url(request)
            if code in translations:
                url += subpath
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "is_translation": code in translations,
            }
        )
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
    that the header or the footer link to, one query per request for both."""
    if request is not None and hasattr(request, "_entraide_home_children"):
        return request._entraide_home_children
    home = home_page(request)
    found = ([], [])
    if home is not None:
        # By name: the page models' JSON-LD reads this module, which cannot import them.
        info = ContentType.objects.get_by_natural_key("ressources", "informationpage")
        for page in (
            home.get_children()
            .live()
            .filter(Q(show_in_menus=True) | Q(content_type=info))
            .only("title", "url_path", "locale_id", "content_type_id", "show_in_menus")
        ):
            found[page.content_type_id == info.pk].append(page)
    if request is not None:
        request._entraide_home_children = found
    return found
