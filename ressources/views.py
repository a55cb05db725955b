import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model

# Types a browser could execute or display as a page: always sent as opaque bytes.
UNSAFE_CONTENT_TYPES = {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml"}


@require_safe
def download_document(request, document_id):
    """Serve a document as an attachment and count the download."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    for restriction in document.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    try:
        file = document.file.open("rb")
    except (FileNotFoundError, OSError, ValueError):
        return render(
            request, "ressources/document_introuvable.html", {"document": document}, status=404
        )
    if request.method == "GET":
        document.count_download()
    content_type = mimetypes.guess_type(document.filename)[0] or "application/octet-stream"
    if content_type in UNSAFE_CONTENT_TYPES:
        content_type = "application/octet-stream"
    response = FileResponse(
        file, as_attachment=True, filename=document.filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
