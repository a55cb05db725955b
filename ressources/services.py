"""Get-or-create helpers for the page tree and the documents of the resource centre.

Used by ``manage.py load_demo`` and by the tests. Every helper is idempotent: a page is found
by its slug under its parent (so in its locale), a document by its title and extension, and a
second call returns what exists without creating a page, a document or a revision.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Revision, Site

from .models import (
    Domaine,
    GuidePage,
    HomePage,
    InformationPage,
    ModeleFichier,
    ModelePage,
    Niveau,
    Public,
    RessourceIndexPage,
    RessourceLiee,
)

DEFAULT_LICENCE = "CC BY-SA 4.0"
INDEX_SLUG = "ressources"


def get_locale(language_code=None):
    """The Locale of ``language_code``, or the default one (LANGUAGE_CODE, French)."""
    if language_code is None:
        return Locale.get_default()
    return Locale.objects.get(language_code=language_code)


def publish(page):
    """Save a revision of ``page``, publish it and reload the page (publishing saves a copy
    of the page made from the revision, not this instance)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def get_or_create_home(locale=None, *, title=None, intro=""):
    """The HomePage of ``locale`` under the tree root. The default-language home is the root
    of the default Site; another language's home is a translation of it (same translation_key).
    Wagtail's initial "Welcome to your new Wagtail site!" page is deleted."""
    locale = locale or get_locale()
    root = Page.get_first_root_node()
    home = HomePage.objects.child_of(root).filter(locale=locale).first()
    if locale != get_locale():
        if home is None or home.alias_of_id:
            home = translate_page(get_or_create_home(), locale, title=title or "Home", intro=intro)
        return home
    if home is None:
        home = HomePage(title=title or "Accueil", slug="accueil", intro=intro, locale=locale)
        root.add_child(instance=home)
        publish(home)
    configure_site(home)
    delete_welcome_page()
    return home


def configure_site(root_page, *, hostname=None, port=None, site_name=None):
    """Point the default Site at ``root_page`` (creating the Site if there is none)."""
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.root_page = root_page
    site.hostname = hostname or site.hostname or "localhost"
    site.port = port or site.port or 80
    site.site_name = site_name if site_name is not None else site.site_name
    site.save()
    return site


def delete_welcome_page():
    """Delete the plain ``wagtailcore.Page`` that Wagtail creates at depth 2, if no Site uses it."""
    welcome = Page.objects.filter(
        depth=2, content_type=ContentType.objects.get_for_model(Page)
    ).exclude(sites_rooted_here__isnull=False)
    for page in welcome:
        page.delete()


def get_or_create_index(home, *, title="Ressources", intro=""):
    """The RessourceIndexPage (slug ``ressources``) of ``home``, shown in menus."""
    return get_or_create_section(home, RessourceIndexPage, INDEX_SLUG, title=title, intro=intro)


def get_or_create_section(home, model, slug, *, title, intro=""):
    """A published listing page of type ``model`` under ``home`` (e.g. /fr/ressources/,
    /fr/fiches/), found by its slug, shown in menus."""
    section = model.objects.child_of(home).filter(slug=slug).first()
    if section is None:
        section = model(title=title, slug=slug, intro=intro, show_in_menus=True, locale=home.locale)
        home.add_child(instance=section)
        publish(section)
    return section


def get_or_create_information(home, *, slug, title, body):
    """A published page d'information under ``home`` (listed in the footer), by its slug."""
    page = InformationPage.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = InformationPage(title=title, slug=slug, body=body, locale=home.locale)
        home.add_child(instance=page)
        publish(page)
    return page


def get_or_create_guide(
    index, *, slug, title, chapo, body, domaines, publics=(), niveau=Niveau.DEBUTANT
):
    """A published GuidePage. ``body``: StreamField raw data (list of {"type", "value"}),
    ``domaines`` and ``publics``: slugs of the taxonomy terms."""
    guide = GuidePage.objects.child_of(index).filter(slug=slug).first()
    if guide is None:
        guide = GuidePage(title=title, slug=slug, chapo=chapo, niveau=niveau, locale=index.locale)
        guide.body = _stream(guide, "body", body)
        _classify(guide, domaines, publics)
        index.add_child(instance=guide)
        publish(guide)
    return guide


def get_or_create_modele(
    index,
    *,
    slug,
    title,
    chapo,
    usage,
    fichiers,
    domaines,
    version_date,
    publics=(),
    niveau=Niveau.DEBUTANT,
    adaptation=(),
    licence=DEFAULT_LICENCE,
):
    """A published ModelePage and its files. ``fichiers``: (filename, bytes or a callable
    returning bytes, title) per file, stored as RessourceDocuments; ``usage``: rich text HTML;
    ``adaptation``: StreamField raw data."""
    modele = ModelePage.objects.child_of(index).filter(slug=slug).first()
    if modele is None:
        modele = ModelePage(
            title=title,
            slug=slug,
            chapo=chapo,
            usage=usage,
            licence=licence,
            version_date=version_date,
            niveau=niveau,
            locale=index.locale,
        )
        modele.adaptation = _stream(modele, "adaptation", adaptation)
        _classify(modele, domaines, publics)
        modele.fichiers = [
            ModeleFichier(document=get_or_create_document(*fichier)) for fichier in fichiers
        ]
        index.add_child(instance=modele)
        publish(modele)
    return modele


