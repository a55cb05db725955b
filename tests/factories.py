"""Factories for the resource centre's pages and documents.

Domaines and publics come from the data migration (``0002_locales_groupes_classement``): look
them up with :func:`domaine` and :func:`public` instead of creating duplicates.
"""

import datetime
import json
from zoneinfo import ZoneInfo

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, Site

from evenements.models import AtelierAnimateur
from ressources.models import (
    Domaine,
    GuidePage,
    HomePage,
    ModeleFichier,
    ModelePage,
    Niveau,
    Public,
    RessourceDocument,
    RessourceIndexPage,
    RessourceLiee,
)

# Publication dates are spread from this instant backwards, so that "most recent first" never
# depends on how a database orders equal timestamps.
REFERENCE_DATE = timezone.now().replace(microsecond=0)
SMALL_ODT = b"PK\x03\x04 un petit fichier de test, pas un vrai OpenDocument"
PARIS = ZoneInfo("Europe/Paris")
VISIO = "https://visio.entraide.example/salle-secrete-4821"
ADRESSE = "Maison des associations, 28 rue Denfert-Rochereau, 69004 Lyon"


def domaine(slug, language="fr"):
    return Domaine.objects.get(slug=slug, locale__language_code=language)


def public(slug, language="fr"):
    return Public.objects.get(slug=slug, locale__language_code=language)


def locale(language):
    return Locale.objects.get(language_code=language)


def stream(*blocks):
    """A StreamField value in its stored JSON form: ``stream(("paragraphe", "<p>…</p>"))``."""
    return json.dumps([{"type": name, "value": value} for name, value in blocks])


def hours_ago(hours):
    return REFERENCE_DATE - datetime.timedelta(hours=hours)


def paris(day, hour=18, minute=0):
    """``day`` (a date) at ``hour``:``minute``, Paris time."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=PARIS)


def in_days(days, hour=18):
    """``days`` from today (negative: ago), at ``hour`` Paris time: an evening workshop."""
    return paris(timezone.localdate() + datetime.timedelta(days=days), hour)


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A ``RessourceDocument`` with a small real file, in the root collection."""

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.FileField(filename="modele.odt", data=SMALL_ODT)

    class Meta:
        model = RessourceDocument
        skip_postgeneration_save = True

    @factory.post_generation
    def metadata(document, create, extracted, **kwargs):
        document.file_size = document.file.size
        if create:
            document.save(update_fields=["file_size"])


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Entraide"
    slug = "accueil"
    intro = "Des guides pratiques et des modèles à adapter, entre structures de l'ESS."
    first_published_at = factory.LazyFunction(lambda: hours_ago(24 * 365))
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        model = HomePage


class RessourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ressources"
    slug = "ressources"
    show_in_menus = True
    first_published_at = factory.LazyFunction(lambda: hours_ago(24 * 365))
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        model = RessourceIndexPage


class RessourcePageFactory(wagtail_factories.PageFactory):
    """Live, with distinct publication dates: pass ``age_hours`` to place it in time
    (the smaller, the more recent)."""

    title = factory.Sequence(lambda n: f"Ressource {n:04d}")
    chapo = "Ce qu'il faut savoir, en deux phrases, pour une petite structure."
    niveau = Niveau.DEBUTANT
    domaines = factory.LazyFunction(lambda: [domaine("juridique-statuts")])
    publics = factory.LazyFunction(list)
    live = True
    first_published_at = factory.LazyAttribute(lambda o: hours_ago(o.age_hours))
    last_published_at = factory.SelfAttribute("first_published_at")

    class Params:
        age_hours = factory.Sequence(lambda n: 1000 + n)


class GuidePageFactory(RessourcePageFactory):
    body = factory.LazyFunction(
        lambda: stream(("paragraphe", "<p>Un premier paragraphe, court et concret.</p>"))
    )

    class Meta:
        model = GuidePage


class ModelePageFactory(RessourcePageFactory):
    usage = "<p>Un point de départ à adapter à votre structure.</p>"
    licence = "CC BY-SA 4.0"
    version_date = datetime.date(2025, 3, 12)
    fichiers = factory.LazyAttribute(
        lambda o: [ModeleFichier(document=DocumentFactory())] if o.with_file else []
    )

    class Meta:
        model = ModelePage

    class Params:
        with_file = True


def related(*ressources):
    """Value for ``GuidePageFactory(ressources_liees=related(a, b))``."""
    return [RessourceLiee(ressource=ressource) for ressource in ressources]


