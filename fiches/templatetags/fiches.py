from django import template
from django.utils.safestring import mark_safe

from ..texte import to_html

register = template.Library()


@register.filter
def texte_contributeur(text):
    """A contributor's text as safe HTML (see fiches.texte)."""
    return mark_safe(to_html(text))  # noqa: S308 - sanitised by nh3 with an allow-list