def get_or_create_document(filename, data, title):
    """A RessourceDocument found by title and extension, else created from ``data`` (bytes,
    or a callable returning them, only called when the document is created)."""
    document_model = get_document_model()
    extension = filename.rsplit(".", 1)[-1].lower()
    document = document_model.objects.filter(title=title, file__iendswith=f".{extension}").first()
    if document is None:
        content = data() if callable(data) else data
        document = document_model(title=title, file=ContentFile(content, name=filename))
        document._set_document_file_metadata()
        document.save()
    return document


def set_ressources_liees(guide, ressources):
    """Make ``ressources`` (pages) the guide's related ressources, in that order; publish only if
    the list changed."""
    wanted = [ressource.pk for ressource in ressources if ressource.pk != guide.pk]
    if [lien.ressource_id for lien in guide.ressources_liees.all()] == wanted:
        return guide
    guide.ressources_liees = [RessourceLiee(ressource_id=pk) for pk in wanted]
    return publish(guide)


def _classify(page, domaines, publics):
    page.domaines = _terms(Domaine, page.locale, domaines)
    page.publics = _terms(Public, page.locale, publics)


def _terms(model, locale, slugs):
    terms = list(model.objects.filter(locale=locale, slug__in=slugs))
    missing = set(slugs) - {term.slug for term in terms}
    if missing:
        raise ValueError(f"{model.__name__} inconnu(s) en {locale}: {', '.join(sorted(missing))}")
    return terms


def translate_page(page, locale, **fields):
    """The translation of ``page`` in ``locale``: created with ``copy_for_translation`` (parents
    too), or the existing one (an alias is converted to an ordinary page). ``fields`` are set
    (StreamFields accept raw data) and a revision is published if anything changed. Related
    ressources are pointed at their translations in ``locale``, or dropped."""
    page = page.specific
    try:
        translation = page.get_translation(locale)
    except page.__class__.DoesNotExist:
        translation = page.copy_for_translation(locale, copy_parents=True)
    if translation.alias_of_id:
        ConvertAliasPageAction(translation).execute(skip_permission_checks=True)
        translation = translation.specific_class.objects.get(pk=translation.pk)
    changed = _set_fields(translation, fields)
    changed |= _translate_ressources_liees(page, translation, locale)
    if changed or not translation.live:
        publish(translation)
    return translation


def _set_fields(page, fields):
    changed = False
    for name, value in fields.items():
        if isinstance(page._meta.get_field(name), StreamField):
            value = _stream(page, name, value)
            old, new = (
                _stream_data(page, name, getattr(page, name)),
                _stream_data(page, name, value),
            )
        else:
            old, new = getattr(page, name), value
        if old != new:
            setattr(page, name, value)
            changed = True
    return changed


def _translate_ressources_liees(source, translation, locale):
    """Point the translation's related ressources at the translations of the source's."""
    if not hasattr(source, "ressources_liees"):
        return False
    related = [
        lien.ressource.get_translation_or_none(locale) for lien in source.ressources_liees.all()
    ]
    wanted = [ressource.pk for ressource in related if ressource is not None]
    if [lien.ressource_id for lien in translation.ressources_liees.all()] == wanted:
        return False
    translation.ressources_liees = [RessourceLiee(ressource_id=pk) for pk in wanted]
    return True


def _stream(page, name, value):
    """A StreamValue for the field ``name`` of ``page`` from raw data (a list of {"type",
    "value"} dicts), JSON or a StreamValue; every block is converted now, so that it is saved
    in the current format (ListBlock items with ids) and can be compared."""
    if isinstance(value, (list, tuple)):
        value = json.dumps(list(value))
    value = page._meta.get_field(name).to_python(value)
    list(value)
    return value


def _stream_data(page, name, value):
    """A StreamField value as comparable data: its JSON without the blocks' random ids."""

    def strip(data):
        if isinstance(data, dict):
            return {key: strip(item) for key, item in data.items() if key != "id"}
        if isinstance(data, list):
            return [strip(item) for item in data]
        return data

    field = page._meta.get_field(name)
    return strip(json.loads(json.dumps(field.get_prep_value(_stream(page, name, value)))))


def set_publication_dates(page, first_published_at, last_published_at=None):
    """Backdate a published page (and its latest revision) without creating a revision."""
    last_published_at = last_published_at or first_published_at
    Page.objects.filter(pk=page.pk).update(
        first_published_at=first_published_at,
        last_published_at=last_published_at,
        latest_revision_created_at=last_published_at,
    )
    if page.latest_revision_id:
        Revision.objects.filter(pk=page.latest_revision_id).update(created_at=last_published_at)
    page.first_published_at = first_published_at
    page.last_published_at = last_published_at
    return page
