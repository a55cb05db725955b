"""Pages reached by a personal link (a registration, an alert, an account's deletion): the
link is the key, so the page is kept by no cache, its address is never sent to other sites,
and search engines leave it alone."""

from functools import wraps

from django.utils.cache import patch_cache_control


def personnelle(view):
    """``same-origin``, not ``no-referrer``: the browser must still send the Origin header
    Django's CSRF check reads on the pages' confirmation forms."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped
