"""Sending a stored file to a browser, the same way for every download of the site."""

import mimetypes

from django.http import FileResponse

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
