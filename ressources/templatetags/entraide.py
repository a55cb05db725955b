import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page

from .. import json_ld, langues, navigation, page_cache, sommaire

register = template.Library()

# What Django's json_script escapes, so that no text in the data can end the script element
# or open a comment in it (its own table is private).
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def page_cache_depends(context, name):
    """The page being rendered shows what changes with ``name`` (``ressources.page_cache``)."""
    page_cache.depends(context.get("request"), name)
    return ""


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    return {"links": navigation.language_links(request, context.get("page"))}


@register.simple_tag
def sommaire_du_corps(body):
    """The body's blocks with their headings' anchors, and its sommaire (ressources.sommaire)."""
    return sommaire.du_corps(body)


@register.inclusion_tag("includes/langue_originale.html", takes_context=True)
def langue_originale(context):
    """The notice over a page read in its own language from another one
    (``ressources.views.version_originale``), in the reader's language."""
    code = getattr(context.get("request"), "langue_originale", "")
    return {"langue": langues.language_name(code) if code else ""}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    return {
        "request": context["request"],
        "ancestors": navigation.breadcrumbs(page),
        "page": page,
    }


@register.simple_tag(takes_context=True)
def home_url(context):
    home = navigation.home_page(context["request"])
    return home.get_url(context["request"]) if home else "/"


@register.simple_tag(takes_context=True)
def domaine_url(context, slug):
    return navigation.domaine_url(context["request"], slug)


@register.simple_tag(takes_context=True)
def domaines_url(context):
    request = context["request"]
    home = navigation.home_page(request)
    return home.get_url(request) + home.reverse_subpage("domaines") if home else ""


@register.filter
def filesize(num_bytes):
    """A size in the active locale's format: « 45,2 ko » / "45.2 KB"."""
    return filesizeformat(num_bytes) if num_bytes else _("taille inconnue")


@register.simple_tag(takes_context=True)
def menu_pages(context):
    return navigation.menu_pages(context.get("request"))


@register.simple_tag(takes_context=True)
def information_pages(context):
    return navigation.information_pages(context.get("request"))


@register.filter
def json_ld_script(data):
    """``data`` (a dict built in Python, e.g. ``AtelierPage.json_ld``) as a JSON-LD script
    element, serialised as ``json_script`` does but with the type search engines read; a list
    of them as one element each."""
    if not data:
        return ""
    if isinstance(data, list):
        return mark_safe("\n".join(json_ld_script(item) for item in data))
    content = json.dumps(data, cls=DjangoJSONEncoder).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(content))


@register.simple_tag(takes_context=True)
def page_json_ld(context):
    """The schema.org description of the Wagtail page being served (its type's ``json_ld``,
    on the page's own address only: not on the routes it serves, as /proposer/) and its
    BreadcrumbList, as JSON-LD script elements."""
    request, page = context.get("request"), context.get("page")
    if request is None or not isinstance(page, Page):
        return ""
    blocks = []
    if hasattr(page, "json_ld") and request.path == page.get_url(request):
        blocks.append(page.json_ld(request))
    blocks.append(json_ld.breadcrumb_list(request, json_ld.page_trail(request, page)))
    return json_ld_script(blocks)


@register.simple_tag(takes_context=True)
def json_ld_breadcrumbs(context, *names_and_urls):
    """A BreadcrumbList for a page that is not a Wagtail page: the home page, then the
    (name, url) pairs given in turn."""
    request = context["request"]
    trail = zip(names_and_urls[::2], names_and_urls[1::2], strict=True)
    return json_ld_script(json_ld.breadcrumb_list(request, json_ld.home_trail(request, *trail)))
