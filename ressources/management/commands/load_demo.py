"""python manage.py load_demo: the demo content of Entraide (home pages, Ressources index,
guides, modèles and their files, English translations), built through ressources.services.

Idempotent: a second run finds everything and creates no page, document or revision."""

import copy
from datetime import datetime, time, timedelta
from time import monotonic
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model

from evenements import services as evenements_services
from fiches import services as fiches_services
from fiches.services import get_or_create_fiche_index
from ressources import services
from ressources.demo import ateliers, documents, fiches, pages, translations
from ressources.demo.guides import GUIDES
from ressources.demo.modeles import MODELES
from ressources.models import GuidePage, HomePage, ModelePage, RessourceIndexPage

SITE_NAME = "Entraide"
SPREAD_DAYS = 180  # ressources are dated over the six months before the home page


class Command(BaseCommand):
    help = (
        "Charge le contenu de démonstration : accueil, liste des ressources, guides "
        "pratiques, modèles et leurs fichiers, traductions anglaises."
    )

    def add_arguments(self, parser):
        # By default the site's address (`make run` gives it), so that Wagtail links to it.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        default_port = address.port or (443 if address.scheme == "https" else 80)
        parser.add_argument("--hostname", default=address.hostname, help="Nom d'hôte du site.")
        parser.add_argument("--port", type=int, default=default_port, help="Port du site.")

    def handle(self, *args, hostname, port, **options):
        started = monotonic()
        before = counts()
        with transaction.atomic():
            home = services.get_or_create_home(services.get_locale(), **pages.HOME)
            site = services.configure_site(home, hostname=hostname, port=port, site_name=SITE_NAME)
            index = services.get_or_create_index(home, **pages.INDEX)
            structures = load_fiches(get_or_create_fiche_index(home, **pages.FICHES))
            load_ateliers(home, structures)
            fichiers = load_documents()
            ressources = load_modeles(index) | load_guides(index, fichiers)
            link_ressources(ressources)
            english = translate(home, index, ressources, fichiers)
            set_dates(home, ressources, english)
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.report(before, counts(), site, monotonic() - started)

    def report(self, before, after, site, seconds):
        created = {key: after[key] - before[key] for key in after}
        self.stdout.write(self.style.SUCCESS(f"Contenu de démonstration prêt en {seconds:.1f} s."))
        for language, label in (("fr", "français"), ("en", "anglais")):
            self.stdout.write(
                f"  Pages en {label} : {after[language, 'home']} accueil, "
                f"{after[language, 'index']} liste, {after[language, 'guide']} guides, "
                f"{after[language, 'modele']} modèles"
            )
        self.stdout.write(f"  Documents : {after['documents']}")
        pages_created = sum(n for key, n in created.items() if key != "documents")
        self.stdout.write(
            f"  Créés lors de cette exécution : {pages_created} pages, "
            f"{created['documents']} documents"
        )
        self.stdout.write(f"  Site « {site.site_name} » : {site.root_url}/")


def counts():
    models = {
        "home": HomePage,
        "index": RessourceIndexPage,
        "guide": GuidePage,
        "modele": ModelePage,
    }
    result = {
        (language, key): model.objects.filter(locale__language_code=language).count()
        for language in ("fr", "en")
        for key, model in models.items()
    }
    result["documents"] = get_document_model().objects.count()
    return result


def load_documents():
    """Every file of every modèle, keyed by filename (the name guides' document blocks use)."""
    return {
        filename: services.get_or_create_document(filename, data, title)
        for modele in MODELES
        for filename, data, title in documents.fichiers(modele)
    }


def load_modeles(index):
    fields = ("slug", "title", "chapo", "usage", "adaptation", "domaines", "publics", "niveau")
    return {
        modele["slug"]: services.get_or_create_modele(
            index,
            **{name: modele[name] for name in fields},
            version_date=modele["version_date"],
            fichiers=documents.fichiers(modele),
        )
        for modele in MODELES
    }


def load_guides(index, fichiers):
    fields = ("slug", "title", "chapo", "domaines", "publics", "niveau")
    return {
        guide["slug"]: services.get_or_create_guide(
            index,
            **{name: guide[name] for name in fields},
            body=with_document_ids(guide["body"], fichiers),
        )
        for guide in GUIDES
    }


def with_document_ids(body, fichiers):
    """The body with each document block's filename replaced by the document's id."""
    body = copy.deepcopy(body)
    for block in body:
        if block["type"] == "document":
            block["value"]["document"] = fichiers[block["value"]["document"]].pk
    return body


def load_fiches(index):
    structures = {
        structure["nom"]: fiches_services.get_or_create_structure(**structure)
        for structure in fiches.STRUCTURES
    }
    for fiche in fiches.FICHES:
        fields = {key: value for key, value in fiche.items() if key != "structure"}
        fiches_services.get_or_create_published_fiche(
            index, structures[fiche["structure"]], **fields
        )
    return structures


def load_ateliers(home, structures):
    """The demo workshops, at 18:00 Paris time so many days from today."""
    agenda = evenements_services.get_or_create_agenda(home, **ateliers.AGENDA)
    today = timezone.localdate()
    for atelier in ateliers.ATELIERS:
        fields = dict(atelier)
        day = today + timedelta(days=fields.pop("jours"))
        debut = timezone.make_aware(datetime.combine(day, time(fields.pop("heure"))))
        fields["debut"] = debut
        fields["fin"] = debut + timedelta(minutes=fields.pop("duree_minutes"))
        fields["animateurs"] = [
            (nom, structures.get(structure)) for nom, structure in fields["animateurs"]
        ]
        evenements_services.get_or_create_atelier(agenda, **fields)


def link_ressources(ressources):
    for guide in GUIDES:
        liees = [ressources[slug] for slug in guide["liees"]]
        services.set_ressources_liees(ressources[guide["slug"]], liees)


def translate(home, index, ressources, fichiers):
    """The English home, index and guides; returns the guides' translations by French slug."""
    en = services.get_locale("en")
    services.translate_page(home, en, **translations.HOME)
    services.translate_page(index, en, **translations.INDEX)
    english = {}
    for slug, fields in translations.GUIDES.items():
        fields = fields | {"body": with_document_ids(fields["body"], fichiers)}
        english[slug] = services.translate_page(ressources[slug], en, **fields)
    return english


def set_dates(home, ressources, english):
    """Spread the ressources' publication dates over the months before the home page's first
    publication (a fixed point, so that a second run gives the same dates): guides and
    modèles alternate, some were updated after their first publication, translations
    came a few days after their source."""
    home.refresh_from_db(fields=["first_published_at"])
    anchor = home.first_published_at
    guides = [ressources[guide["slug"]] for guide in GUIDES]
    modeles = [ressources[modele["slug"]] for modele in MODELES]
    ordered = [page for pair in zip(guides, modeles, strict=False) for page in pair]
    ordered += guides[len(modeles) :] + modeles[len(guides) :]
    step = SPREAD_DAYS / len(ordered)
    for position, page in enumerate(ordered):
        first = anchor - timedelta(days=SPREAD_DAYS - position * step, hours=position % 7)
        last = first + timedelta(days=(position * 11) % 40) if position % 3 == 0 else first
        last = min(last, anchor - timedelta(hours=1))
        services.set_publication_dates(page, first, last)
        if page.slug in english:
            services.set_publication_dates(
                english[page.slug], first + timedelta(days=4), last + timedelta(days=4)
            )
