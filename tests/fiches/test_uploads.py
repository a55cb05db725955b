"""Files attached to fiches: checked by their content, capped in size and number, kept when
another field has an error, stored out of reach of the web server and sent as attachments."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from fiches.models import FichePage, PieceJointe
from tests import markup
from tests.fiches.helpers import (
    PDF,
    contributor,
    docx_bytes,
    draft,
    fiche_data,
    logged_in,
    moderate,
    moderator,
    png_bytes,
    proposer_url,
    submit,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REFUSED = (
    "« {nom} » n'est pas accepté : son contenu ne correspond pas à un fichier "
    "PDF, DOCX, ODT, XLSX, ODS, PNG, JPEG portant la bonne extension."
)


@pytest.fixture
def author(client, claire):
    client.force_login(claire)
    return client


def propose(client, structure, *files, **changes):
    data = fiche_data(structure, enregistrer="", **changes)
    if files:
        data["nouveaux_fichiers"] = list(files)
    return client.post(proposer_url(), data)


def pending_inputs(html):
    return [
        attrs["value"]
        for attrs in markup.elements(html, "input")
        if attrs.get("name") == "pieces_en_attente" and attrs.get("type") == "hidden"
    ]


def test_pdf_renamed_docx_is_refused_by_its_content(author, asso):
    response = propose(author, asso, upload("compte-rendu.docx", PDF))

    assert response.status_code == 200
    assert REFUSED.format(nom="compte-rendu.docx") in markup.text(response.content)
    assert not FichePage.objects.exists()
    assert not PieceJointe.objects.exists()


def test_file_over_10_mb_is_refused(author, asso):
    big = PDF + b"0" * (11 * 1024 * 1024 - len(PDF))

    response = propose(author, asso, upload("rapport-annuel.pdf", big))

    assert response.status_code == 200
    assert (
        "« rapport-annuel.pdf » pèse 11,0 Mio : la limite est de 10,0 Mio par fichier."
        in markup.text(response.content)
    )
    assert not FichePage.objects.exists()
    assert not PieceJointe.objects.exists()


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_svg_is_refused(author, asso, name):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    response = propose(author, asso, upload(name, svg))

    assert REFUSED.format(nom=name) in markup.text(response.content)
    assert not PieceJointe.objects.exists()


def test_real_docx_and_png_are_accepted(author, asso):
    response = propose(
        author,
        asso,
        upload("ordre-du-jour.docx", docx_bytes()),
        upload("organigramme.png", png_bytes()),
    )

    assert response.status_code == 302, response.context["form"].errors
    fiche = FichePage.objects.get(structure=asso)
    assert {(piece.nom, piece.type_mime) for piece in fiche.pieces_jointes.all()} == {
        ("ordre-du-jour.docx", DOCX),
        ("organigramme.png", "image/png"),
    }
    assert not fiche.pieces_jointes.filter(publiee=True).exists()


def test_six_files_are_refused(author, asso):
    files = [upload(f"annexe-{number}.pdf") for number in range(6)]

    response = propose(author, asso, *files)

    assert response.status_code == 200
    assert "Une fiche a au plus 5 fichiers joints ; vous pouvez encore en joindre 5." in (
        markup.text(response.content)
    )
    assert not FichePage.objects.exists()


def test_a_sixth_file_on_a_fiche_with_five_is_refused(author, asso, claire):
    fiche = draft(asso, claire)
    client = author
    client.post(
        reverse("fiche_modifier", args=[fiche.pk]),
        fiche_data(asso, nouveaux_fichiers=[upload(f"annexe-{n}.pdf") for n in range(5)]),
    )
    assert fiche.pieces_jointes.count() == 5

    response = client.post(
        reverse("fiche_modifier", args=[fiche.pk]),
        fiche_data(asso, nouveaux_fichiers=[upload("une-de-trop.pdf")]),
    )

    assert "Une fiche a au plus 5 fichiers joints ; vous pouvez encore en joindre 0." in (
        markup.text(response.content)
    )
    assert fiche.pieces_jointes.count() == 5


def test_after_six_files_the_form_does_not_keep_more_than_five(author, asso):
    response = propose(author, asso, *[upload(f"annexe-{number}.pdf") for number in range(6)])

    assert len(pending_inputs(response.content)) <= 5


def test_valid_file_is_kept_when_another_field_has_an_error(author, asso):
    response = propose(author, asso, upload("bulletin-adhesion.pdf"), title="")

    assert response.status_code == 200
    page = markup.text(response.content)
    assert "Champ requis." in page
    title = [
        attrs
        for attrs in markup.elements(response.content, "input")
        if attrs.get("name") == "title"
    ]
    assert title[0].get("aria-invalid") == "true"
    assert "Une association de 40 bénévoles, un premier salarié en septembre." in page
    assert "Comment une association de quartier a fait sa première paie." in page
    assert (
        "Déjà joints (ils seront attachés à la fiche à l'enregistrement) : bulletin-adhesion.pdf"
        in page
    )
    kept = pending_inputs(response.content)
    piece = PieceJointe.objects.get()
    assert kept == [str(piece.pk)]
    assert piece.fiche is None
    assert not FichePage.objects.exists()

    response = propose(author, asso, title="Notre première paie", pieces_en_attente=kept)

    assert response.status_code == 302, response.context["form"].errors
    fiche = FichePage.objects.get(structure=asso)
    assert [piece.nom for piece in fiche.pieces_jointes.all()] == ["bulletin-adhesion.pdf"]
    assert PieceJointe.objects.count() == 1


def test_refused_file_and_kept_file_together(author, asso):
    response = propose(
        author, asso, upload("bulletin.pdf"), upload("photo.docx", png_bytes()), title=""
    )

    page = markup.text(response.content)
    assert REFUSED.format(nom="photo.docx") in page
    assert "bulletin.pdf" in page
    assert [piece.nom for piece in PieceJointe.objects.all()] == ["bulletin.pdf"]


def test_files_are_stored_under_the_private_media_root(author, asso):
    propose(author, asso, upload("bulletin.pdf"))

    piece = PieceJointe.objects.get()
    path = Path(piece.fichier.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.STATIC_ROOT).resolve())
    assert path.read_bytes() == PDF
    assert not list(Path(settings.MEDIA_ROOT).rglob("bulletin*.pdf"))
    assert author.get(f"{settings.MEDIA_URL}{piece.fichier.name}").status_code == 404


def test_file_name_cannot_climb_out_of_the_private_folder(author, asso):
    response = propose(author, asso, upload("../../../etc/cron.d/bulletin.pdf"))

    assert response.status_code == 302
    piece = PieceJointe.objects.get()
    assert piece.nom == "bulletin.pdf"
    path = Path(piece.fichier.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())


def test_download_is_an_attachment_never_sniffed_and_counted(author, asso, claire):
    propose(author, asso, upload("bulletin adhésion.pdf"))
    piece = PieceJointe.objects.get()
    submit(piece.fiche, claire)
    moderate(piece.fiche, moderator(), "approve")
    visitor = Client()

    response = visitor.get(piece.get_absolute_url())

    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == "attachment; filename*=utf-8''bulletin_adh%C3%A9sion.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert markup.content(response) == PDF
    assert PieceJointe.objects.get(pk=piece.pk).download_count == 1

    head = visitor.head(piece.get_absolute_url())
    assert head.status_code == 200
    markup.content(head)
    assert PieceJointe.objects.get(pk=piece.pk).download_count == 1


def test_file_of_an_unpublished_fiche_is_hidden_from_visitors_not_from_members(asso, claire):
    author = logged_in(claire)
    propose(author, asso, upload("bulletin.pdf"))
    piece = PieceJointe.objects.get()
    ines = contributor()
    asso.adhesions.create(user=ines, statut="acceptee")

    assert Client().get(piece.get_absolute_url()).status_code == 404
    for member in (author, logged_in(ines)):
        response = member.get(piece.get_absolute_url())
        assert response.status_code == 200
        assert markup.content(response) == PDF
    assert logged_in(moderator()).get(piece.get_absolute_url()).status_code == 200
    assert PieceJointe.objects.get(pk=piece.pk).download_count == 0  # previews, not downloads
