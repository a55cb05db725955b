from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def texte_contributeur(fiche, field):
    """One of a fiche's texts as safe HTML, rendered when it was saved (see fiches.rendering)."""
    return mark_safe(fiche.html(field))  # noqa: S308 - sanitised by nh3 with an allow-list
