"""What keeps the search entries in step with the site: publication, moves, privacy, and the
edits of what entries show besides their page (a domaine's or a public's name, and what page
types declare they follow: a structure's name and département)."""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import Signal, receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from ressources.models import Domaine, Public
from ressources.registry import registered_types

from . import indexation, requetes, results_cache
from .engines import engine
from .models import Entree, Synonyme

#: Sent by the search page when someone types a search (not when they turn a page or choose a
#: facet), with ``text``, ``locale`` and ``result_count``: what the inventory tallies.
search_typed = Signal()


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    indexation.synchroniser(instance)


@receiver(page_unpublished)
def unindex_unpublished_page(sender, instance, **kwargs):
    indexation.supprimer_entree(instance)


@receiver(post_page_move)
def follow_moved_section(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """Moved under a private section, or out of one: findable or not with its new ancestors."""
    if parent_page_before.pk != parent_page_after.pk:
        indexation.synchroniser_sous_arbre(instance)


@receiver(post_save, sender=PageViewRestriction)
def unindex_private_pages(sender, instance, **kwargs):
    pages = instance.page.get_descendants(inclusive=True)
    Entree.objects.filter(page__in=pages).delete()


@receiver(post_delete, sender=PageViewRestriction)
def reindex_when_restriction_lifted(sender, instance, **kwargs):
    """Once the change is committed: a restriction is also deleted with its page, and
    entries written then for the page's subtree would stop the page's own deletion."""
    page_id = instance.page_id
    transaction.on_commit(lambda: _synchronise_subtree(page_id))


def _synchronise_subtree(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:  # not deleted with its restriction
        indexation.synchroniser_sous_arbre(page)


class FollowEdits:
    """Receives the saves of a model whose values the entries of a page type show (its
    ``Followed`` declaration): the entries that no longer show them are written again."""

    def __init__(self, page_model, followed):
        self.page_model, self.followed = page_model, followed

    def __call__(self, sender, instance, raw=False, **kwargs):
        if raw:  # loaded as is (``loaddata``): the entries are loaded too
            return
        pages = self.page_model.objects.filter(**{self.followed.lookup: instance})
        shown = {column: getattr(instance, name) for column, name in self.followed.shown.items()}
        stale = Entree.objects.filter(page__in=pages.values("pk")).exclude(**shown)
        if stale.exists():
            indexation.synchroniser_pages(Page.objects.filter(pk__in=stale.values("page_id")))


def connect_followed_edits():
    """Called once the apps are ready, when every page type is known."""
    for key, page_model in registered_types().items():
        for followed in page_model.search_followed:
            post_save.connect(
                FollowEdits(page_model, followed),
                sender=followed.model,
                weak=False,
                dispatch_uid=f"search:follow:{key}:{followed.model._meta.label_lower}",
            )


@receiver(pre_save, sender=Domaine)
@receiver(pre_save, sender=Public)
def note_taxon_before_edit(sender, instance, raw=False, **kwargs):
    if raw:
        return
    stored = sender.objects.filter(pk=instance.pk)
    instance.avant_modification = stored.values("nom", "slug").first()


@receiver(post_save, sender=Domaine)
@receiver(post_save, sender=Public)
def follow_taxon(sender, instance, created, **kwargs):
    """The entries of a term, in every language (translated pages keep the source-language
    terms and show the names of their own language, found by slug), show its name."""
    before = getattr(instance, "avant_modification", None)
    if created or before is None or before == {"nom": instance.nom, "slug": instance.slug}:
        return
    slugs = {before["slug"], instance.slug}
    indexation.synchroniser_pages(_pages_of_term(sender, instance, slugs))


@receiver(pre_delete, sender=Domaine)
@receiver(pre_delete, sender=Public)
def note_taxon_pages(sender, instance, **kwargs):
    pages = _pages_of_term(sender, instance, {instance.slug})
    instance.pages_concernees = list(pages.values_list("pk", flat=True))


@receiver(post_delete, sender=Domaine)
@receiver(post_delete, sender=Public)
def follow_deleted_taxon(sender, instance, **kwargs):
    pages = getattr(instance, "pages_concernees", [])
    if pages:
        indexation.synchroniser_pages(Page.objects.filter(pk__in=pages))


def _pages_of_term(model, term, slugs):
    """The pages whose entry is tagged with ``term`` or one of its translations."""
    relation = "domaines" if model is Domaine else "publics"
    tagged = Q(**{relation: term}) | Q(**{f"{relation}__slug__in": slugs})
    return Page.objects.filter(pk__in=Entree.objects.filter(tagged).values("page_id"))


@receiver(post_delete, sender=Entree)
def unindex_entry(sender, instance, **kwargs):
    """However an entry goes (unpublished, private, its page deleted), the engine forgets it."""
    engine().remove([instance.pk])


@receiver(post_save, sender=Synonyme)
@receiver(post_delete, sender=Synonyme)
def forget_synonyms(sender, **kwargs):
    requetes.forget_synonyms()
    results_cache.forget()


# Kept search results are forgotten whenever an entry changes (``bulk_create`` sends no
# signal: ``indexation.synchroniser_tout`` and ``update_index`` forget them themselves).
post_save.connect(results_cache.forget, sender=Entree, dispatch_uid="recherche_results_cache_save")
post_delete.connect(
    results_cache.forget, sender=Entree, dispatch_uid="recherche_results_cache_delete"
)
