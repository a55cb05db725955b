"""Who may see and manage a workshop's registrants in the admin (its animators: the accounts
named among them and the page's owner; the Éditeurs; not the Modérateurs, not the other
animators), and what cancelling a registration or giving a seat by hand does: a confirmation
step, an e-mail to the person, an e-mail to the other animators."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from evenements.models import AtelierPage, Inscription
from tests import markup
from tests.evenements.helpers import (
    VISIO,
    anime_par,
    annuler_url,
    atelier,
    calendars,
    committed,
    in_days,
    only_event,
    register,
    sent_to,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CAMILLE, BRUNO, CHLOE = "camille@asso.example", "bruno@asso.example", "chloe@asso.example"


def admin_url(name, workshop, inscription=None):
    args = [workshop.pk] if inscription is None else [workshop.pk, inscription.pk]
    return reverse(f"evenements_admin:{name}", args=args)


@pytest.fixture
def team(agenda):
    """A workshop with two seats taken and one person waiting; Claire animates it (her account
    is named), Olivier created it (the owner), Ahmed animates other workshops."""
    claire = UserFactory(groups=["Animateurs"], first_name="Claire", last_name="Martin")
    olivier = UserFactory(groups=["Animateurs"], first_name="Olivier")
    ahmed = UserFactory(groups=["Animateurs"])
    workshop = anime_par(atelier(agenda, title="Premier salarié", capacite=2), claire)
    AtelierPage.objects.filter(pk=workshop.pk).update(owner=olivier)
    workshop = AtelierPage.objects.get(pk=workshop.pk)
    anime_par(atelier(agenda, title="Un autre atelier"), ahmed)
    register(workshop, nom="Camille Durand", email=CAMILLE, besoins="Interprète LSF")
    register(workshop, nom="Denis Morel", email="denis@asso.example")
    register(workshop, nom="Bruno Petit", email=BRUNO)
    return {"workshop": workshop, "claire": claire, "olivier": olivier, "ahmed": ahmed}


ROLES = {
    "Éditeur": (lambda team: UserFactory(groups=["Éditeurs"]), True),
    "Modérateur": (lambda team: UserFactory(groups=["Modérateurs"]), False),
    "another workshop's animator": (lambda team: team["ahmed"], False),
    "this workshop's animator": (lambda team: team["claire"], True),
    "this workshop's owner": (lambda team: team["olivier"], True),
}


def refused(response):
    """Wagtail's answer to PermissionDenied in the admin: back to the dashboard (or 403)."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_registrants_are_seen_and_managed_by_the_workshops_animators_and_the_editors_only(
    client, team, role
):
    make_user, allowed = ROLES[role]
    workshop = team["workshop"]
    camille = Inscription.objects.get(email=CAMILLE)
    bruno = Inscription.objects.get(email=BRUNO)
    client.force_login(make_user(team))

    reads = {
        name: (client.get(admin_url(name, workshop, inscription)), shown)
        for name, inscription, shown in [
            ("inscriptions", None, CAMILLE),
            ("csv", None, CAMILLE),
            ("message", None, "2 participants et participantes"),
            ("annuler", camille, "Annuler l'inscription de Camille Durand ?"),
            ("promouvoir", bruno, "Donner une place à Bruno Petit ?"),
        ]
    }
    with committed():
        writes = {
            "message": client.post(
                admin_url("message", workshop),
                {"sujet": "Salle 2", "message": "Rendez-vous salle 2.", "liste_attente": "on"},
            ),
            "promouvoir": client.post(admin_url("promouvoir", workshop, bruno)),
            "annuler": client.post(admin_url("annuler", workshop, camille)),
        }
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[workshop.pk]))
    listing = client.get(reverse("wagtailadmin_explore", args=[workshop.get_parent().pk]))

    for name, (response, shown) in reads.items():
        body = markup.content(response).decode()
        if allowed:
            assert response.status_code == 200, name
            assert shown in (body if name == "csv" else markup.text(body)), name
        else:
            assert refused(response), name
            assert CAMILLE not in body and "Camille Durand" not in body, name
    for name, response in writes.items():
        assert response.status_code == 302, name
        assert refused(response) is not allowed, name
    bruno_now = Inscription.objects.filter(pk=bruno.pk).values_list("statut", flat=True).first()
    if allowed:
        assert not Inscription.objects.filter(pk=camille.pk).exists()
        assert bruno_now == Inscription.Statut.CONFIRMEE
        assert sent_to(CAMILLE) and sent_to(BRUNO)
    else:
        assert Inscription.objects.filter(pk=camille.pk, besoins="Interprète LSF").exists()
        assert bruno_now == Inscription.Statut.ATTENTE
        assert mail.outbox == []
    registrants_link = admin_url("inscriptions", workshop)
    assert edit_page.status_code == 200  # every role here may edit the workshop's page
    assert (registrants_link in markup.links(edit_page.content)) is allowed
    assert (registrants_link in markup.links(listing.content)) is allowed


def test_a_registration_of_another_workshop_is_not_found(client, team, agenda):
    other = atelier(agenda)
    stranger = register(other, nom="Chloé Roux", email=CHLOE)
    client.force_login(team["claire"])

    for name in ("annuler", "promouvoir"):
        for method in (client.get, client.post):
            # (LocaleMiddleware sends a 404 on to /fr/admin/…, a 404 as well)
            response = method(admin_url(name, team["workshop"], stranger), follow=True)
            assert response.status_code == 404, name
    assert Inscription.objects.filter(pk=stranger.pk, statut="confirmee").exists()


