from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from . import indexation, memo, requetes
from .models import Entree, Synonyme


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    indexation.synchroniser(instance)


@receiver(page_unpublished)
def unindex_unpublished_page(sender, instance, **kwargs):
    indexation.retirer(instance)


@receiver(post_save, sender=PageViewRestriction)
def unindex_private_pages(sender, instance, **kwargs):
    pages = instance.page.get_descendants(inclusive=True)
    indexation.Entree.objects.filter(page__in=pages).delete()


@receiver(post_delete, sender=PageViewRestriction)
def reindex_when_restriction_lifted(sender, instance, **kwargs):
    for page in instance.page.get_descendants(inclusive=True).live().specific():
        indexation.synchroniser(page)


@receiver(post_save, sender=Synonyme)
@receiver(post_delete, sender=Synonyme)
def forget_synonyms(sender, **kwargs):
    requetes.forget_synonyms()
    memo.forget()


# Kept search results are forgotten whenever an entry changes (``bulk_create`` sends no
# signal: ``indexation.synchroniser_tout`` and ``update_index`` forget them themselves).
post_save.connect(memo.forget, sender=Entree, dispatch_uid="recherche_memo_save")
post_delete.connect(memo.forget, sender=Entree, dispatch_uid="recherche_memo_delete")
