"""A count of « Le réseau en chiffres » as a table cell says it, in the active language."""

from django import template
from django.utils.html import format_html

from .. import graphiques

register = template.Library()


@register.simple_tag
def chiffre(ligne, serie, seuil):
    """The count of ``serie`` in ``ligne``: a number, or why it is not shown (marked, so
    that it reads apart from the numbers)."""
    cellule = ligne.cellules[serie]
    texte = graphiques.texte(cellule, seuil)
    if cellule.montree:
        return texte
    return format_html('<span class="chiffre-masque">{}</span>', texte)
