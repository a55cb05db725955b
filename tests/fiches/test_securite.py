"""Who may see and do what with fiches: others' drafts stay unknown, contributors never publish
by themselves, their text is never run as HTML, and robots and floods are turned away."""

import types

import django_ratelimit.core
import pytest
from django.urls import reverse

from fiches.models import FichePage, PieceJointe
from fiches.moderation import MAX_EN_MODERATION
from structures.models import Adhesion
from tests import markup
from tests.factories import AdhesionFactory, StructureFactory
from tests.fiches.helpers import (
    contributor,
    draft,
    event_handlers,
    fiche_data,
    logged_in,
    my_fiches,
    pending_file,
    proposer_url,
    published,
    submit,
    upload,
)

pytestmark = pytest.mark.django_db

LOGIN = "/fr/comptes/login/"


@pytest.fixture
def brouillon_de_b(fiches_index):
    """A draft of another structure, « La Recyclerie », with a file."""
    bruno = contributor()
    recyclerie = StructureFactory(nom="La Recyclerie", membres=[bruno])
    piece = pending_file(bruno, name="budget-confidentiel.pdf")
    return draft(recyclerie, bruno, pieces=[piece], title="Nos comptes en difficulté")


def fiche_urls(fiche):
    return {
        action: reverse(f"fiche_{action}", args=[fiche.pk])
        for action in ("modifier", "apercu", "soumettre", "retirer")
    }


def assert_nothing_of(client, fiche):
    urls = fiche_urls(fiche)
    assert client.get(urls["modifier"]).status_code == 404
    assert client.post(urls["modifier"], {"title": "Piraté"}).status_code == 404
    assert client.get(urls["apercu"]).status_code == 404
    assert client.post(urls["soumettre"]).status_code == 404
    assert client.post(urls["retirer"]).status_code == 404
    assert client.get(fiche.pieces_jointes.get().get_absolute_url()).status_code == 404
    space = markup.text(client.get(reverse("mon_espace")).content)
    assert fiche.title not in space


def test_contributor_cannot_open_another_structures_draft(client, asso, claire, brouillon_de_b):
    client.force_login(claire)

    assert_nothing_of(client, brouillon_de_b)

    fiche = FichePage.objects.get(pk=brouillon_de_b.pk)
    assert fiche.title == "Nos comptes en difficulté"
    assert fiche.workflow_states.count() == 0


def test_contributor_cannot_withdraw_another_structures_fiche_from_moderation(
    client, asso, claire, brouillon_de_b
):
    submit(brouillon_de_b, brouillon_de_b.owner)
    client.force_login(claire)

    assert client.post(fiche_urls(brouillon_de_b)["retirer"]).status_code == 404

    assert FichePage.objects.get(pk=brouillon_de_b.pk).current_workflow_state is not None


def test_person_whose_join_request_is_pending_sees_nothing_of_the_drafts(
    client, claire, brouillon_de_b
):
    AdhesionFactory(structure=brouillon_de_b.structure, user=claire, message="Je suis trésorière")
    assert Adhesion.objects.get(user=claire).statut == Adhesion.Statut.EN_ATTENTE
    client.force_login(claire)

    assert_nothing_of(client, brouillon_de_b)


def test_contributor_cannot_write_a_fiche_in_another_structures_name(
    client, asso, claire, brouillon_de_b
):
    client.force_login(claire)

    response = client.post(proposer_url(), fiche_data(brouillon_de_b.structure, enregistrer=""))

    assert response.status_code == 200
    assert response.context["form"].has_error("structure")
    assert not FichePage.objects.filter(structure=asso).exists()
    assert brouillon_de_b.structure.fiches.count() == 1


PAGES_OF_CONTRIBUTORS = {
    "proposer": lambda fiche: proposer_url(),
    "mon espace": lambda fiche: reverse("mon_espace"),
    "modifier": lambda fiche: reverse("fiche_modifier", args=[fiche.pk]),
    "aperçu": lambda fiche: reverse("fiche_apercu", args=[fiche.pk]),
}


@pytest.mark.parametrize("name", PAGES_OF_CONTRIBUTORS)
def test_anonymous_visitor_is_sent_to_log_in(client, brouillon_de_b, name):
    url = PAGES_OF_CONTRIBUTORS[name](brouillon_de_b)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert f"next={url}" in response["Location"].replace("%2F", "/")


def test_anonymous_visitor_cannot_submit_or_withdraw(client, brouillon_de_b):
    for action in ("soumettre", "retirer"):
        response = client.post(fiche_urls(brouillon_de_b)[action])
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
    assert FichePage.objects.get(pk=brouillon_de_b.pk).workflow_states.count() == 0


