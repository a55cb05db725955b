"""Keeping the search entries in step with what is published.

An entry is written when a page is published and removed when it is unpublished, deleted
(cascade) or made private; the entries of a section follow it when it is moved or its privacy
changes, and those that show a structure's or a taxonomy term's name follow its edits
(``search.signals``); ``update_index`` rebuilds them all. Only live, public pages get one, and
an entry is built from the published page, never from a draft.

Which page types have entries, and what their entry holds besides the title, chapô, text and
taxonomy, is what each of them declares (``ressources.registry``); objects that are not pages
(the annonces of the bourse) have entries too, declared as sources in the same registry and
written by ``synchroniser_objets`` when their app says they changed.
"""

from django.db import transaction
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index

from ressources.models import Domaine, Public
from ressources.registry import registered_types, search_labels, sources

from . import results_cache
from .engines import engine
from .models import Entree

CHUNK_SIZE = 500


def searchable_models():
    """``{page model: type key}`` of the page types that have entries."""
    return {model: key for key, model in registered_types().items()}


def findable(page, restricted_paths=None):
    """Live, not private, and findable as its type says (a workshop not cancelled)."""
    if not page.live or not page.is_findable():
        return False
    if restricted_paths is None:
        restricted_paths = _restricted_paths()
    return not any(page.path.startswith(path) for path in restricted_paths)


def _restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def page_text(page, extra_text=""):
    """The page's searchable text besides its title and summary, from its own
    ``search_fields`` (the same words Wagtail's admin search sees) and the ``extra_text`` its
    type declares."""
    texts = [extra_text]
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name in ("title", "chapo"):
            continue
        value = field.get_value(page)
        values = value if isinstance(value, list | tuple) else [value]
        texts.extend(str(item) for item in values if item)
    text = strip_tags(" ".join(texts)).replace("\xa0", " ")
    return " ".join(normalize_newlines(text).split())


def _taxon_names(page, model, attribute, language, names):
    if attribute not in page.search_facets:
        return [], []
    terms = list(getattr(page, attribute).all())
    if (model, language) not in names:
        names[model, language] = dict(
            model.objects.filter(locale__language_code=language).values_list("slug", "nom")
        )
    return terms, [names[model, language].get(term.slug, term.nom) for term in terms]


def _type_label(type_, language):
    with translation.override(language):
        return str(search_labels()[type_])


def entry_values(page, type_, names=None):
    """The column values of ``page``'s entry, and its domaines and publics. ``names`` caches
    the taxonomy names per language across calls."""
    names = {} if names is None else names
    language = page.locale.language_code
    domaines, domaine_names = _taxon_names(page, Domaine, "domaines", language, names)
    publics, public_names = _taxon_names(page, Public, "publics", language, names)
    entry = page.search_entry()
    values = {
        "locale_id": page.locale_id,
        "type": type_,
        "title": page.title,
        "chapo": page.chapo,
        "texte": page_text(page, entry.extra_text),
        "date": entry.date,
        "fin": entry.fin,
        "departement": entry.departement,
        "structure": entry.structure,
        # The kind of page, in its language, so that « modèle contrat » or « atelier
        # subvention » find what is not written in the page itself.
        "taxons": " · ".join([_type_label(type_, language), *domaine_names, *public_names]),
    }
    return values, domaines, publics


def synchroniser(page):
    """Write, update or remove the search entry of one page, as it is now in the database."""
    models = searchable_models()
    page = page.specific
    type_ = models.get(type(page))
    if type_ is None:
        return None
    if not findable(page):
        supprimer_entree(page)
        return None
    values, domaines, publics = entry_values(page, type_)
    with transaction.atomic():
        entree, _created = Entree.objects.update_or_create(page_id=page.pk, defaults=values)
        entree.domaines.set(domaines)
        entree.publics.set(publics)
    engine().index([entree.pk])  # searchable at once
    results_cache.forget()  # the kept results, now that the index has it
    return entree


def supprimer_entree(page):
    """Delete the page's entry, if it has one."""
    for entree in Entree.objects.filter(page_id=page.pk):
        entree.delete()  # the post_delete handler takes it out of the index


def synchroniser_tout(progress=None):
    """Rebuild every entry from the live pages, a chunk at a time, then have the engine index
    them all. Returns the number of entries."""
    restricted_paths = _restricted_paths()
    existing = set(Entree.objects.filter(page__isnull=False).values_list("page_id", flat=True))
    kept, names = set(), {}
    for model, type_ in searchable_models().items():
        pages = _live_pages(model)
        total = pages.count()
        for start in range(0, total, CHUNK_SIZE):
            chunk = [
                page
                for page in pages[start : start + CHUNK_SIZE]
                if findable(page, restricted_paths)
            ]
            _write_chunk(chunk, type_, names)
            kept.update(page.pk for page in chunk)
            if progress:
                progress(model, min(start + CHUNK_SIZE, total), total)
    _remove(existing - kept)
    written = sum(synchroniser_objets(source) for source in sources().values())
    engine().index()
    results_cache.forget()
    return len(kept) + written


