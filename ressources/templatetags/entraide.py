from django import template
from django.utils.translation import gettext as _

from .. import navigation

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    return {"links": navigation.language_links(request, context.get("page"))}


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
    request = context["request"]
    home = navigation.home_page(request)
    if home is None:
        return ""
    return home.get_url(request) + home.reverse_subpage("domaine", kwargs={"slug": slug})


@register.simple_tag(takes_context=True)
def domaines_url(context):
    request = context["request"]
    home = navigation.home_page(request)
    return home.get_url(request) + home.reverse_subpage("domaines") if home else ""


@register.filter
def filesize(num_bytes):
    """A size in the active locale's format: « 45,2 ko » / "45.2 KB"."""
    from django.template.defaultfilters import filesizeformat

    return filesizeformat(num_bytes) if num_bytes else _("taille inconnue")


@register.simple_tag(takes_context=True)
def menu_pages(context):
    return navigation.menu_pages(context["request"])
