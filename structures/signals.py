"""A structure's public details show on its fiches and in listings: kept anonymous pages are
out of date when it changes (``ressources.page_cache``)."""

from django.db.models.signals import post_delete, post_save

from ressources import page_cache

from .models import Structure

post_save.connect(page_cache.forget_pages, sender=Structure, dispatch_uid="page_cache_structure")
post_delete.connect(
    page_cache.forget_pages, sender=Structure, dispatch_uid="page_cache_structure_d"
)
