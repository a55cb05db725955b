"""Sending a stored file to a browser, the same way for every download of the site."""

import mimetypes

from django.http import FileResponse
from django.shortcuts import render

# Types a browser could execute or display as a page: always sent as opaque bytes.
UNSAFE_CONTENT_TYPES = {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml"}


def attachment(file, filename):
    """The file as an attachment: never displayed inline, never sniffed into another type."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    if content_type in UNSAFE_CONTENT_TYPES:
        content_type = "application/octet-stream"
    response = FileResponse(file, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def download(request, fieldfile, filename, *, title, count):
    """Send a stored file as an attachment, calling ``count()`` for a real download (GET,
    not HEAD); a file gone from the storage gets a clear 404 page, not a traceback."""
    try:
        file = fieldfile.open("rb")
    except (FileNotFoundError, OSError, ValueError):
        return render(request, "ressources/document_introuvable.html", {"title": title}, status=404)
    if request.method == "GET":
        count()
    return attachment(file, filename)
