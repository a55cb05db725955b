"""A contributor's fiches from « Mon espace » to the public listings: each state with what
can be done, withdrawing, editing a published fiche without taking it offline, the preview,
the listings of live fiches, and submissions that survive a failing mail server."""

import logging
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from wagtail.models import WorkflowState

from fiches.models import FichePage, PieceJointe
from tests import markup
from tests.factories import FichePageFactory, GuidePageFactory, StructureFactory, domaine
from tests.fiches.helpers import (
    contributor,
    draft,
    fiche_data,
    logged_in,
    moderate,
    moderator,
    moderator_acts,
    my_fiches,
    page_text,
    pending_file,
    proposer_url,
    published,
    submit,
    upload,
)

pytestmark = pytest.mark.django_db

FAILING_MAIL = "tests.fiches.helpers.FailingMailServer"


@pytest.fixture
def claire(fiches_index):
    return contributor(email="claire@asso-quartier.example")


@pytest.fixture
def asso(claire):
    return StructureFactory(
        nom="Asso du Quartier", type_structure="association", departement="69", membres=[claire]
    )


@pytest.fixture
def author(client, claire):
    client.force_login(claire)
    return client


def my_space(client):
    response = client.get(reverse("mon_espace"))
    assert response.status_code == 200
    return my_fiches(response.content)


def url(action, fiche):
    return reverse(f"fiche_{action}", args=[fiche.pk])


def test_my_space_shows_each_state_with_its_actions(author, asso, claire):
    brouillon = draft(asso, claire, title="Le brouillon")
    en_moderation = submit(draft(asso, claire, title="La fiche en relecture"), claire)
    a_corriger = submit(draft(asso, claire, title="La fiche à reprendre"), claire)
    moderate(a_corriger, moderator(), "reject", comment="Précisez le coût du service, svp.")
    publiee = published(asso, claire, title="La fiche en ligne")
    depubliee = published(asso, claire, title="La fiche retirée du site")
    depubliee.unpublish()

    fiches = my_space(author)

    item = fiches["Le brouillon"]
    assert item.badges == ["Brouillon"]
    assert url("modifier", brouillon) in item.links
    assert item.forms == [url("soumettre", brouillon)]
    assert url("apercu", brouillon) in item.links

    item = fiches["La fiche en relecture"]
    assert item.badges == ["En modération"]
    assert url("modifier", en_moderation) not in item.links
    assert item.forms == [url("retirer", en_moderation)]

    item = fiches["La fiche à reprendre"]
    assert item.badges == ["À corriger"]
    assert "Le commentaire du modérateur : Précisez le coût du service, svp." in item.text
    assert url("modifier", a_corriger) in item.links
    assert item.forms == [url("soumettre", a_corriger)]

    item = fiches["La fiche en ligne"]
    assert item.badges == ["Publiée"]
    assert publiee.url in item.links
    assert url("modifier", publiee) in item.links
    assert item.forms == []

    item = fiches["La fiche retirée du site"]
    assert item.badges == ["Dépubliée"]
    assert url("modifier", depubliee) in item.links
    assert item.forms == [url("soumettre", depubliee)]

    others = [item for title, item in fiches.items() if title != "La fiche à reprendre"]
    assert all("commentaire" not in item.text for item in others)


def test_fiche_in_moderation_cannot_be_edited_until_withdrawn(author, asso, claire):
    fiche = submit(draft(asso, claire), claire)

    response = author.get(url("modifier", fiche), follow=True)

    assert "Cette fiche est en modération : retirez-la pour la modifier." in markup.text(
        response.content
    )
    assert author.post(url("modifier", fiche), fiche_data(asso, title="Changée")).status_code == 302
    assert FichePage.objects.get(pk=fiche.pk).get_latest_revision_as_object().title != "Changée"


def test_withdrawing_returns_the_fiche_to_draft(author, asso, claire):
    fiche = submit(draft(asso, claire, title="Ma fiche"), claire)

    response = author.post(url("retirer", fiche), follow=True)

    assert "La fiche est retirée de la modération ; c'est à nouveau un brouillon." in markup.text(
        response.content
    )
    item = my_fiches(response.content)["Ma fiche"]
    assert item.badges == ["Brouillon"]
    assert item.forms == [url("soumettre", fiche)]
    assert url("modifier", fiche) in item.links
    assert fiche.workflow_states.get().status == WorkflowState.STATUS_CANCELLED


def test_editing_a_published_fiche_keeps_the_published_text_online_until_approved(
    author, asso, claire
):
    fiche = published(asso, claire, title="Notre première paie", situation="Le texte publié, relu.")
    anonymous = Client()
    admin = logged_in(moderator())

    form = author.get(url("modifier", fiche))
    assert "Cette fiche est publiée : vos modifications seront relues par un modérateur" in (
        markup.text(form.content)
    )
    response = author.post(
        url("modifier", fiche),
        fiche_data(
            asso, title="Notre première paie", situation="Le texte corrigé.", enregistrer=""
        ),
    )
    assert response.status_code == 302
    item = my_space(author)["Notre première paie"]
    assert item.badges == ["Publiée", "modifications non publiées"]
    assert item.forms == [url("soumettre", fiche)]
    assert "Le texte publié, relu." in page_text(anonymous, fiche.url)

    author.post(url("soumettre", fiche))
    assert my_space(author)["Notre première paie"].badges == [
        "En modération",
        "modifications non publiées",
    ]
    public = page_text(anonymous, fiche.url)
    assert "Le texte publié, relu." in public
    assert "Le texte corrigé." not in public

    moderator_acts(admin, fiche, "approve")

    public = page_text(anonymous, fiche.url)
    assert "Le texte corrigé." in public
    assert "Le texte publié, relu." not in public
    assert my_space(author)["Notre première paie"].badges == ["Publiée"]


