"""python manage.py load_demo: the demo site (home pages, listings, guides, modèles and their
files, fiches, structures, ateliers, English translations) from the files of demo/data/.

Idempotent: a second run finds everything and creates no page, document or revision."""

from time import monotonic
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.documents import get_document_model

from demo import data_files, loader
from evenements.models import AtelierPage
from fiches.models import FichePage
from ressources.models import GuidePage, HomePage, ModelePage, RessourceIndexPage
from structures.models import Structure

COUNTED = {
    "accueil": HomePage,
    "liste": RessourceIndexPage,
    "guides": GuidePage,
    "modèles": ModelePage,
    "fiches": FichePage,
    "ateliers": AtelierPage,
}


class Command(BaseCommand):
    help = (
        "Charge le contenu de démonstration : accueil, liste des ressources, guides "
        "pratiques, modèles et leurs fichiers, fiches, ateliers, traductions anglaises."
    )

    def add_arguments(self, parser):
        # By default the site's address (`make run` gives it), so that Wagtail links to it.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        default_port = address.port or (443 if address.scheme == "https" else 80)
        parser.add_argument("--hostname", default=address.hostname, help="Nom d'hôte du site.")
        parser.add_argument("--port", type=int, default=default_port, help="Port du site.")
        parser.add_argument(
            "--data", default=data_files.DATA, help="Dossier des données (par défaut demo/data)."
        )

    def handle(self, *args, hostname, port, data, **options):
        started = monotonic()
        before = counts()
        try:
            demo = data_files.read(data)
            with transaction.atomic():
                site = loader.load(demo, hostname=hostname, port=port)
        except data_files.DataFileError as error:
            raise CommandError(str(error)) from error
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        self.report(before, counts(), site, monotonic() - started)

    def report(self, before, after, site, seconds):
        self.stdout.write(self.style.SUCCESS(f"Contenu de démonstration prêt en {seconds:.1f} s."))
        for language, label in (("fr", "français"), ("en", "anglais")):
            pages = ", ".join(f"{after[language, name]} {name}" for name in COUNTED)
            self.stdout.write(f"  Pages en {label} : {pages}")
        self.stdout.write(f"  Documents : {after['documents']}, structures : {after['structures']}")
        created = {key: after[key] - before[key] for key in after}
        pages_created = sum(n for key, n in created.items() if isinstance(key, tuple))
        self.stdout.write(
            f"  Créés lors de cette exécution : {pages_created} pages, "
            f"{created['documents']} documents"
        )
        self.stdout.write(f"  Site « {site.site_name} » : {site.root_url}/")


def counts():
    result = {
        (language, name): model.objects.filter(locale__language_code=language).count()
        for language in ("fr", "en")
        for name, model in COUNTED.items()
    }
    result["documents"] = get_document_model().objects.count()
    result["structures"] = Structure.objects.count()
    return result
