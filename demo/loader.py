"""The demo site built from its data files (data_files.py) through the services the tests use:
ressources, structures, fiches and evenements.

load_demo reads and checks every file (data_files.read) before this writes anything. Loading is
idempotent: pages are found by slug and documents by title, so a second run creates nothing.
"""

import copy
from datetime import datetime, time, timedelta

from django.utils import timezone

from evenements import services as evenements_services
from fiches import services as fiches_services
from ressources import services
from structures import services as structures_services

from .bourse import load_annonces
from .data_files import data_file
from .retours import load_retours

SITE_NAME = "Entraide"
SPREAD_DAYS = 180  # ressources are dated over the six months before the home page


def load(demo, *, hostname, port):
    """Build the demo site from ``demo`` (data_files.read()); returns the default Site."""
    with data_file(demo.folder / "sections.yaml"):
        home = services.get_or_create_home(services.get_locale(), **demo.sections["accueil"])
        site = services.configure_site(home, hostname=hostname, port=port, site_name=SITE_NAME)
        index = services.get_or_create_index(home, **demo.sections["ressources"])
        fiche_index = fiches_services.get_or_create_fiche_index(home, **demo.sections["fiches"])
        agenda = evenements_services.get_or_create_agenda(home, **demo.sections["ateliers"])
    with data_file(demo.folder / "structures.yaml"):
        structures = load_structures(demo.structures)
    load_fiches(fiche_index, demo.fiches, structures)
    load_ateliers(agenda, demo.ateliers, structures)
    with data_file(demo.folder / "annonces.yaml"):
        load_annonces(demo.annonces, structures)
    fichiers = load_documents(demo.modeles)
    ressources = load_modeles(index, demo.modeles) | load_guides(index, demo.guides, fichiers)
    link_ressources(demo.guides, ressources)
    with data_file(demo.folder / "en" / "sections.yaml"):
        english = services.get_locale("en")
        services.translate_page(home, english, **demo.sections_en["accueil"])
        services.translate_page(index, english, **demo.sections_en["ressources"])
        # The menu's other sections; their fiches and workshops stay in French, listed there
        # until translated (ressources.langues).
        services.translate_page(fiche_index, english, **demo.sections_en["fiches"])
        services.translate_page(agenda, english, **demo.sections_en["ateliers"])
    translations = translate_guides(demo.guides_en, ressources, fichiers)
    guides = [ressources[entry.slug] for entry in demo.guides]
    modeles = [ressources[entry.slug] for entry in demo.modeles]
    set_dates(home, guides, modeles, translations)
    load_retours([page for pair in zip(guides, modeles, strict=False) for page in pair])
    informations = load_informations(home, demo.informations)
    translate_informations(demo.informations_en, informations)
    return site


def create_each(entries, create):
    """``{slug: create(slug, fields)}`` for the entries, an error naming the entry's file."""
    created = {}
    for entry in entries:
        with data_file(entry.path):
            created[entry.slug] = create(entry.slug, dict(entry.fields))
    return created


def load_informations(home, informations):
    def create(slug, fields):
        return services.get_or_create_information(home, slug=slug, **fields)

    return create_each(informations, create)


def translate_informations(informations_en, informations):
    """The English pages d'information, named like the French page they translate."""
    english = services.get_locale("en")

    def translate(slug, fields):
        return services.translate_page(informations[slug], english, **fields)

    return create_each(informations_en, translate)


def load_structures(structures):
    return {
        structure["nom"]: structures_services.get_or_create_structure(**structure)
        for structure in structures
    }


def load_fiches(index, fiches, structures):
    def create(slug, fields):
        structure = structures[fields.pop("structure")]
        return fiches_services.get_or_create_published_fiche(index, structure, slug=slug, **fields)

    return create_each(fiches, create)


def load_ateliers(agenda, ateliers, structures):
    """The demo workshops, at their hour (Paris time) so many days from today."""
    today = timezone.localdate()

    def create(slug, fields):
        day = today + timedelta(days=fields.pop("jours"))
        debut = timezone.make_aware(datetime.combine(day, time(fields.pop("heure"))))
        fields["fin"] = debut + timedelta(minutes=fields.pop("duree_minutes"))
        fields["animateurs"] = [
            (
                animateur["nom"],
                structures[animateur["structure"]] if animateur.get("structure") else None,
            )
            for animateur in fields["animateurs"]
        ]
        return evenements_services.get_or_create_atelier(agenda, slug=slug, debut=debut, **fields)

    return create_each(ateliers, create)


def load_documents(modeles):
    """Every file of every modèle, keyed by file name (the name document blocks give)."""
    return {
        name: services.get_or_create_document(name, data, title)
        for entry in modeles
        for name, data, title in entry.fields["fichiers"]
    }


def load_modeles(index, modeles):
    def create(slug, fields):
        return services.get_or_create_modele(index, slug=slug, **fields)

    return create_each(modeles, create)


def load_guides(index, guides, fichiers):
    def create(slug, fields):
        del fields["liees"]
        fields["body"] = with_document_ids(fields["body"], fichiers)
        return services.get_or_create_guide(index, slug=slug, **fields)

    return create_each(guides, create)


def with_document_ids(body, fichiers):
    """The body with each document block's file name replaced by the document's id."""
    body = copy.deepcopy(body)
    for block in body:
        if block["type"] == "document":
            name = block["value"]["document"]
            if name not in fichiers:
                raise ValueError(f"« :::document {name} » : aucun modèle n'a ce fichier")
            block["value"]["document"] = fichiers[name].pk
    return body


def link_ressources(guides, ressources):
    def link(slug, fields):
        liees = [ressources[liee] for liee in fields["liees"]]
        return services.set_ressources_liees(ressources[slug], liees)

    create_each(guides, link)


def translate_guides(guides_en, ressources, fichiers):
    """The English guides, keyed by slug (the French guide's)."""
    english = services.get_locale("en")

    def translate(slug, fields):
        fields["body"] = with_document_ids(fields["body"], fichiers)
        return services.translate_page(ressources[slug], english, **fields)

    return create_each(guides_en, translate)


def set_dates(home, guides, modeles, translations):
    """Spread the ressources' publication dates over the months before the home page's first
    publication (a fixed point, so that a second run gives the same dates): guides and
    modèles alternate, some were updated after their first publication, translations
    came a few days after their source."""
    home.refresh_from_db(fields=["first_published_at"])
    anchor = home.first_published_at
    ordered = [page for pair in zip(guides, modeles, strict=False) for page in pair]
    ordered += guides[len(modeles) :] + modeles[len(guides) :]
    step = SPREAD_DAYS / len(ordered)
    for position, page in enumerate(ordered):
        first = anchor - timedelta(days=SPREAD_DAYS - position * step, hours=position % 7)
        last = first + timedelta(days=(position * 11) % 40) if position % 3 == 0 else first
        last = min(last, anchor - timedelta(hours=1))
        services.set_publication_dates(page, first, last)
        if page.slug in translations:
            delay = timedelta(days=4)
            services.set_publication_dates(translations[page.slug], first + delay, last + delay)
