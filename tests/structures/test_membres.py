"""What members do with their structure: see its members, invite a colleague by e-mail (the
link signs them up and joins them), cancel an invitation, leave, change its public details;
and what nobody else can do with it."""

import io
import json
import re
import types
from datetime import timedelta

import django_ratelimit.core
import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from fiches.services import get_or_create_fiche_index
from structures import donnees_personnelles, espace, invitations, views_membres
from structures.models import Adhesion, Invitation, Structure
from tests import markup
from tests.factories import (
    AdhesionFactory,
    FichePageFactory,
    GuidePageFactory,
    StructureFactory,
    UserFactory,
    build_site_tree,
)

pytestmark = pytest.mark.django_db

User = get_user_model()
ESPACE = "/fr/mon-espace/"
PASSWORD = "Jardin-partage-2026!"
LINK = re.compile(r"https?://testserver(/\S+)")
SECRET = "Zorglubissime"


@pytest.fixture(scope="module", autouse=True)
def tree(module_transaction):
    with module_transaction.unblock():
        return build_site_tree()


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    """django-ratelimit counts in fixed windows: keep all requests of a test in one."""
    clock = types.SimpleNamespace(time=lambda: 1_800_000_000)
    monkeypatch.setattr(django_ratelimit.core, "time", clock)


@pytest.fixture
def claire(db):
    return UserFactory(email="claire@asso-quartier.example", groups=["Contributeurs"])


@pytest.fixture
def malik(db):
    return UserFactory(email="malik@scop-velo.example", groups=["Contributeurs"])


@pytest.fixture
def jardin(claire):
    return StructureFactory(
        nom="Les Jardins du quartier", siret="73282932000074", departement="93", membres=[claire]
    )


@pytest.fixture
def velo(malik):
    """Another structure: Malik's, of which Claire is not a member."""
    return StructureFactory(nom="Vélo solidaire", membres=[malik])


def inviter(client, structure, email):
    return client.post(reverse("structure_inviter", args=[structure.slug]), {"email": email})


def link_in(message):
    found = LINK.findall(message.body)
    assert len(found) == 1, message.body
    return found[0]


def text(response):
    return markup.text(response.content)


def test_an_invitation_signs_the_colleague_up_and_joins_them(client, claire, jardin):
    client.force_login(claire)
    first = inviter(client, jardin, "Nadia@Ressourcerie.example")
    again = inviter(client, jardin, "nadia@ressourcerie.example")

    assert first.status_code == again.status_code == 302
    assert Invitation.objects.filter(structure=jardin).count() == 1  # resent, not doubled
    assert "valable 14 jours de plus" in text(client.get(ESPACE))
    assert [message.to for message in mail.outbox] == [["nadia@ressourcerie.example"]] * 2
    assert "claire@asso-quartier.example vous invite à rejoindre" in mail.outbox[0].body
    lien = link_in(mail.outbox[1])
    assert link_in(mail.outbox[0]) == lien

    client.logout()
    page = client.get(lien)
    assert page.status_code == 200
    assert "Invitation à rejoindre « Les Jardins du quartier »" in text(page)
    signup = client.get(reverse("account_signup"))
    emails = [
        a.get("value") for a in markup.elements(signup.content, "input") if a.get("name") == "email"
    ]
    assert emails == ["nadia@ressourcerie.example"]  # filled in

    signed_up = client.post(
        reverse("account_signup"),
        {
            "email": "nadia@ressourcerie.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": lien,
        },
    )
    assert signed_up.status_code == 302 and signed_up["Location"] == lien  # no confirmation
    nadia = User.objects.get(email="nadia@ressourcerie.example")
    assert EmailAddress.objects.get(user=nadia).verified
    assert not jardin.has_member(nadia)  # following a link never joins by itself

    joined = client.post(lien)
    assert joined.status_code == 302
    assert jardin.has_member(nadia)
    espace_nadia = text(client.get(ESPACE))
    assert "Bienvenue : vous êtes membre de « Les Jardins du quartier »." in espace_nadia
    assert "claire@asso-quartier.example" in espace_nadia  # she sees the other members
    used = client.get(lien)
    assert used.status_code == 410
    assert "Cette invitation a déjà servi" in text(used)


