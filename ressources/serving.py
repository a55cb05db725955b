"""Sending a stored file to a browser, the same way for every download of the site.

A download counts (``counts_as_download``) when the public fetches a public file: a GET (a
HEAD only asks about the file) of a file anyone may download (a document of a collection
without restriction, a file of a published fiche), by someone who is neither one of its
authors (a member of the fiche's structure) nor of the site's team at work (anyone with
access to the admin: editors, moderators, animators). Previews and checks are not downloads.

A public file may be kept by any cache, but checked with the site before each use
(``public, no-cache``), so that every download still comes here and is counted. A private
file (not public yet, restricted, or a draft's) is kept by no cache at all
(``private, no-store``).

Each real download is also announced (``file_downloaded``), so that the inventory can tally
downloads by day without this module knowing it."""

import mimetypes

from django.dispatch import Signal
from django.http import FileResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control

# Types a browser could execute or display as a page: always sent as opaque bytes.
UNSAFE_CONTENT_TYPES = {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml"}

#: Sent for each download that counts (see the module's docstring), the model of the file
#: (a document, a fiche's attachment) as ``sender``: what the inventory tallies by day.
file_downloaded = Signal()


def is_team(user):
    """Someone who works on the site in the admin."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def counts_as_download(request, *, public, by_author=False):
    return request.method == "GET" and public and not by_author and not is_team(request.user)


def attachment(file, filename):
    """The file as an attachment: never displayed inline, never sniffed into another type."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    if content_type in UNSAFE_CONTENT_TYPES:
        content_type = "application/octet-stream"
    response = FileResponse(file, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def download(request, fieldfile, filename, *, title, count, public, by_author=False):
    """Send a stored file as an attachment, calling ``count()`` for a real download (see the
    module's docstring); a file gone from the storage gets a clear 404 page, not a
    traceback."""
    try:
        file = fieldfile.open("rb")
    except (FileNotFoundError, OSError, ValueError):
        return render(request, "ressources/document_introuvable.html", {"title": title}, status=404)
    if counts_as_download(request, public=public, by_author=by_author):
        count()
        file_downloaded.send(sender=type(fieldfile.instance))
    response = attachment(file, filename)
    if public:
        patch_cache_control(response, public=True, no_cache=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
