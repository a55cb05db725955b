from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model

from . import serving


@require_safe
def download_document(request, document_id):
    """Serve a document as an attachment and count the download."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    for restriction in document.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return serving.download(
        request,
        document.file,
        document.filename,
        title=document.title,
        count=document.count_download,
    )
