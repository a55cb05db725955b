"""The rows of the open datasets (``donnees.jeux``): live, public content only, read in a
fixed number of queries whatever the number of items.

Pages are those anyone may open: live (never a draft nor a fiche in moderation, which is not
live until approved), public (no view restriction on them or an ancestor), in every language.
Each type is read with one query streamed in chunks (``iterator``), and what its rows list
(domaines, publics, a modèle's file formats) with one query per list, looked up by page: no
query per item, and nothing held in memory but the lists' identifiers.
"""

from collections import defaultdict
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from evenements.models import AtelierPage
from fiches.models import FichePage
from ressources.models import GuidePage, ModeleFichier, ModelePage
from structures.models import Structure

PARIS = ZoneInfo("Europe/Paris")
CHUNK_SIZE = 2000
FICHE_TEXTS = ("situation", "etapes", "reussites", "pieges", "liens", "rendered_texts")


def en_ligne(model):
    """The live, public pages of one type, in every language, with their locale (their
    address's language prefix), without their bodies."""
    return (
        model.objects.live().public().defer_streamfields().select_related("locale").order_by("pk")
    )


def slugs_par_page(pages, name):
    """``{page pk: [slugs]}`` of the terms of the many-to-many field ``name`` of ``pages``'
    model (domaines, publics), in one query."""
    relation = pages.model._meta.get_field(name)
    through = relation.remote_field.through
    source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
    rows = (
        through.objects.filter(**{f"{source}__in": pages.values("pk")})
        .order_by(source, f"{target}__ordre", f"{target}__slug")
        .values_list(f"{source}_id", f"{target}__slug")
    )
    found = defaultdict(list)
    for page_id, slug in rows:
        found[page_id].append(slug)
    return found


def paris(moment):
    return moment.astimezone(PARIS) if moment else None


def page_commune(page, domaines):
    return {
        "id": page.pk,
        "titre": page.title,
        "langue": page.locale.language_code,
        "url": page.get_full_url(),
        "chapo": page.chapo,
        "domaines": domaines.get(page.pk, []),
    }


def ressource_commune(page, taxonomie):
    domaines, publics = taxonomie
    return page_commune(page, domaines) | {
        "publics": publics.get(page.pk, []),
        "niveau": page.niveau,
        "publie_le": paris(page.first_published_at),
        "mis_a_jour_le": paris(page.last_published_at or page.first_published_at),
    }


def taxonomie(pages):
    return slugs_par_page(pages, "domaines"), slugs_par_page(pages, "publics")


def formats_par_modele(modeles):
    rows = ModeleFichier.objects.filter(modele__in=modeles.values("pk")).values_list(
        "modele_id", "document__file"
    )
    found = defaultdict(set)
    for modele_id, name in rows:
        if "." in name:
            found[modele_id].add(name.rsplit(".", 1)[-1].lower())
    return found


def ressources():
    """Guides, then modèles."""
    guides = en_ligne(GuidePage)
    termes = taxonomie(guides)
    for guide in guides.iterator(chunk_size=CHUNK_SIZE):
        yield ressource_commune(guide, termes) | {
            "type": GuidePage.type_key,
            "temps_de_lecture": guide.reading_time,
        }
    modeles = en_ligne(ModelePage)
    termes, formats = taxonomie(modeles), formats_par_modele(modeles)
    for modele in modeles.iterator(chunk_size=CHUNK_SIZE):
        yield ressource_commune(modele, termes) | {
            "type": ModelePage.type_key,
            "licence": modele.licence,
            "version_du": modele.version_date,
            "formats": sorted(formats.get(modele.pk, ())),
        }


def fiches():
    """The approved fiches, with the public fields of their structure (never its members,
    never the names of their attachments)."""
    pages = en_ligne(FichePage).defer(*FICHE_TEXTS).select_related("structure")
    termes = taxonomie(pages)
    for fiche in pages.iterator(chunk_size=CHUNK_SIZE):
        yield ressource_commune(fiche, termes) | {
            "structure": fiche.structure.nom,
            "structure_id": fiche.structure.slug,
            "departement": fiche.structure.departement,
        }


def ateliers():
    """Past and upcoming workshops, cancelled ones included (their page stays, saying so).
    What a workshop's page shows of it, never its registrations nor its visio link."""
    pages = en_ligne(AtelierPage).defer("description", "lien_visio", "annonce")
    domaines = slugs_par_page(pages, "domaines")
    for atelier in pages.iterator(chunk_size=CHUNK_SIZE):
        yield page_commune(atelier, domaines) | {
            "debut": paris(atelier.debut),
            "fin": paris(atelier.fin),
            "format": atelier.format,
            "departement": atelier.departement,
            "places": atelier.capacite,
            "annule": atelier.annule,
        }


def structures():
    """What a structure's public page shows: no member, no SIREN/SIRET/RNA number."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    champs = ("slug", "nom", "type_structure", "departement", "site_web", "description")
    rows = Structure.objects.order_by("slug").only(*champs, "verifiee")
    with translation.override(settings.LANGUAGE_CODE):
        for structure in rows.iterator(chunk_size=CHUNK_SIZE):
            yield {
                "id": structure.slug,
                "nom": structure.nom,
                "type_structure": structure.type_structure,
                "departement": structure.departement,
                "site_web": structure.site_web,
                "description": structure.description,
                "verifiee": structure.verifiee,
                "url": base + reverse("structure", kwargs={"slug": structure.slug}),
            }
