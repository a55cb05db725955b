"""The site's addresses as the URL configuration declares them, for the tests that must read
every public one (query strings, disclosure)."""

from django.urls import URLPattern, URLResolver, get_resolver


def url_patterns(patterns=None, prefix="", namespace=""):
    """(route, name, callback) of every URL pattern, its name with its namespaces
    (``api:pages:listing``); Wagtail's admin as one, named ``admin``."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route == "admin/":
                yield route, "admin", None
            else:
                inner = ":".join(filter(None, (namespace, pattern.namespace)))
                yield from url_patterns(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and ":".join(filter(None, (namespace, pattern.name)))
            yield route, name, pattern.callback
