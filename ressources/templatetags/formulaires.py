"""What base.html needs to know about the forms a page shows, whatever the view names them."""

from django import template
from django.forms import BaseForm

register = template.Library()


@register.simple_tag(takes_context=True)
def formulaire_en_erreur(context):
    """Whether a form sent on this page came back with errors: the page title then starts
    with « Erreur », the first thing a screen reader says (RGAA 11.10)."""
    return any(form_has_errors(value) for value in context.flatten().values())


def form_has_errors(value):
    # type(), not isinstance(): isinstance would evaluate the context's lazy objects (the CSRF
    # token among them, which would set a cookie on every page).
    return issubclass(type(value), BaseForm) and value.is_bound and bool(value.errors)
