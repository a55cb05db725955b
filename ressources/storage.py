"""Where files that only a checking view may send are kept: contributors' attachments and the
documents (served by /telecharger/ and Wagtail's document view, which check collections).

Settings choose one of the two classes under the storage named "private" in ``STORAGES``: the
local disk (PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT and the static root) or a private S3 bucket.
Neither gives a URL (NotImplementedError, what Django's and Wagtail's code expect of a storage
without one): a link to such a file is a link to its view."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from storages.backends.s3 import S3Storage

NO_URL = "Private files have no URL: link to the view that checks who may download them."


@deconstructible
class PrivateFileSystemStorage(FileSystemStorage):
    """PRIVATE_MEDIA_ROOT, read each time the storage is used, so that a test or a deployment
    can move it."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise NotImplementedError(NO_URL)


@deconstructible
class PrivateS3Storage(S3Storage):
    """A private bucket, each object written with the ``private`` ACL. Its files are streamed
    by the view after its checks: no URL, not even a signed one that could be passed around
    until it expires."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise NotImplementedError(NO_URL)