def test_file_removed_from_a_published_fiche_stays_until_approved(author, asso, claire):
    piece = pending_file(claire, name="bulletin.pdf")
    fiche = published(asso, claire, pieces=[piece])
    anonymous = Client()
    assert anonymous.get(piece.get_absolute_url()).status_code == 200
    path = Path(PieceJointe.objects.get(pk=piece.pk).fichier.path)

    response = author.post(
        url("modifier", fiche), fiche_data(asso, retirer=[piece.pk], soumettre="")
    )
    assert response.status_code == 302

    download = anonymous.get(piece.get_absolute_url())
    assert download.status_code == 200
    markup.content(download)
    assert "bulletin.pdf" in page_text(anonymous, fiche.url)

    moderator_acts(logged_in(moderator()), fiche, "approve")

    assert anonymous.get(piece.get_absolute_url()).status_code == 404
    assert "bulletin.pdf" not in page_text(anonymous, fiche.url)
    assert not path.exists()


def test_file_added_to_a_published_fiche_is_public_only_once_approved(author, asso, claire):
    fiche = published(asso, claire)
    anonymous = Client()

    author.post(
        url("modifier", fiche),
        fiche_data(asso, nouveaux_fichiers=[upload("nouveau-bareme.pdf")], soumettre=""),
    )
    piece = PieceJointe.objects.get()

    assert anonymous.get(piece.get_absolute_url()).status_code == 404
    assert "nouveau-bareme.pdf" not in page_text(anonymous, fiche.url)
    assert author.get(piece.get_absolute_url()).status_code == 200

    moderator_acts(logged_in(moderator()), fiche, "approve")

    assert "nouveau-bareme.pdf" in page_text(anonymous, fiche.url)
    download = anonymous.get(piece.get_absolute_url())
    assert download.status_code == 200
    markup.content(download)


def test_removing_a_file_never_published_deletes_it_at_once(author, asso, claire):
    piece = pending_file(claire, name="brouillon-de-budget.pdf")
    fiche = draft(asso, claire, pieces=[piece])
    path = Path(PieceJointe.objects.get(pk=piece.pk).fichier.path)

    author.post(url("modifier", fiche), fiche_data(asso, retirer=[piece.pk], enregistrer=""))

    assert not PieceJointe.objects.exists()
    assert not path.exists()


def test_preview_shows_the_latest_draft_text(author, asso, claire):
    fiche = published(asso, claire, situation="Le texte publié, relu.")
    author.post(
        url("modifier", fiche),
        fiche_data(
            asso, title="Un titre retravaillé", situation="Le texte corrigé.", enregistrer=""
        ),
    )

    preview = page_text(author, url("apercu", fiche))

    assert "Un titre retravaillé" in preview
    assert "Le texte corrigé." in preview
    assert "Le texte publié, relu." not in preview
    assert "Le texte publié, relu." in page_text(Client(), fiche.url)


def test_preview_says_it_is_a_preview(author, asso, claire):
    fiche = draft(asso, claire)

    preview = page_text(author, url("apercu", fiche))

    assert (
        "Aperçu : voici la fiche telle qu'elle sera publiée après la relecture d'un modérateur."
        in preview
    )
    assert "Aperçu :" not in page_text(Client(), published(asso, claire, title="Autre").url)


def test_preview_shows_a_file_added_to_a_published_fiche_before_the_public_page_does(
    author, asso, claire
):
    fiche = published(asso, claire)
    author.post(
        url("modifier", fiche),
        fiche_data(asso, nouveaux_fichiers=[upload("budget-2026.pdf")], enregistrer=""),
    )

    assert "budget-2026.pdf" in page_text(author, url("apercu", fiche))
    assert "budget-2026.pdf" not in page_text(Client(), fiche.url)


@pytest.fixture
def three_fiches(fiches_index):
    quartier = StructureFactory(
        nom="Asso du Quartier", type_structure="association", departement="69"
    )
    batir = StructureFactory(nom="Scop Bâtir", type_structure="scop", departement="13")
    FichePageFactory(parent=fiches_index, title="Première paie", structure=quartier, age_hours=1)
    FichePageFactory(
        parent=fiches_index,
        title="Reprendre en Scop",
        structure=batir,
        domaines=[domaine("juridique-statuts")],
        age_hours=2,
    )
    FichePageFactory(
        parent=fiches_index, title="Encore un brouillon", structure=batir, live=False, age_hours=0
    )
    return fiches_index


