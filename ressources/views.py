from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model

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