def synchroniser_pages(pages):
    """Bring the entries of ``pages`` (a queryset of ``Page``) in step with them, in bulk:
    written and indexed for those people can find, removed for the others. For the changes
    that touch many pages at once: a section moved or made private, a structure or a
    domaine renamed."""
    restricted_paths = _restricted_paths()
    page_ids = pages.values("pk")
    existing = set(Entree.objects.filter(page__in=page_ids).values_list("page_id", flat=True))
    kept, names = set(), {}
    for model, type_ in searchable_models().items():
        candidates = _live_pages(model).filter(pk__in=page_ids)
        total = candidates.count()
        for start in range(0, total, CHUNK_SIZE):
            chunk = [
                page
                for page in candidates[start : start + CHUNK_SIZE]
                if findable(page, restricted_paths)
            ]
            engine().index(_write_chunk(chunk, type_, names))
            kept.update(page.pk for page in chunk)
    _remove(existing - kept)
    results_cache.forget()


def synchroniser_sous_arbre(page):
    """The entries of ``page`` and of every page under it."""
    synchroniser_pages(Page.objects.descendant_of(page, inclusive=True))


def _live_pages(model):
    pages = model.objects.live().order_by("pk")
    pages = pages.select_related("locale", *model.search_select_related)
    return pages.prefetch_related(*model.search_facets, *model.search_prefetch_related)


def _remove(page_ids):
    """Remove the entries of these pages; the ``post_delete`` handler takes each out of the
    search index."""
    stale = sorted(page_ids)
    for start in range(0, len(stale), CHUNK_SIZE):
        Entree.objects.filter(page_id__in=stale[start : start + CHUNK_SIZE]).delete()


def _write_chunk(pages, type_, names):
    """Write the entries of ``pages`` with their links; returns their ids."""
    if not pages:
        return []
    entries, domaine_links, public_links = [], [], []
    for page in pages:
        values, domaines, publics = entry_values(page, type_, names)
        entries.append(Entree(page_id=page.pk, **values))
        domaine_links += [(page.pk, domaine.pk) for domaine in domaines]
        public_links += [(page.pk, public.pk) for public in publics]
    page_ids = [page.pk for page in pages]
    with transaction.atomic():
        Entree.objects.bulk_create(
            entries, update_conflicts=True, unique_fields=["page"], update_fields=UPDATED
        )
        ids = dict(Entree.objects.filter(page_id__in=page_ids).values_list("page_id", "pk"))
        _link(
            list(ids.values()),
            [(ids[page], domaine) for page, domaine in domaine_links],
            [(ids[page], public) for page, public in public_links],
        )
    return list(ids.values())


def _link(entry_ids, domaine_links, public_links):
    """Replace the domaines and publics of these entries: ``[(entry id, term id)]``."""
    DomaineLink, PublicLink = Entree.domaines.through, Entree.publics.through
    DomaineLink.objects.filter(entree_id__in=entry_ids).delete()
    PublicLink.objects.filter(entree_id__in=entry_ids).delete()
    DomaineLink.objects.bulk_create(
        [DomaineLink(entree_id=e, domaine_id=d) for e, d in domaine_links]
    )
    PublicLink.objects.bulk_create([PublicLink(entree_id=e, public_id=p) for e, p in public_links])


#: What a bulk write updates of an entry already there: not its key (page or objet), nor the
#: search vectors, which the engine writes (``engine().index``).
UPDATED = [
    f.name
    for f in Entree._meta.concrete_fields
    if f.editable and not f.primary_key and f.name not in ("page", "objet")
]


def synchroniser_objets(source, pks=None):
    """Bring the entries of ``source``'s objects (``ressources.registry.SourceDeRecherche``)
    in step: written and indexed for those it gives, removed for the others among ``pks``
    (all of its objects when None). Returns the number written."""
    objets = list(source.objets(pks))
    cles = [objet.cle for objet in objets]
    stale = Entree.objects.filter(type=source.type_key).exclude(objet__in=cles)
    if pks is not None:
        stale = stale.filter(objet__in=[source.cle(pk) for pk in pks])
    for entree in stale:
        entree.delete()  # the post_delete handler takes it out of the index
    if not objets:
        results_cache.forget()
        return 0
    locale = Locale.objects.get(language_code=source.language_code)
    label = _type_label(source.type_key, source.language_code)
    entries = [
        Entree(
            objet=objet.cle,
            url=objet.url,
            locale=locale,
            type=source.type_key,
            title=objet.titre[:255],
            chapo=objet.chapo,
            texte=objet.texte,
            date=objet.date,
            fin=objet.fin,
            departement=objet.departement,
            structure=objet.structure[:255],
            taxons=" · ".join([label, *(domaine.nom for domaine in objet.domaines)]),
        )  # fmt: skip
        for objet in objets
    ]
    with transaction.atomic():
        Entree.objects.bulk_create(
            entries, update_conflicts=True, unique_fields=["objet"], update_fields=UPDATED
        )
        ids = dict(Entree.objects.filter(objet__in=cles).values_list("objet", "pk"))
        links = [(ids[objet.cle], domaine.pk) for objet in objets for domaine in objet.domaines]
        _link(list(ids.values()), links, [])
    engine().index(list(ids.values()))
    results_cache.forget()
    return len(objets)
