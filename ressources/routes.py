"""Routes of pages (``RoutablePageMixin``) that end in a file name, such as a calendar feed.

Wagtail serves paths of words and hyphens that end in "/", and its routing adds that "/" to
what it hands a page: a file route accepts it and is reversed without it. The paths Wagtail's
own URL pattern leaves out (a file name at the end, a signed value « jeton:signature » in a
personal link) reach its page serving through ``SERVE_PATTERN`` (``entraide/urls.py``)."""

from wagtail.contrib.routable_page.models import re_path

# The kinds of file pages serve (calendars): any other file name stays unknown, so that an
# address such as /media/… is refused at once rather than sent to a language's pages.
FILE_EXTENSIONS = ("ics",)
SERVE_PATTERN = rf"^((?:[\w\-:]+/)*(?:[\w\-]+\.(?:{'|'.join(FILE_EXTENSIONS)}))?)$"


def file_route(pattern, name=None):
    """Decorates a page's view: ``pattern``, a regular expression without anchors (e.g.
    ``r"agenda\\.ics"``), matched with or without the final "/"."""
    return re_path(rf"^{pattern}/?$", name=name)
