from django.core.files.storage import storages
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument


def document_storage():
    """The storage named "documents" in STORAGES: MEDIA_ROOT on the local disk, the private
    bucket on S3. Documents are only sent by views that check their collection's
    restrictions (/telecharger/, Wagtail's /documents/), never from a public URL."""
    return storages["documents"]


class RessourceDocument(AbstractDocument):
    """A Wagtail document that knows how many times it was downloaded from the public site."""

    file = models.FileField(
        upload_to="documents", verbose_name=_("fichier"), storage=document_storage
    )
    download_count = models.PositiveIntegerField(_("téléchargements"), default=0, editable=False)

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def url(self):
        """Every public link to a document (blocks, rich text) goes through the counting view."""
        return reverse("telecharger", args=[self.pk])

    @property
    def format_label(self):
        return self.file_extension.upper()

    def count_download(self):
        """Atomic increment: two simultaneous downloads both count."""
        type(self).objects.filter(pk=self.pk).update(download_count=F("download_count") + 1)
