from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from . import serving


@require_safe
def download_document(request, document_id):
    """Serve a document as an attachment; public when its collection has no restriction."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    restrictions = list(document.collection.get_view_restrictions())
    if not all(restriction.accept_request(request) for restriction in restrictions):
        raise Http404
    return serving.download(
        request,
        document.file,
        document.filename,
        title=document.title,
        count=document.count_download,
        public=not restrictions,
    )


@require_safe
def version_originale(request, pk):
    """A live page that has no translation in the active language, served in its own
    language with the menus in the reader's and a notice (``request.langue_originale``,
    read by the base template). Served as ``wagtail.views.serve`` serves a page: through
    the ``on_serve_page`` hooks (the view restrictions are one) and after the
    ``before_serve_page`` ones. A page in the reader's language, or translated into it, is
    a redirect there. Not for search engines: the page has its own address."""
    page = get_object_or_404(Page.objects.live().select_related("locale"), pk=pk)
    locale = Locale.get_active()
    translated = page.get_translation_or_none(locale) if page.locale_id != locale.pk else page
    if translated is not None and translated.live:
        return redirect(translated.get_url(request))
    langue = page.locale.language_code
    page, args, kwargs = page.specific.route(request, [])
    chain = serve_page
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    request.langue_originale = langue
    response = chain(page, request, args, kwargs)
    response["X-Robots-Tag"] = "noindex"
    return response


def serve_page(page, request, args, kwargs):
    """The end of the ``on_serve_page`` chain, as in Wagtail."""
    return page.serve(request, *args, **kwargs)