def build_site_tree():
    """A French home page at depth 2, root of the default site, with its ressource index.

    Wagtail's first migration leaves a "Welcome" page that the default site points at:
    the site is repointed to the new home page and the welcome page removed."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    index = RessourceIndexPageFactory(parent=home)
    return home, index


def translate(page, language="en", **changes):
    """Copy ``page`` for translation into ``language`` (its parent must be translated),
    apply ``changes`` and publish it."""
    translated = page.copy_for_translation(locale(language))
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"personne{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@entraide.example")
    password = factory.django.Password("mot-de-passe-de-test")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.set(Group.objects.filter(name__in=extracted))


class StructureFactory(factory.django.DjangoModelFactory):
    """A structure of the network; ``membres=[user, …]`` makes them accepted members."""

    nom = factory.Sequence(lambda n: f"Structure {n:04d}")
    type_structure = "association"
    departement = "75"

    class Meta:
        model = "structures.Structure"
        skip_postgeneration_save = True

    @factory.post_generation
    def membres(structure, create, extracted, **kwargs):
        from structures.models import Adhesion

        for user in extracted or []:
            Adhesion.objects.create(
                structure=structure, user=user, statut=Adhesion.Statut.ACCEPTEE, decided_by=user
            )


class AdhesionFactory(factory.django.DjangoModelFactory):
    """A pending request to join a structure."""

    structure = factory.SubFactory(StructureFactory)
    user = factory.SubFactory(UserFactory)

    class Meta:
        model = "structures.Adhesion"


class FichePageFactory(RessourcePageFactory):
    """A fiche pratique, live unless ``live=False``; ``parent`` is the fiches index
    (``fiches.services.get_or_create_fiche_index``). Each gets its own structure unless
    ``structure=`` is given."""

    title = factory.Sequence(lambda n: f"Fiche {n:04d}")
    domaines = factory.LazyFunction(lambda: [domaine("ressources-humaines")])
    structure = factory.SubFactory(StructureFactory)
    situation = "Une association de quartier, 40 bénévoles et un premier salarié."
    etapes = "- Adhérer au service d'aide\n- Déclarer l'embauche"

    class Meta:
        model = "fiches.FichePage"


class AtelierPageFactory(wagtail_factories.PageFactory):
    """A workshop published as from the admin (its first publication announced, see
    ``evenements.changements``), or a draft with ``brouillon=True``; ``parent`` is the agenda
    (``evenements.services.get_or_create_agenda``). By visio, in three days at 18:00 for
    ``duree`` (two hours) unless told otherwise; in person and hybrid ones are in Lyon.
    ``animateurs``: ``AtelierAnimateur`` objects, one by default."""

    title = factory.Sequence(lambda n: f"Atelier {n:03d}")
    slug = factory.Sequence(lambda n: f"atelier-{n:03d}")
    chapo = "Deux heures pour avancer à plusieurs."
    description = "<p>Un atelier pratique, vos questions en premier.</p>"
    debut = factory.LazyFunction(lambda: in_days(3))
    fin = factory.LazyAttribute(lambda o: o.debut + o.duree)
    format = "distance"
    adresse = factory.LazyAttribute(lambda o: "" if o.format == "distance" else ADRESSE)
    departement = factory.LazyAttribute(lambda o: "" if o.format == "distance" else "69")
    capacite = 10
    lien_visio = VISIO
    domaines = factory.LazyFunction(lambda: [domaine("ressources-humaines")])
    animateurs = factory.LazyFunction(lambda: [AtelierAnimateur(nom="Claire Martin")])
    live = factory.LazyAttribute(lambda o: not o.brouillon)

    class Meta:
        model = "evenements.AtelierPage"
        skip_postgeneration_save = True

    class Params:
        duree = datetime.timedelta(hours=2)
        brouillon = False

    @factory.post_generation
    def revision(atelier, create, extracted, **kwargs):
        if create:
            revision = atelier.save_revision()
            if atelier.live:
                revision.publish()
            atelier.refresh_from_db()


class AnnonceFactory(factory.django.DjangoModelFactory):
    """An annonce of the bourse, published and running unless told (``etat``, ``fin``); each
    gets its own structure unless ``structure=`` is given. ``departements=["69"]``,
    ``domaines=["numerique"]`` (slugs)."""

    sens = "demande"
    nature = "competence"
    titre = factory.Sequence(lambda n: f"Annonce {n:04d}")
    description = "Nous cherchons une personne qui a déjà monté un dossier de subvention."
    structure = factory.SubFactory(StructureFactory)
    fin = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    etat = "publiee"
    published_at = factory.LazyAttribute(
        lambda o: REFERENCE_DATE if o.etat != "brouillon" else None
    )
    relue_le = factory.LazyAttribute(lambda o: o.published_at)

    class Meta:
        model = "bourse.Annonce"
        skip_postgeneration_save = True

    @factory.post_generation
    def departements(annonce, create, extracted, **kwargs):
        from bourse.models import AnnonceDepartement

        for code in extracted if extracted is not None else ["69"]:
            AnnonceDepartement.objects.create(annonce=annonce, departement=code)

    @factory.post_generation
    def domaines(annonce, create, extracted, **kwargs):
        if extracted:
            annonce.domaines.set([domaine(slug) for slug in extracted])


class ConversationFactory(factory.django.DjangoModelFactory):
    """A conversation about an annonce, opened by another structure (``structure``)."""

    annonce = factory.SubFactory(AnnonceFactory)
    structure = factory.SubFactory(StructureFactory)

    class Meta:
        model = "bourse.Conversation"


class MessageFactory(factory.django.DjangoModelFactory):
    conversation = factory.SubFactory(ConversationFactory)
    cote = "repondant"
    texte = "Bonjour, nous avons fait la même démarche l'an dernier."

    class Meta:
        model = "bourse.Message"