def test_a_signed_in_person_joins_and_their_pending_request_is_answered(
    client, claire, malik, jardin
):
    AdhesionFactory(structure=jardin, user=malik)
    invitation, _created = invitations.inviter(jardin, malik.email, claire)
    lien = invitations.lien(invitation)
    client.force_login(malik)

    page = text(client.get(lien))
    assert "Vous rejoindrez la structure avec votre compte malik@scop-velo.example." in page
    client.post(lien)

    adhesion = Adhesion.objects.get(structure=jardin, user=malik)
    assert adhesion.statut == Adhesion.Statut.ACCEPTEE
    assert adhesion.decided_by == claire


def test_inviting_a_member_or_a_wrong_address_says_so_and_sends_nothing(
    client, claire, malik, jardin
):
    StructureFactory(nom="Autre", membres=[])  # noise
    Adhesion.objects.create(structure=jardin, user=malik, statut=Adhesion.Statut.ACCEPTEE)
    EmailAddress.objects.create(user=malik, email="malik@perso.example", verified=True)
    client.force_login(claire)

    for address in ("MALIK@scop-velo.example", "malik@perso.example"):
        response = inviter(client, jardin, address)
        assert response.status_code == 200
        assert "est déjà membre de cette structure." in text(response)
    wrong = text(inviter(client, jardin, "pas une adresse"))
    assert "Le formulaire contient des erreurs" in wrong
    assert "Adresse e-mail de la personne à inviter : Saisissez une adresse e-mail valide." in wrong
    assert mail.outbox == [] and not Invitation.objects.exists()


def test_invitations_are_rate_limited_per_person(client, claire, jardin, monkeypatch):
    monkeypatch.setattr(views_membres, "INVITATIONS_PER_HOUR", "2/h")
    client.force_login(claire)
    statuses = [inviter(client, jardin, f"p{n}@ex.org").status_code for n in range(3)]

    assert statuses == [302, 302, 429]
    assert Invitation.objects.count() == 2


def test_tampered_cancelled_and_expired_links_get_a_clear_page(client, claire, jardin):
    invitation, _ = invitations.inviter(jardin, "nadia@ressourcerie.example", claire)
    lien = invitations.lien(invitation)

    tampered = client.get(lien.replace(invitation.token, invitation.token[:-2] + "xx"))
    garbage = client.get(reverse("invitation", args=["n'importe quoi"]))
    assert tampered.status_code == garbage.status_code == 400
    assert "Ce lien d'invitation n'est pas valable" in text(tampered)

    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=15)
    )
    expired = client.get(lien)
    assert expired.status_code == 410
    assert "Cette invitation a expiré : elle était valable 14 jours." in text(expired)
    client.force_login(claire)
    assert client.post(lien).status_code == 410  # nor accepted by a forged POST

    invitations.inviter(jardin, "nadia@ressourcerie.example", claire)  # resent: valid again
    assert client.get(lien).status_code == 200
    client.post(reverse("invitation_annuler", args=[invitation.pk]))
    cancelled = client.get(lien)
    assert cancelled.status_code == 410
    assert "Cette invitation n'existe plus" in text(cancelled)


