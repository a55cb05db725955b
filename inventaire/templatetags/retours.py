"""The reader feedback widget's form, for page templates (no query: the page stays as cheap
as before, and cacheable)."""

from django import template

from ..forms import RetourForm

register = template.Library()


@register.simple_tag
def formulaire_de_retour():
    return RetourForm(auto_id="retour-%s")
