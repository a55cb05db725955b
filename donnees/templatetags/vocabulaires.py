"""Machine-readable links from a page to the terms of the open vocabularies it uses."""

from django import template
from django.utils.html import format_html_join

from ressources.models.taxonomy import Domaine, Niveau
from structures.models import TypeStructure

from .. import vocabulaires

register = template.Library()

NIVEAUX = set(Niveau.values)
TYPES = set(TypeStructure.values)


def term_links(thing):
    """(property, URI) of the terms ``thing`` (a page, a structure) uses."""
    links = []
    for name, schema, prop in (
        ("domaines", "domaines", "dcterms:subject"),
        ("publics", "publics", "dcterms:audience"),
    ):
        related = getattr(thing, name, None)
        if related is not None and hasattr(related, "all"):
            links += [
                (prop, vocabulaires.concept_uri(schema, term.translation_key))
                for term in related.all()
            ]
    niveau = getattr(thing, "niveau", None)
    if niveau in NIVEAUX:
        links.append(("dcterms:educationLevel", vocabulaires.concept_uri("niveaux", niveau)))
    type_structure = getattr(thing, "type_structure", None)
    if type_structure in TYPES:
        links.append(("dcterms:type", vocabulaires.concept_uri("types-structure", type_structure)))
    departement = getattr(thing, "departement", None)
    if departement:
        uri = vocabulaires.concept_uri("territoires", f"departement-{departement}")
        links.append(("dcterms:spatial", uri))
    return links


@register.simple_tag(takes_context=True)
def vocabulaire_links(context):
    """``<link property="dcterms:subject" href="…">`` (RDFa, whose initial context knows the
    ``dcterms`` prefix) for each term the page uses: invisible, so nothing to read aloud, and
    a term's URI stays the same when an editor renames it."""
    domaine = context.get("domaine")
    if isinstance(domaine, Domaine):  # a domaine's own page
        links = [("dcterms:subject", vocabulaires.concept_uri("domaines", domaine.translation_key))]
    else:
        links = term_links(context.get("page") or context.get("structure"))
    return format_html_join("\n", '<link property="{}" href="{}">', links)