def test_a_member_of_another_structure_can_do_nothing_with_it(client, claire, malik, jardin, velo):
    invitation, _ = invitations.inviter(jardin, "nadia@ressourcerie.example", claire)
    AdhesionFactory(structure=jardin, user=UserFactory(email="demandeur@ex.org"))
    mail.outbox.clear()
    client.force_login(malik)

    for name in ("structure_modifier", "structure_inviter", "structure_quitter"):
        assert client.get(reverse(name, args=[jardin.slug])).status_code == 404, name
    forged_edit = client.post(
        reverse("structure_modifier", args=[jardin.slug]),
        {"nom": "Pris", "type_structure": "scop", "departement": "75"},
    )
    forged_invite = inviter(client, jardin, "complice@ex.org")
    client.post(reverse("invitation_annuler", args=[invitation.pk]))
    client.post(reverse("structure_quitter", args=[jardin.slug]))

    assert forged_edit.status_code == forged_invite.status_code == 404
    jardin.refresh_from_db()
    assert jardin.nom == "Les Jardins du quartier"
    assert list(Invitation.objects.values_list("email", flat=True)) == [invitation.email]
    assert jardin.has_member(claire) and mail.outbox == []
    page = client.get(ESPACE).content.decode()
    for secret in ("claire@asso-quartier.example", "nadia@", "demandeur@", "Les Jardins"):
        assert secret not in page
    anonymous = client.__class__()
    assert anonymous.get(reverse("structure_modifier", args=[jardin.slug])).status_code == 302


def test_leaving_and_the_last_member_leaving(client, claire, malik, jardin):
    Adhesion.objects.create(structure=jardin, user=malik, statut=Adhesion.Statut.ACCEPTEE)
    quitter = reverse("structure_quitter", args=[jardin.slug])
    client.force_login(malik)
    assert "Vous êtes son dernier membre" not in text(client.get(quitter))
    client.post(quitter)
    assert not jardin.has_member(malik)

    client.force_login(claire)
    assert "Vous êtes son dernier membre" in text(client.get(quitter))
    left = text(client.post(quitter, follow=True))
    again = client.post(quitter, follow=True)  # a second click, or another tab

    assert Structure.objects.filter(pk=jardin.pk).exists()  # it stays, for staff to reassign
    assert "Vous avez quitté « Les Jardins du quartier »." in left
    assert "La structure n'a plus de membre : elle reste sur Entraide" in left
    assert "Vous n'êtes plus membre de cette structure." in text(again)
    assert client.get(quitter).status_code == 404
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert "Inviter un ou une collègue" in text(client.get(jardin.get_absolute_url()))
    assert inviter(client, jardin, "releve@ex.org").status_code == 302


def test_members_change_the_public_details_and_visitors_see_them(client, claire, jardin):
    Structure.objects.filter(pk=jardin.pk).update(verifiee=True)
    modifier = reverse("structure_modifier", args=[jardin.slug])
    data = {
        "nom": "Les Jardins du quartier",
        "type_structure": "association",
        "siret": "732 829 320 00074",  # the same number, typed with spaces
        "rna": "",
        "departement": "93",
        "site_web": "jardins.example",
        "description": "Potagers partagés et compost.",
        "site_internet": "",
    }
    client.force_login(claire)

    wrong = client.post(modifier, {**data, "siret": "73282932000075"})
    assert "Ce numéro SIRET n'existe pas" in text(wrong)
    client.post(modifier, data)
    jardin.refresh_from_db()
    assert jardin.verifiee and jardin.site_web == "https://jardins.example"
    client.post(modifier, {**data, "nom": "Jardins partagés du 93"})
    jardin.refresh_from_db()
    assert not jardin.verifiee  # a new identity is checked again by staff

    client.logout()
    assert "Potagers partagés et compost." in text(client.get(jardin.get_absolute_url()))
    annuaire = text(client.get(reverse("structures") + "?q=jardins"))
    assert "Jardins partagés du 93" in annuaire


