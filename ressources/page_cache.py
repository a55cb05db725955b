"""Public pages served to anonymous visitors from a shared cache (``settings.CACHES["pages"]``).

Wagtail 8 has no page cache of its own and wagtail-cache does not support it yet, so the site
owns this piece, on Django's public cache API. A page is kept when all of these hold:

- the request is an anonymous GET: no cookie but the CSRF and language ones (a session, a
  flash message: the visitor is served fresh), no ``Authorization``;
- the response is a Wagtail page (``wagtail_serve`` routes), 200, sets no cookie (a page
  with a form sets the CSRF cookie its token goes with: the workshop pages) and has no
  ``Cache-Control`` of its own (personal pages say ``private, no-store``).

Kept pages are keyed on the site's address and path with query, and on a *generation* of the
content, replaced whenever anything published changes (``purge``): every kept page is then
out of date at once, in every process, and an edit shows at the next request. A page that
shows workshops' free seats (``{% page_cache_depends "places" %}``) also remembers the seats'
generation, replaced on each registration, and is rendered again when it moved on.

Those pages tell a reverse proxy or CDN it may keep them ``FRONTEND_CACHE_SECONDS``
(``s-maxage``; 0 unless Wagtail's front-end cache invalidation is set up), and browsers to
check each time (``max-age=0``). Responses to signed-in visitors are ``private``.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from . import shared_cache
from .shared_cache import Unfailing

CONTENU, PLACES = "contenu", "places"
WAGTAIL_ROUTES = {"wagtail_serve", "wagtail_serve_routes"}


def generation_key(name):
    return f"page-cache:generation:{name}"


def purge(*names):
    """Every kept page showing ``names`` (all: ``CONTENU``) is out of date, now and when the
    transaction commits (``shared_cache.replace``). The generations live in the counters'
    cache, which never evicts."""
    names = names or (CONTENU,)
    shared_cache.replace(Unfailing(caches["default"]), [generation_key(name) for name in names])


def forget_pages(**kwargs):
    """``purge()`` as a signal receiver."""
    purge(CONTENU)


def forget_seats(**kwargs):
    purge(PLACES)


def depends(request, name):
    """Called while a page renders: it shows what generation ``name`` follows."""
    dependencies = getattr(request, "page_cache_depends", None)
    if dependencies is not None:
        dependencies.add(name)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.allowed_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self.get_response(request)
        if not self.anonymous_get(request):
            response = self.get_response(request)
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True)
            return response
        generations, kept = self.lookup(request)  # a cache server down finds nothing
        if kept is not None:
            return self.replay(kept)
        request.page_cache_depends = set()
        response = self.get_response(request)
        if generations is not None and self.storable(request, response):
            self.store(request, response, generations)
        return response

    def anonymous_get(self, request):
        return (
            request.method == "GET"
            and set(request.COOKIES) <= self.allowed_cookies
            and "HTTP_AUTHORIZATION" not in request.META
        )

    def key(self, request, generations):
        address = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"page-cache:{generations.get(generation_key(CONTENU))}:{digest}"

    def lookup(self, request):
        keys = [generation_key(name) for name in (CONTENU, PLACES)]
        found = shared_cache.generations(Unfailing(caches["default"]), keys)
        if len(found) < len(keys):  # no generations to follow: neither read nor kept
            return None, None
        kept = Unfailing(caches["pages"]).get(self.key(request, found))
        seats = found.get(generation_key(PLACES))
        if kept is not None and kept["places"] not in (None, seats):
            kept = None  # the free seats it shows have changed
        return found, kept

    def storable(self, request, response):
        match = request.resolver_match
        return (
            match is not None
            and match.url_name in WAGTAIL_ROUTES
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "Cache-Control" not in response
        )

    def store(self, request, response, generations):
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.FRONTEND_CACHE_SECONDS
        )
        shows_seats = PLACES in request.page_cache_depends
        places = generations.get(generation_key(PLACES)) if shows_seats else None
        kept = {
            "content": response.content,
            "status": response.status_code,
            "headers": dict(response.headers),
            "places": places,
        }
        cache = Unfailing(caches["pages"])
        cache.set(self.key(request, generations), kept, settings.PAGE_CACHE_SECONDS)

    def replay(self, kept):
        response = HttpResponse(kept["content"], status=kept["status"])
        for name, value in kept["headers"].items():
            response[name] = value
        return response