def test_fiches_page_lists_live_fiches_with_their_structure(client, three_fiches):
    response = client.get("/fr/fiches/")

    assert response.status_code == 200
    assert markup.card_titles(response.content) == ["Première paie", "Reprendre en Scop"]
    assert markup.texts(response.content, "card__structure") == [
        "Par Asso du Quartier",
        "Par Scop Bâtir",
    ]
    assert markup.result_count(response.content) == "2 ressources"


@pytest.mark.parametrize(
    "query, titles",
    [
        ("departement=69", ["Première paie"]),
        ("departement=13", ["Reprendre en Scop"]),
        ("type_structure=scop", ["Reprendre en Scop"]),
        ("type_structure=scop&type_structure=association", ["Première paie", "Reprendre en Scop"]),
        ("type_structure=association&departement=13", []),
        ("departement=999", ["Première paie", "Reprendre en Scop"]),
    ],
)
def test_fiches_page_filters_by_departement_and_type_of_structure(
    client, three_fiches, query, titles
):
    response = client.get(f"/fr/fiches/?{query}")

    assert response.status_code == 200
    assert markup.card_titles(response.content) == titles


def test_domain_page_and_ressources_page_list_live_fiches(client, three_fiches):
    ressources = three_fiches.get_parent().get_children().get(slug="ressources")
    GuidePageFactory(parent=ressources, title="Guide de la paie", age_hours=3)

    domain = client.get("/fr/domaines/ressources-humaines/")
    assert markup.card_titles(domain.content) == ["Première paie"]
    assert markup.texts(domain.content, "card__structure") == ["Par Asso du Quartier"]

    listing = client.get("/fr/ressources/")
    assert markup.card_titles(listing.content) == [
        "Première paie",
        "Reprendre en Scop",
        "Guide de la paie",
    ]
    assert markup.texts(listing.content, "card__structure") == [
        "Par Asso du Quartier",
        "Par Scop Bâtir",
    ]
    only_fiches = client.get("/fr/ressources/?type=fiche")
    assert markup.card_titles(only_fiches.content) == ["Première paie", "Reprendre en Scop"]


def add_fiches(index, count, start):
    for number in range(start, start + count):
        FichePageFactory(
            parent=index,
            title=f"Fiche {number:03d}",
            structure=StructureFactory(departement="69" if number % 2 else "13"),
            age_hours=number,
        )


def query_count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("query", ["", "?departement=69&type_structure=association&tri=az"])
def test_fiches_page_runs_the_same_queries_for_3_and_30_fiches(client, fiches_index, query):
    add_fiches(fiches_index, 3, start=1)
    with_3 = query_count(client, f"/fr/fiches/{query}")

    add_fiches(fiches_index, 27, start=4)
    with_30 = query_count(client, f"/fr/fiches/{query}")

    assert with_30 == with_3
    if not query:
        assert markup.result_count(client.get("/fr/fiches/").content).startswith("30 ressources")


def test_submission_survives_a_failing_mail_server(author, asso, claire, caplog):
    moderator(email="moderation@entraide.example")
    fiche = draft(asso, claire, title="Ma fiche")

    with override_settings(EMAIL_BACKEND=FAILING_MAIL), caplog.at_level(logging.ERROR):
        response = author.post(url("soumettre", fiche), follow=True)

    assert response.status_code == 200
    assert "Fiche envoyée en modération." in markup.text(response.content)
    assert my_fiches(response.content)["Ma fiche"].badges == ["En modération"]
    assert FichePage.objects.get(pk=fiche.pk).current_workflow_state is not None
    assert mail.outbox == []
    assert any(
        record.levelno >= logging.ERROR and "moderation@entraide.example" in record.getMessage()
        for record in caplog.records
    ), [record.getMessage() for record in caplog.records]


def test_decisions_stand_when_the_mail_server_fails(author, asso, claire, caplog):
    a_corriger = submit(draft(asso, claire, title="À reprendre"), claire)
    a_publier = submit(draft(asso, claire, title="À publier"), claire)

    with override_settings(EMAIL_BACKEND=FAILING_MAIL), caplog.at_level(logging.ERROR):
        moderate(a_corriger, moderator(), "reject", comment="Précisez le coût.")
        fiche = moderate(a_publier, moderator(), "approve")

    assert fiche.live
    fiches = my_space(author)
    assert fiches["À reprendre"].badges == ["À corriger"]
    assert fiches["À publier"].badges == ["Publiée"]
    logged = [
        record.getMessage() for record in caplog.records if record.name == "ressources.emails"
    ]
    assert any("fiche_a_corriger" in message for message in logged), logged
    assert any("fiche_publiee" in message for message in logged), logged


def test_two_fiches_with_the_same_title_get_two_addresses(fiches_index):
    user = contributor()
    asso = StructureFactory(membres=[user])
    client = logged_in(user)
    for _ in range(2):
        response = client.post(proposer_url(), fiche_data(asso, title="Même titre"))
        assert response.status_code == 302
    assert sorted(FichePage.objects.values_list("slug", flat=True)) == [
        "meme-titre",
        "meme-titre-2",
    ]