def test_my_structures_take_the_same_queries_for_one_or_many(client, claire, malik):
    def count():
        with CaptureQueriesContext(connection) as queries:
            found = espace.mes_structures(claire)
            rendered = [
                (len(s.membres), len(s.demandes), len(s.invitations_en_cours))
                for s in found.structures
            ]
        return len(queries), rendered, found

    def page_queries():
        client.get(ESPACE)  # warms what a first request fills
        with CaptureQueriesContext(connection) as queries:
            assert client.get(ESPACE).status_code == 200
        return len(queries)

    client.force_login(claire)
    StructureFactory(membres=[claire])
    small, _rendered, _found = count()
    small_page = page_queries()
    for n in range(4):
        structure = StructureFactory(membres=[claire, UserFactory()])
        AdhesionFactory(structure=structure)
        invitations.inviter(structure, f"invite{n}@ex.org", claire)
    AdhesionFactory(user=claire)
    large, rendered, found = count()

    assert small == large == 5
    assert page_queries() == small_page  # the fragment reads nothing more per structure
    assert sorted(rendered) == [(1, 0, 0)] + [(2, 1, 1)] * 4
    assert len(found.demandes) == 4 and len(found.en_attente) == 1


def test_the_invitation_pages_disclose_nothing_unpublished_private_or_personal(
    client, tree, claire, malik, jardin, velo
):
    home, index = tree
    fiches = get_or_create_fiche_index(home)
    FichePageFactory(parent=fiches, structure=jardin, title=f"Brouillon {SECRET}", live=False)
    fiche = FichePageFactory(parent=fiches, structure=jardin, title="Publiée")
    fiche.title = f"En modération {SECRET}"
    fiche.save_revision()
    prive = GuidePageFactory(parent=index, title=f"Guide réservé {SECRET}")
    PageViewRestriction.objects.create(page=prive, restriction_type="login")
    secret_member = UserFactory(email=f"{SECRET.lower()}@ex.org")
    Adhesion.objects.create(structure=jardin, user=secret_member, statut="acceptee")
    AdhesionFactory(structure=jardin, user=UserFactory(email=f"demande-{SECRET}@ex.org"))
    invitations.inviter(jardin, f"autre-{SECRET}@ex.org", claire)
    invitation, _ = invitations.inviter(jardin, "nadia@ressourcerie.example", claire)
    lien = invitations.lien(invitation)

    pages = [client.get(lien), client.get(jardin.get_absolute_url())]
    client.force_login(malik)  # signed in, member of another structure
    pages += [client.get(lien), client.get(ESPACE), client.get(jardin.get_absolute_url())]
    invitations.annuler(invitation.pk, claire)
    pages.append(client.get(lien))

    assert [page.status_code for page in pages] == [200] * 5 + [410]
    for page in pages:
        html = page.content.decode().lower()
        assert SECRET.lower() not in html
        assert "claire@asso-quartier.example" not in html  # members stay among members


def test_personal_data_export_and_deletion(claire, malik, jardin, velo):
    AdhesionFactory(structure=velo, user=claire, message="Bonjour")
    invitations.inviter(jardin, "nadia@ressourcerie.example", claire)
    invitations.inviter(velo, claire.email, malik)
    kept = invitations.inviter(velo, "autre@ex.org", malik)[0]

    data = json.loads(json.dumps(donnees_personnelles.donnees(claire)))
    assert {(a["structure"], a["statut"]) for a in data["adhesions"]} == {
        ("Les Jardins du quartier", "acceptee"),
        ("Vélo solidaire", "en-attente"),
    }
    assert {(i["email"], i["envoyee_par_moi"]) for i in data["invitations"]} == {
        ("nadia@ressourcerie.example", True),
        ("claire@asso-quartier.example", False),
    }
    assert donnees_personnelles.supprimer_pour(claire) == 2
    assert list(Invitation.objects.all()) == [kept]


def test_invitations_are_purged_a_month_after_they_expire(claire, jardin):
    old, recent = (
        invitations.inviter(jardin, address, claire)[0] for address in ("a@ex.org", "b@ex.org")
    )
    Invitation.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=45))
    out = io.StringIO()

    call_command("purger_invitations", stdout=out)

    assert out.getvalue().strip() == "1 invitation(s) supprimée(s)."
    assert list(Invitation.objects.all()) == [recent]
