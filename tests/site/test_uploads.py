"""Uploads (issue 13, item 19): a request larger than any form accepts is refused from its
announced size, before its body is read; the admin takes documents of the formats the site
needs only, up to a size."""

import http.client
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model

from fiches import uploads
from tests import markup
from tests.browser import browser_db
from tests.factories import UserFactory
from tests.fiches.helpers import contributor

TOO_LARGE = "Envoi trop volumineux"


class Body:
    """A request body that notes whether anyone read it."""

    def __init__(self):
        self.read_at_all = False

    def read(self, *args):
        self.read_at_all = True
        return b""

    readline = read


def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


def post_announcing(client, path, size):
    body = Body()
    response = client.generic(
        "POST",
        path,
        content_type="multipart/form-data; boundary=----frontiere",
        CONTENT_LENGTH=str(size),
        **{"wsgi.input": body},
    )
    return response, body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, who",
    [
        ("/fr/fiches/proposer/", contributor),
        ("/admin/documents/add/", superuser),
        ("/admin/documents/multiple/add/", superuser),
        ("/admin/images/multiple/add/", superuser),
        ("/fr/comptes/signup/", None),
    ],
)
def test_an_upload_larger_than_any_form_takes_is_refused_unread(path, who):
    client = Client()
    if who:
        client.force_login(who())

    limit = settings.MAX_UPLOAD_REQUEST_SIZE
    response, body = post_announcing(client, path, limit + 1024 * 1024)

    assert response.status_code == 413
    assert not body.read_at_all
    text = markup.text(response.content)
    assert TOO_LARGE in text
    said = (
        f"Votre envoi pèse {filesizeformat(limit + 1024 * 1024)} : c'est plus que les "
        f"{filesizeformat(limit)} acceptés. Rien n'a été enregistré."
    )
    assert " ".join(said.split()) in text


@pytest.mark.django_db
def test_the_refusal_speaks_the_language_of_the_page():
    response, _body = post_announcing(Client(), "/en/recherche/", 60 * 1024 * 1024)

    assert response.status_code == 413
    assert markup.elements(response.content, "html")[0]["lang"] == "en"


def test_the_request_limit_lets_through_the_largest_legitimate_upload():
    """A fiche with its 5 attachments of 10 MB and its text; one admin document or image."""
    fiche = uploads.MAX_PER_FICHE * uploads.MAX_SIZE + settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 4

    limit = settings.MAX_UPLOAD_REQUEST_SIZE
    largest = max(
        fiche, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    )

    assert largest <= limit <= 2 * fiche


@browser_db
def test_a_real_server_answers_413_without_waiting_for_the_body(live_server):
    """Headers only, never a byte of the body: the answer comes all the same (a server that
    read the body would keep waiting for it)."""
    address = urlsplit(live_server.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.putrequest("POST", "/fr/fiches/proposer/")
        connection.putheader("Content-Type", "multipart/form-data; boundary=----frontiere")
        connection.putheader("Content-Length", str(500 * 1024 * 1024))
        connection.endheaders()
        response = connection.getresponse()
        page = response.read().decode()
    finally:
        connection.close()

    assert response.status == 413
    assert TOO_LARGE in markup.text(page)


def upload_document(client, name, content=b"%PDF-1.4 un petit document"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def file_errors(response):
    """The errors the admin's document form shows on its file field (none: saved)."""
    if response.status_code == 302:
        return []
    return response.context["form"].errors.as_data().get("file", [])


@pytest.mark.django_db
def test_the_admin_takes_the_document_formats_of_modeles_and_workshop_slides_only():
    client = Client()
    client.force_login(superuser())
    offered = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp"]
    others = ["zip", "txt", "csv", "html", "svg", "js", "exe", "rar", "7z"]

    said = {
        ext: " ".join(
            message
            for error in file_errors(upload_document(client, f"m.{ext}"))
            for message in error.messages
        )
        for ext in offered + others
    }

    assert {ext for ext, errors in said.items() if not errors} == set(offered)
    for ext in others:
        assert f"« {ext} » n’est pas autorisée" in " ".join(said[ext].split())
    assert get_document_model().objects.count() == len(offered)


@pytest.mark.django_db
def test_the_admin_refuses_a_document_over_its_size_limit():
    client = Client()
    client.force_login(superuser())
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE

    too_big = upload_document(client, "diaporama.pdf", b"%PDF" + b"0" * (limit - 3))

    assert "file_too_large" in [error.code for error in file_errors(too_big)]
    assert not get_document_model().objects.exists()
