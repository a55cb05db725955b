"""Workshops shown on pages of other apps: the home page lists the next ones with
``{% load ateliers %}{% prochains_ateliers page %}``, so that the editorial core never asks
for them."""

from django import template

from ..agenda import prochains

register = template.Library()


@register.inclusion_tag("evenements/includes/prochains_ateliers.html", takes_context=True)
def prochains_ateliers(context, home):
    """The next workshops of ``home``'s language, with a link to their agenda."""
    return {"request": context.get("request"), "prochains_ateliers": prochains(home)}