def test_an_animator_cancels_a_registration_after_a_confirmation_step(client, team):
    workshop = team["workshop"]
    camille = Inscription.objects.get(email=CAMILLE)
    client.force_login(team["claire"])
    registrants = client.get(admin_url("inscriptions", workshop))
    mail.outbox.clear()

    confirmation = client.get(admin_url("annuler", workshop, camille))
    with committed():
        response = client.post(admin_url("annuler", workshop, camille))

    assert admin_url("annuler", workshop, camille) in markup.links(registrants.content)
    text = markup.text(confirmation.content)
    assert "Annuler l'inscription de Camille Durand ?" in text
    assert "Sa place ira à la première personne de la liste d'attente, Bruno Petit" in text
    assert response["Location"] == admin_url("inscriptions", workshop)
    assert "L'inscription de Camille Durand est annulée" in markup.text(
        client.get(response["Location"]).content
    )
    assert not Inscription.objects.filter(email=CAMILLE).exists()
    assert Inscription.objects.get(email=BRUNO).statut == Inscription.Statut.CONFIRMEE
    [told] = sent_to(CAMILLE)
    assert "L'équipe d'animation de l'atelier « Premier salarié » a annulé votre inscription" in (
        told.body
    )
    assert str(calendars(told)[0]["METHOD"]) == "CANCEL"
    [promoted] = sent_to(BRUNO)
    assert VISIO in promoted.body
    [animators] = sent_to(team["olivier"].email)
    assert animators.bcc == [team["olivier"].email]  # not Claire, who did it
    assert "Claire Martin a annulé l'inscription de Camille Durand" in animators.body
    assert "Bruno Petit" in animators.body
    assert admin_url("inscriptions", workshop) in animators.body
    assert len(mail.outbox) == 3


def test_an_animator_gives_a_seat_even_when_none_is_free_and_is_told_so(client, team):
    workshop = team["workshop"]
    bruno = Inscription.objects.get(email=BRUNO)
    client.force_login(team["olivier"])
    registrants = client.get(admin_url("inscriptions", workshop))

    confirmation = client.get(admin_url("promouvoir", workshop, bruno))
    with committed():
        client.post(admin_url("promouvoir", workshop, bruno))

    assert admin_url("promouvoir", workshop, bruno) in markup.links(registrants.content)
    text = markup.text(confirmation.content)
    assert "Donner une place à Bruno Petit ?" in text
    assert "Il n'y a plus de place libre" in text
    assert "3 participants et participantes pour 2 places" in text
    assert "C'est votre décision" in text
    assert Inscription.objects.filter(atelier=workshop, statut="confirmee").count() == 3
    [promoted] = sent_to(BRUNO)
    assert "vous a donné une place" in promoted.body
    [invitation] = calendars(promoted)
    assert str(invitation["METHOD"]) == "REQUEST"
    assert VISIO in str(only_event(invitation)["DESCRIPTION"])
    [animators] = sent_to(team["claire"].email)
    assert team["olivier"].email not in animators.bcc
    assert "a donné une place à Bruno Petit" in animators.body
    assert "3 places confirmées sur 2." in animators.body


def test_the_animators_are_told_when_someone_cancels_by_themselves(client, team):
    workshop = team["workshop"]
    camille = Inscription.objects.get(email=CAMILLE)

    with committed():
        client.post(annuler_url(camille))

    [animators] = [message for message in mail.outbox if message.bcc]
    assert sorted(animators.bcc) == sorted([team["claire"].email, team["olivier"].email])
    assert "Camille Durand a annulé son inscription à l'atelier « Premier salarié »" in (
        animators.body
    )
    assert "Bruno Petit" in animators.body
    assert team["ahmed"].email not in animators.bcc
    assert "Interprète LSF" not in animators.body
    assert workshop.title in animators.subject


def test_a_workshop_that_is_over_keeps_its_list(client, agenda, team):
    over = anime_par(atelier(agenda, debut=in_days(-3)), team["claire"])
    inscription = Inscription.objects.create(
        atelier=over, statut="confirmee", nom="Camille Durand", email=CAMILLE
    )
    client.force_login(team["claire"])

    page = client.get(admin_url("inscriptions", over))
    with committed():
        response = client.post(admin_url("annuler", over, inscription))

    assert admin_url("annuler", over, inscription) not in markup.links(page.content)
    assert "Cet atelier est passé" in markup.text(client.get(response["Location"]).content)
    assert Inscription.objects.filter(pk=inscription.pk, email=CAMILLE).exists()
    assert mail.outbox == []


def edit_form(client, workshop):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[workshop.pk]))
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def name_account(data, user):
    """The workshop's form with ``user`` as the account of its first animator."""
    data["animateurs-0-compte"] = str(user.pk)
    return data


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("ahmed", False), ("claire", True), ("olivier", True), ("editeur", True)],
)
def test_only_who_manages_a_workshops_registrations_may_name_the_accounts_that_see_them(
    client, team, who, allowed
):
    """Every animator may edit every workshop; naming oneself (Ahmed) among another workshop's
    animators would open its registrants' personal data."""
    user = team[who] if who in team else UserFactory(groups=["Éditeurs"])
    workshop = team["workshop"]
    client.force_login(user)
    revisions = workshop.revisions.count()

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[workshop.pk]),
        name_account(edit_form(client, workshop), team["ahmed"]),
    )

    if allowed:
        assert response.status_code == 302
        assert workshop.revisions.count() == revisions + 1
    else:
        assert response.status_code == 200
        assert "Seuls les animateurs de cet atelier et les Éditeurs" in markup.text(
            response.content
        )
        assert workshop.revisions.count() == revisions
        client.force_login(team["ahmed"])
        assert refused(client.get(admin_url("inscriptions", workshop)))