def test_contributor_gets_no_access_to_the_wagtail_admin(client, asso, claire):
    fiche = draft(asso, claire)
    client.force_login(claire)

    for url in ("/admin/", f"/admin/pages/{fiche.pk}/edit/", "/admin/pages/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url

    response = client.post(
        f"/admin/pages/{fiche.pk}/edit/",
        {"title": "Publiée sans relecture", "slug": "publiee", "action-publish": "action-publish"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    fiche.refresh_from_db()
    assert not fiche.live
    assert fiche.title == "Notre première paie sans y passer la nuit"


def test_draft_is_never_live_whatever_the_contributor_posts(client, asso, claire):
    client.force_login(claire)
    sneaky = {
        "live": "on",
        "go_live_at": "2020-01-01 00:00",
        "has_unpublished_changes": "",
        "first_published_at": "2020-01-01 00:00",
        "owner": "",
        "locked": "on",
        "action-publish": "action-publish",
        "publier": "",
    }

    response = client.post(proposer_url(), fiche_data(asso, enregistrer="", **sneaky))
    assert response.status_code == 302
    fiche = FichePage.objects.get(structure=asso)
    response = client.post(
        reverse("fiche_modifier", args=[fiche.pk]),
        fiche_data(asso, soumettre="", **sneaky),
    )
    assert response.status_code == 302

    fiche.refresh_from_db()
    assert not fiche.live
    assert fiche.go_live_at is None
    assert fiche.first_published_at is None
    assert not fiche.locked
    assert fiche.owner == claire
    assert all(revision.approved_go_live_at is None for revision in fiche.revisions.all())
    assert client.__class__().get(fiche.url).status_code == 404
    assert "Notre première paie" not in markup.text(client.get("/fr/fiches/").content)


def test_another_persons_pending_file_cannot_be_downloaded(client, asso, claire):
    bruno = contributor()
    his_file = pending_file(bruno, name="piece-identite.pdf")

    assert client.get(his_file.get_absolute_url()).status_code == 404
    client.force_login(claire)
    assert client.get(his_file.get_absolute_url()).status_code == 404

    assert logged_in(bruno).get(his_file.get_absolute_url()).status_code == 200
    assert PieceJointe.objects.get(pk=his_file.pk).download_count == 0  # a check, not a download


def test_another_persons_pending_file_cannot_be_attached(client, asso, claire):
    bruno = contributor()
    his_file = pending_file(bruno, name="piece-identite.pdf")
    client.force_login(claire)

    response = client.post(
        proposer_url(),
        fiche_data(asso, pieces_en_attente=[his_file.pk], enregistrer=""),
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("pieces_en_attente")
    assert "piece-identite.pdf" not in markup.text(response.content)
    assert not FichePage.objects.filter(structure=asso).exists()
    his_file.refresh_from_db()
    assert his_file.fiche is None


def test_another_fiches_file_cannot_be_removed_through_my_fiche(
    client, asso, claire, brouillon_de_b
):
    mine = draft(asso, claire)
    his_file = brouillon_de_b.pieces_jointes.get()
    client.force_login(claire)

    response = client.post(
        reverse("fiche_modifier", args=[mine.pk]),
        fiche_data(asso, retirer=[his_file.pk], enregistrer=""),
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("retirer")
    assert PieceJointe.objects.filter(pk=his_file.pk, fiche=brouillon_de_b).exists()


HOSTILE = {
    "title": "Paie <script>alert('titre')</script>",
    "situation": "Avant <script>alert('situation')</script> après.",
    "etapes": '- <img src=x onerror="alert(1)"> étape\n- [cliquez](javascript:alert(2))',
    "reussites": '<a href="https://pirate.example" onclick="alert(3)">lien brut</a>',
    "liens": "https://www.cea.urssaf.fr le site du chèque emploi associatif",
}


def assert_harmless(html):
    """The contributor's HTML is shown as text; the one address written as text is a link
    that search engines do not follow."""
    scripts = markup.elements(html, "script")
    # Data blocks (JSON-LD) run nothing; their text is escaped so that it cannot close them.
    data = markup.soup(html).find_all("script", type="application/ld+json")
    assert data and not any("<" in script.string for script in data)
    code = [script for script in scripts if script.get("type") != "application/ld+json"]
    assert [script for script in code if not script.get("src", "").startswith("/static/")] == []
    assert b"<script>" not in html
    assert event_handlers(html) == []
    assert markup.elements(html, "img") == []
    assert not any(href.startswith("javascript:") for href in markup.links(html))
    text = markup.text(html)
    assert "Avant <script>alert('situation')</script> après." in text
    assert 'onclick="alert(3)">lien brut</a>' in text
    link = [a for a in markup.elements(html, "a") if a.get("href") == "https://www.cea.urssaf.fr"]
    assert link, "the address in « Liens utiles » becomes a link"
    assert link[0]["rel"].split() == ["nofollow", "ugc", "noopener"]


def test_html_in_contributor_text_is_shown_as_text_on_the_preview(client, asso, claire):
    client.force_login(claire)
    response = client.post(proposer_url(), fiche_data(asso, enregistrer="", **HOSTILE))
    assert response.status_code == 302
    fiche = FichePage.objects.get(structure=asso)

    response = client.get(reverse("fiche_apercu", args=[fiche.pk]))

    assert response.status_code == 200
    assert "Paie <script>alert('titre')</script>" in markup.text(response.content)
    assert_harmless(response.content)


def test_html_in_contributor_text_is_shown_as_text_on_the_public_page(client, asso, claire):
    fiche = published(asso, claire, **HOSTILE)

    response = client.get(fiche.url)

    assert response.status_code == 200
    assert_harmless(response.content)
    assert "Paie <script>alert('titre')</script>" in markup.text(response.content)
    listing = client.get("/fr/fiches/").content
    assert b"<script>" not in listing
    assert "Paie <script>alert('titre')</script>" in markup.card_titles(listing)


def test_form_with_the_honeypot_filled_creates_nothing(client, asso, claire):
    client.force_login(claire)

    response = client.post(
        proposer_url(),
        fiche_data(asso, site_internet="https://casino.example", soumettre=""),
    )

    assert response.status_code == 200
    assert "Le formulaire n'a pas pu être envoyé." in markup.text(response.content)
    assert not FichePage.objects.filter(structure=asso).exists()


def test_form_with_the_honeypot_filled_keeps_no_file(client, asso, claire):
    client.force_login(claire)

    client.post(
        proposer_url(),
        fiche_data(
            asso, site_internet="https://casino.example", nouveaux_fichiers=upload("spam.pdf")
        ),
    )

    assert not PieceJointe.objects.exists()


def test_sixth_fiche_in_moderation_is_refused(client, asso, claire):
    fiches = [draft(asso, claire, title=f"Fiche {number}") for number in range(6)]
    for fiche in fiches[:MAX_EN_MODERATION]:
        submit(fiche, claire)
    client.force_login(claire)

    response = client.post(reverse("fiche_soumettre", args=[fiches[5].pk]), follow=True)

    assert (
        "Vous avez déjà 5 fiches en modération : attendez la réponse des modérateurs avant "
        "d'en soumettre une autre." in markup.text(response.content)
    )
    assert FichePage.objects.get(pk=fiches[5].pk).current_workflow_state is None
    assert "Brouillon" in my_badges(response.content, "Fiche 5")


def test_sixth_fiche_submitted_from_the_form_is_saved_but_not_sent(client, asso, claire):
    for number in range(MAX_EN_MODERATION):
        submit(draft(asso, claire, title=f"Fiche {number}"), claire)
    client.force_login(claire)

    response = client.post(
        proposer_url(), fiche_data(asso, title="Une de trop", soumettre=""), follow=True
    )

    assert "Vous avez déjà 5 fiches en modération" in markup.text(response.content)
    fiche = FichePage.objects.get(title="Une de trop")
    assert fiche.current_workflow_state is None
    assert "Brouillon" in my_badges(response.content, "Une de trop")


def my_badges(html, title):
    return my_fiches(html)[title].badges


@pytest.fixture
def frozen_rate_limit_clock(monkeypatch):
    """django-ratelimit counts in fixed windows: keep all requests of a test in one."""
    clock = types.SimpleNamespace(time=lambda: 1_800_000_000)
    monkeypatch.setattr(django_ratelimit.core, "time", clock)


TOO_MANY = "Trop de soumissions en peu de temps : réessayez dans une heure."


def test_eleventh_submission_within_an_hour_is_refused(
    client, asso, claire, frozen_rate_limit_clock
):
    fiche = draft(asso, claire)
    client.force_login(claire)
    soumettre = reverse("fiche_soumettre", args=[fiche.pk])
    retirer = reverse("fiche_retirer", args=[fiche.pk])
    for _attempt in range(10):
        response = client.post(soumettre, follow=True)
        assert TOO_MANY not in markup.text(response.content)
        assert "Fiche envoyée en modération" in markup.text(response.content)
        client.post(retirer)

    response = client.post(soumettre, follow=True)

    assert TOO_MANY in markup.text(response.content)
    assert FichePage.objects.get(pk=fiche.pk).current_workflow_state is None


def test_rate_limit_counts_per_person(client, asso, claire, frozen_rate_limit_clock):
    fiche = draft(asso, claire)
    client.force_login(claire)
    for _attempt in range(11):
        client.post(reverse("fiche_soumettre", args=[fiche.pk]))
    ines = contributor()
    autre = draft(StructureFactory(membres=[ines]), ines, title="La fiche d'Inès")

    response = logged_in(ines).post(reverse("fiche_soumettre", args=[autre.pk]), follow=True)

    assert TOO_MANY not in markup.text(response.content)
    assert FichePage.objects.get(pk=autre.pk).current_workflow_state is not None


def test_eleventh_submission_from_the_form_within_an_hour_is_refused(
    client, asso, claire, frozen_rate_limit_clock
):
    fiche = draft(asso, claire)
    client.force_login(claire)
    modifier = reverse("fiche_modifier", args=[fiche.pk])
    retirer = reverse("fiche_retirer", args=[fiche.pk])
    for _attempt in range(10):
        client.post(modifier, fiche_data(asso, soumettre=""))
        assert FichePage.objects.get(pk=fiche.pk).current_workflow_state is not None
        client.post(retirer)

    response = client.post(modifier, fiche_data(asso, soumettre=""), follow=True)

    assert TOO_MANY in markup.text(response.content)
