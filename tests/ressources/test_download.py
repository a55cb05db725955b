"""/telecharger/<id>/: documents are always sent as attachments; each download by the public
counts, and only those (ressources.serving says what a download is)."""

import pytest
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from ressources.models import ModeleFichier, RessourceDocument
from tests import markup
from tests.factories import (
    DocumentFactory,
    GuidePageFactory,
    ModelePageFactory,
    UserFactory,
    stream,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% un tout petit PDF de test\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert("pris")</script></svg>'
HTML = b"<!DOCTYPE html><script>alert('pris')</script>"


def download_url(document):
    return reverse("telecharger", args=[document.pk])


def get(client, document, method="get"):
    response = getattr(client, method)(download_url(document))
    return response, markup.content(response)


def count_of(document):
    return RessourceDocument.objects.get(pk=document.pk).download_count


@pytest.fixture
def modele(site_tree):
    home, index = site_tree
    return ModelePageFactory(
        parent=index,
        title="Budget prévisionnel",
        fichiers=[
            ModeleFichier(
                document=DocumentFactory(
                    title="Budget (PDF)", file__filename="budget.pdf", file__data=PDF
                )
            ),
            ModeleFichier(document=DocumentFactory(title="Budget (tableur)")),
        ],
    )


def test_download_sends_the_file_as_an_attachment(client, modele):
    document = modele.fichiers.first().document

    response, content = get(client, document)

    assert response.status_code == 200
    assert content == PDF
    assert response["Content-Disposition"] == f'attachment; filename="{document.filename}"'
    assert document.filename.startswith("budget") and document.filename.endswith(".pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_download_counts_each_download_of_the_document_and_of_its_modele(client, modele):
    pdf, tableur = (fichier.document for fichier in modele.fichiers.all())

    get(client, pdf)
    get(client, pdf)
    get(client, tableur)

    assert count_of(pdf) == 2
    assert count_of(tableur) == 1
    assert type(modele).objects.get(pk=modele.pk).download_count == 3


@pytest.mark.parametrize(
    "filename, data",
    [("schema.svg", SVG), ("page.html", HTML), ("page.htm", HTML), ("page.xhtml", HTML)],
)
def test_download_never_lets_the_browser_run_a_document(client, db, filename, data):
    document = DocumentFactory(file__filename=filename, file__data=data)

    response, content = get(client, document)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert content == data


def test_download_head_request_does_not_count(client, modele):
    document = modele.fichiers.first().document

    response, _ = get(client, document, method="head")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert count_of(document) == 0


def test_download_refuses_post(client, modele):
    document = modele.fichiers.first().document

    response = client.post(download_url(document))

    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert count_of(document) == 0


def test_download_of_a_missing_file_explains_it_is_no_longer_available(client, site_tree):
    document = DocumentFactory(title="Ancien règlement intérieur")
    document.file.storage.delete(document.file.name)

    response = client.get(download_url(document))

    assert response.status_code == 404
    page = markup.text(response.content)
    assert "Ce fichier n'est plus disponible" in page
    assert "Ancien règlement intérieur" in page
    assert count_of(document) == 0


def test_download_of_an_unknown_document_is_not_found(client, site_tree):
    response = client.get("/fr/telecharger/987654/")

    assert response.status_code == 404
    assert "Page introuvable" in markup.text(response.content)


def test_download_of_a_document_in_a_private_collection_is_not_found(client, site_tree):
    private = Collection.get_first_root_node().add_child(name="Documents internes")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = DocumentFactory(collection=private)

    response = client.get(download_url(document))

    assert response.status_code == 404
    assert count_of(document) == 0


def test_download_url_is_in_the_active_language(modele):
    document = modele.fichiers.first().document

    assert download_url(document) == f"/fr/telecharger/{document.pk}/"


def test_download_link_without_language_redirects_without_counting(client, modele):
    document = modele.fichiers.first().document

    response = client.get(f"/telecharger/{document.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"/fr/telecharger/{document.pk}/"
    assert count_of(document) == 0


def test_documents_are_not_served_from_the_media_folder(client, modele):
    document = modele.fichiers.first().document

    response = client.get(f"/media/{document.file.name}")

    assert response.status_code == 404


def test_a_document_linked_from_rich_text_is_downloaded_through_the_counting_view(
    client, site_tree
):
    home, index = site_tree
    document = DocumentFactory(title="Charte", file__filename="charte.pdf", file__data=PDF)
    guide = GuidePageFactory(
        parent=index,
        body=stream(
            ("paragraphe", f'<p>Lisez <a linktype="document" id="{document.pk}">la charte</a>.</p>')
        ),
    )

    page = client.get(guide.url)
    hrefs = markup.links(markup.content(page))
    response, content = get(client, document)

    assert download_url(document) in hrefs
    assert not any(href.startswith("/documents/") for href in hrefs)
    assert content == PDF
    assert count_of(document) == 1


# What counts as a download, and who may cache the file


def cache_control(response):
    return {directive.strip() for directive in response["Cache-Control"].split(",")}


def editeur():
    return UserFactory(groups=["Éditeurs"])


def moderateur():
    return UserFactory(groups=["Modérateurs"])


def animateur():
    return UserFactory(groups=["Animateurs"])


def contributeur():
    return UserFactory(groups=["Contributeurs"])


def superuser():
    return UserFactory(is_superuser=True)


@pytest.mark.parametrize(
    "who, counted",
    [
        (None, True),
        (contributeur, True),
        (editeur, False),
        (moderateur, False),
        (animateur, False),
        (superuser, False),
    ],
    ids=["anonymous", "contributor", "editor", "moderator", "animator", "superuser"],
)
def test_only_the_public_downloading_a_document_counts(client, modele, who, counted):
    """The site's team checking a document (a preview, the admin) is not a download."""
    document = modele.fichiers.first().document
    if who is not None:
        client.force_login(who())

    response, content = get(client, document)

    assert content == PDF
    assert count_of(document) == (1 if counted else 0)
    assert cache_control(response) == {"public", "no-cache"}


def test_a_document_of_a_restricted_collection_is_kept_by_no_cache_and_not_counted(
    client, site_tree
):
    members = Collection.get_first_root_node().add_child(name="Espace adhérents")
    CollectionViewRestriction.objects.create(
        collection=members, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = DocumentFactory(collection=members, file__data=PDF)
    client.force_login(contributeur())

    response, content = get(client, document)

    assert content == PDF
    assert cache_control(response) == {"private", "no-store"}
    assert count_of(document) == 0
