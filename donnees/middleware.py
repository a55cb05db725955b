"""Django's LocaleMiddleware, for an API that has no language prefix by design."""

from django.middleware import locale
from django.utils import translation
from django.utils.cache import patch_vary_headers

API_PREFIX = "/api/"


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, except that a 404 under /api/ stays a 404 (its JSON message): Django would
    redirect it to /fr/api/…, which Wagtail's catch-all route answers with an HTML page."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(API_PREFIX):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
