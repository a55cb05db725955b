"""Middlewares that look at a request before any view reads it, and one that answers when a
server the site shares is down."""

import logging

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from . import emails


class UploadSizeMiddleware:
    """Refuses (413) a request whose body, as its ``Content-Length`` announces it, is larger
    than the largest upload the site accepts, before a byte of that body is read: nobody can
    make a server process receive and store hundreds of megabytes. A body of unknown size is
    left to Django's own limits and to the upload forms' checks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        size = announced_size(request)
        if size > settings.MAX_UPLOAD_REQUEST_SIZE:
            return too_large(request, size)
        return self.get_response(request)


def announced_size(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def too_large(request, size):
    """A standalone page (no session, no database): the request stops here."""
    context = {"taille": size, "maximum": settings.MAX_UPLOAD_REQUEST_SIZE}
    return HttpResponse(render_to_string("413.html", context, request=request), status=413)


class EmailLinksMiddleware:
    """E-mails sent while a request is served link to the address that request came to
    (``ressources.emails.absolute``), whatever port or host the site runs on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with emails.links_from(request):
            return self.get_response(request)


class SharedServerDownMiddleware:
    """The shared cache's server (Redis: rate limits, lockouts' counters) does not answer: a
    clear « service momentanément indisponible » (503, retry in a minute) rather than an
    error page, and nothing is recorded half-way (the request's transaction is rolled back
    with the exception). /sante/ names the part that failed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, RedisConnectionError | RedisTimeoutError):
            return None
        logging.getLogger(__name__).error("Shared cache server down", exc_info=exception)
        response = HttpResponse(render_to_string("503.html", request=request), status=503)
        response["Retry-After"] = "60"
        return response
