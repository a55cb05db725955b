from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model

from .serving import attachment


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
    return attachment(file, document.filename)
