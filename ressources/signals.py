"""What makes kept anonymous pages out of date (``ressources.page_cache``): anything
published, unpublished, moved or deleted, and the taxonomy every page's menus and filters
show. With Wagtail's front-end cache invalidation set up, the pages that list a published
page (its ancestors: the listing, the home page) are purged from the proxy too; Wagtail
purges the page itself."""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache
from .models import Domaine, Public


@receiver(page_published)
@receiver(page_unpublished)
def forget_pages_listing(sender, instance, **kwargs):
    page_cache.purge()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_pages_from_cache(instance.get_ancestors().live().exclude(depth=1))


post_page_move.connect(page_cache.forget_pages, dispatch_uid="page_cache_move")
for model in (Domaine, Public, Site, Locale):
    post_save.connect(page_cache.forget_pages, sender=model, dispatch_uid=f"page_cache_{model}")
    post_delete.connect(page_cache.forget_pages, sender=model, dispatch_uid=f"page_cache_d{model}")

# Each page type by name: a receiver for every model would deny Django's fast deletes.
for model in apps.get_models():
    if issubclass(model, Page):
        post_delete.connect(
            page_cache.forget_pages, sender=model, dispatch_uid=f"page_cache_{model}"
        )
