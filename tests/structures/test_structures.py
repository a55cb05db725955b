"""Structures: registering one, asking to join, members deciding, staff verifying, and what
visitors see of them."""

import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from structures import adhesions
from structures.models import Adhesion, Structure
from tests import markup
from tests.factories import AdhesionFactory, StructureFactory, UserFactory, build_site_tree

pytestmark = pytest.mark.django_db

NOUVELLE = "/fr/structures/nouvelle/"
ESPACE = "/fr/mon-espace/"
ALREADY_DECIDED = "Cette demande a déjà été traitée."


@pytest.fixture(scope="module", autouse=True)
def tree(module_transaction):
    """The site's home page: every page's header links to it."""
    with module_transaction.unblock():
        return build_site_tree()


@pytest.fixture
def claire(db):
    return UserFactory(email="claire@asso-quartier.example", groups=["Contributeurs"])


@pytest.fixture
def malik(db):
    return UserFactory(email="malik@scop-velo.example", groups=["Contributeurs"])


@pytest.fixture
def jardin(claire):
    """« Les Jardins du quartier », Claire its only member."""
    return StructureFactory(
        nom="Les Jardins du quartier",
        siret="73282932000074",
        rna="W751234567",
        departement="93",
        membres=[claire],
    )


def structure_data(**changes):
    data = {
        "nom": "Vélo solidaire",
        "type_structure": "scop",
        "siret": "732 829 320 00074",
        "rna": "",
        "departement": "69",
        "site_web": "https://velo-solidaire.example",
        "description": "Un atelier de réparation participatif.",
        "site_internet": "",
    }
    data.update(changes)
    return data


def field_values(response):
    """{name: value} of the form's text inputs, as the page shows them."""
    return {
        attrs["name"]: attrs.get("value", "")
        for attrs in markup.elements(response.content, "input")
        if attrs.get("name")
    }


def structures_in_espace(client):
    """The names listed under « Mes structures » (before the « Inscrire une structure » button)."""
    html = client.get(ESPACE).content.decode()
    section = html.split('id="titre-structures"', 1)[1].split(NOUVELLE, 1)[0]
    return [markup.text(item.split("</li>", 1)[0]) for item in section.split("<li>")[1:]]


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


# Registering a structure -----------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_log_in_to_register_a_structure(client):
    response = client.get(NOUVELLE)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={NOUVELLE}"


def test_anonymous_post_creates_no_structure(client):
    response = client.post(NOUVELLE, structure_data())

    assert response.status_code == 302
    assert not Structure.objects.exists()


def test_registering_a_structure_makes_its_creator_a_member(client, claire):
    client.force_login(claire)

    response = client.post(NOUVELLE, structure_data())

    assert response.status_code == 302
    assert response["Location"] == ESPACE
    structure = Structure.objects.get()
    assert structure.nom == "Vélo solidaire"
    assert structure.siret == "73282932000074"
    assert structure.created_by == claire
    assert not structure.verifiee
    assert structure.has_member(claire)
    espace = client.get(ESPACE)
    assert "La structure « Vélo solidaire » est créée." in markup.text(espace.content)
    assert structures_in_espace(client) == ["Vélo solidaire"]


def test_registered_structure_has_its_own_page(client, claire):
    client.force_login(claire)
    client.post(NOUVELLE, structure_data())

    response = client.get("/fr/structures/velo-solidaire/")

    assert response.status_code == 200
    assert "Vous êtes membre de cette structure." in markup.text(response.content)


def test_two_structures_with_the_same_name_get_different_addresses(client, claire):
    StructureFactory(nom="Vélo solidaire")
    client.force_login(claire)

    client.post(NOUVELLE, structure_data(siret=""))

    assert sorted(Structure.objects.values_list("slug", flat=True)) == [
        "velo-solidaire",
        "velo-solidaire-2",
    ]


def test_invalid_siret_redisplays_the_form_with_what_was_typed_and_a_french_error(client, claire):
    client.force_login(claire)

    response = client.post(NOUVELLE, structure_data(siret="732 829 320 00075"))

    assert response.status_code == 200
    assert not Structure.objects.exists()
    values = field_values(response)
    assert values["nom"] == "Vélo solidaire"
    assert values["siret"] == "732 829 320 00075"
    assert values["site_web"] == "https://velo-solidaire.example"
    assert "Un atelier de réparation participatif." in response.content.decode()
    page = markup.text(response.content)
    assert "Ce numéro SIRET n'existe pas : vérifiez qu'aucun chiffre n'a été inversé." in page
    assert "Le formulaire contient des erreurs" in page


def test_invalid_rna_is_explained(client, claire):
    client.force_login(claire)

    response = client.post(NOUVELLE, structure_data(siret="", rna="75123456"))

    assert not Structure.objects.exists()
    assert "Un numéro RNA commence par « W »" in markup.text(response.content)


def test_rna_typed_with_spaces_is_accepted(client, claire):
    """The help text shows « W751234567 »; people copy it from a receipt as « W 751 234 567 »."""
    client.force_login(claire)

    response = client.post(NOUVELLE, structure_data(siret="", rna="W 751 234 567"))

    assert response.status_code == 302, markup.text(response.content)
    assert Structure.objects.get().rna == "W751234567"


def test_rna_typed_in_lower_case_is_stored_in_upper_case(client, claire):
    client.force_login(claire)

    client.post(NOUVELLE, structure_data(siret="", rna="w2a1234567"))

    assert Structure.objects.get().rna == "W2A1234567"


def test_structure_without_siret_or_rna_can_be_registered(client, claire):
    client.force_login(claire)

    client.post(NOUVELLE, structure_data(siret="", rna="", type_structure="collectif"))

    assert Structure.objects.get().type_structure == "collectif"


def test_two_structures_without_siret_can_coexist(client, claire, jardin):
    StructureFactory(nom="Collectif sans numéro", siret="", rna="")
    client.force_login(claire)

    client.post(NOUVELLE, structure_data(siret="", rna=""))

    assert Structure.objects.filter(siret="").count() == 2


def test_duplicate_siret_says_which_structure_already_has_it(client, malik, jardin):
    client.force_login(malik)

    response = client.post(NOUVELLE, structure_data(siret="732.829.320.00074"))

    assert Structure.objects.count() == 1
    page = markup.text(response.content)
    assert (
        "Ce numéro est déjà celui de « Les Jardins du quartier » sur Entraide : "
        "demandez plutôt à rejoindre cette structure."
    ) in page
    # Only the helpful message: not the database constraint's name in the error summary.
    assert "contrainte" not in page.lower()


def test_duplicate_rna_says_which_structure_already_has_it(client, malik, jardin):
    client.force_login(malik)

    response = client.post(NOUVELLE, structure_data(siret="", rna="w751234567"))

    assert Structure.objects.count() == 1
    page = markup.text(response.content)
    assert "déjà celui de « Les Jardins du quartier »" in page
    assert "contrainte" not in page.lower()


def test_form_hides_the_honeypot_from_people(client, claire):
    client.force_login(claire)

    response = client.get(NOUVELLE)

    honeypot = [
        attrs
        for attrs in markup.elements(response.content, "input")
        if attrs.get("name") == "site_internet"
    ]
    assert honeypot and honeypot[0]["tabindex"] == "-1"
    assert 'class="honeypot" aria-hidden="true"' in response.content.decode()


def test_honeypot_filled_blocks_the_registration(client, claire):
    client.force_login(claire)

    response = client.post(NOUVELLE, structure_data(site_internet="https://spam.example"))

    assert response.status_code == 200
    assert not Structure.objects.exists()
    assert "Le formulaire n'a pas pu être envoyé." in markup.text(response.content)


# Asking to join ---------------------------------------------------------------------------------


def join(client, structure, message=""):
    return client.post(reverse("structure_rejoindre", args=[structure.slug]), {"message": message})


def test_anonymous_visitor_is_invited_to_log_in_to_join(client, jardin):
    response = client.get(jardin.get_absolute_url())

    assert "Connectez-vous pour demander à rejoindre cette structure." in markup.text(
        response.content
    )
    assert f"{reverse('account_login')}?next={jardin.get_absolute_url()}" in markup.links(
        response.content
    )


def test_anonymous_visitor_cannot_ask_to_join(client, jardin):
    response = join(client, jardin)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert jardin.adhesions.count() == 1


def test_logged_in_non_member_is_offered_to_join(client, malik, jardin):
    client.force_login(malik)

    response = client.get(jardin.get_absolute_url())

    assert "Demander à rejoindre cette structure" in markup.text(response.content)


def test_asking_to_join_emails_the_members(client, claire, malik, jardin):
    other_member = UserFactory(email="ines@asso-quartier.example")
    Adhesion.objects.create(structure=jardin, user=other_member, statut=Adhesion.Statut.ACCEPTEE)
    client.force_login(malik)

    response = join(client, jardin, message="Je tiens l’atelier vélo du jeudi.")

    assert response.status_code == 302
    assert response["Location"] == jardin.get_absolute_url()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["claire@asso-quartier.example", "ines@asso-quartier.example"]
    assert message.subject == "[Entraide] Demande pour rejoindre Les Jardins du quartier"
    assert "malik@scop-velo.example demande à rejoindre Les Jardins du quartier" in message.body
    assert "Je tiens l’atelier vélo du jeudi." in message.body
    assert "http://testserver/fr/mon-espace/" in message.body


def test_join_request_email_shows_the_message_and_name_as_typed_not_html_escaped(
    client, claire, malik
):
    """The e-mails are plain text: an apostrophe or an ampersand must not arrive as
    « &#x27; » or « &amp; »."""
    structure = StructureFactory(nom="L'Atelier & Co", membres=[claire])
    client.force_login(malik)

    join(client, structure, message="J'aimerais aider <le jeudi> & le samedi.")

    message = mail.outbox[0]
    assert message.subject == "[Entraide] Demande pour rejoindre L'Atelier & Co"
    assert "demande à rejoindre L'Atelier & Co sur Entraide" in message.body
    assert "J'aimerais aider <le jeudi> & le samedi." in message.body


def test_decision_email_shows_the_structure_name_as_typed(client, claire, malik):
    structure = StructureFactory(nom="L'Atelier & Co", membres=[claire])
    demande = AdhesionFactory(structure=structure, user=malik)
    client.force_login(claire)

    client.post(reverse("adhesion_accepter", args=[demande.pk]))

    message = mail.outbox[0]
    assert message.subject == "[Entraide] Bienvenue dans L'Atelier & Co"
    assert "vous êtes membre de L'Atelier & Co" in message.body


def test_pending_requester_is_not_a_member_and_sees_the_request_waiting(client, malik, jardin):
    client.force_login(malik)
    join(client, jardin)

    page = markup.text(client.get(jardin.get_absolute_url()).content)

    assert "Votre demande a été envoyée aux membres de la structure." in page
    assert "Votre demande pour rejoindre cette structure attend la réponse de ses membres." in page
    assert "Vous êtes membre" not in page
    assert "Demander à rejoindre cette structure" not in page
    assert not jardin.has_member(malik)
    espace = markup.text(client.get(ESPACE).content)
    assert "Mes demandes en attente" in espace
    assert "Les Jardins du quartier — demandée le" in espace
    assert structures_in_espace(client) == []


def test_asking_twice_sends_one_request(client, malik, jardin):
    client.force_login(malik)
    join(client, jardin)

    join(client, jardin)

    assert jardin.adhesions.filter(user=malik).count() == 1
    assert len(mail.outbox) == 1
    page = markup.text(client.get(jardin.get_absolute_url()).content)
    assert "Votre demande a déjà été envoyée à cette structure." in page


def test_member_asking_to_join_is_told_they_already_are(client, claire, jardin):
    client.force_login(claire)

    join(client, jardin)

    assert mail.outbox == []
    page = markup.text(client.get(jardin.get_absolute_url()).content)
    assert "Vous êtes déjà membre de cette structure." in page


def test_members_see_the_request_in_their_space(client, claire, malik, jardin):
    AdhesionFactory(structure=jardin, user=malik, message="Bonjour !")
    client.force_login(claire)

    page = markup.text(client.get(ESPACE).content)

    assert "Demandes pour rejoindre vos structures" in page
    assert "malik@scop-velo.example demande à rejoindre Les Jardins du quartier." in page
    assert "Bonjour !" in page


def test_a_mail_server_failure_does_not_lose_the_join_request(client, malik, jardin):
    client.force_login(malik)

    with mock.patch(
        "ressources.emails.EmailMessage.send", side_effect=smtplib.SMTPException("serveur absent")
    ):
        response = join(client, jardin)

    assert response.status_code == 302
    adhesion = Adhesion.objects.get(structure=jardin, user=malik)
    assert adhesion.statut == Adhesion.Statut.EN_ATTENTE
    page = markup.text(client.get(jardin.get_absolute_url()).content)
    assert "Votre demande a été envoyée aux membres de la structure." in page


def test_a_mail_server_that_is_down_does_not_lose_the_join_request(client, malik, jardin, settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingEmailBackend"
    client.force_login(malik)

    response = join(client, jardin)

    assert response.status_code == 302
    assert Adhesion.objects.filter(
        structure=jardin, user=malik, statut=Adhesion.Statut.EN_ATTENTE
    ).exists()


# Deciding on a request --------------------------------------------------------------------------


def accept(client, adhesion):
    return client.post(reverse("adhesion_accepter", args=[adhesion.pk]))


def refuse(client, adhesion):
    return client.post(reverse("adhesion_refuser", args=[adhesion.pk]))


@pytest.fixture
def demande(malik, jardin):
    return AdhesionFactory(structure=jardin, user=malik)


def test_member_accepting_makes_the_requester_a_member_and_tells_them(
    client, claire, malik, jardin, demande
):
    client.force_login(claire)

    response = accept(client, demande)

    assert response.status_code == 302
    assert response["Location"] == ESPACE
    demande.refresh_from_db()
    assert demande.statut == Adhesion.Statut.ACCEPTEE
    assert demande.decided_by == claire
    assert demande.decided_at is not None
    assert jardin.has_member(malik)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["malik@scop-velo.example"]
    assert message.subject == "[Entraide] Bienvenue dans Les Jardins du quartier"
    assert "vous êtes membre de Les Jardins du quartier" in message.body
    espace = markup.text(client.get(ESPACE).content)
    assert "La demande de malik@scop-velo.example est traitée." in espace
    assert "malik@scop-velo.example demande à rejoindre" not in espace


def test_accepted_requester_sees_the_structure_as_theirs(client, claire, malik, demande):
    client.force_login(claire)
    accept(client, demande)
    client.force_login(malik)

    assert structures_in_espace(client) == ["Les Jardins du quartier"]
    assert "Mes demandes en attente" not in markup.text(client.get(ESPACE).content)


def test_member_refusing_tells_the_requester_who_stays_outside(
    client, claire, malik, jardin, demande
):
    client.force_login(claire)

    refuse(client, demande)

    demande.refresh_from_db()
    assert demande.statut == Adhesion.Statut.REFUSEE
    assert not jardin.has_member(malik)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["malik@scop-velo.example"]
    assert "n'a pas été acceptée" in mail.outbox[0].body


def test_non_member_cannot_accept_a_request(client, demande):
    outsider = UserFactory(groups=["Contributeurs"])
    client.force_login(outsider)

    response = accept(client, demande)

    assert response.status_code == 404
    demande.refresh_from_db()
    assert demande.statut == Adhesion.Statut.EN_ATTENTE
    assert mail.outbox == []


def test_requester_cannot_accept_their_own_request(client, malik, demande):
    client.force_login(malik)

    response = accept(client, demande)

    assert response.status_code == 404
    demande.refresh_from_db()
    assert demande.statut == Adhesion.Statut.EN_ATTENTE


def test_member_of_another_structure_cannot_accept(client, malik, demande):
    autre = UserFactory()
    StructureFactory(nom="Autre structure", membres=[autre])
    client.force_login(autre)

    assert accept(client, demande).status_code == 404


def test_anonymous_visitor_cannot_accept(client, demande):
    response = accept(client, demande)

    assert response.status_code == 302
    demande.refresh_from_db()
    assert demande.statut == Adhesion.Statut.EN_ATTENTE


def test_deciding_needs_a_post(client, claire, demande):
    client.force_login(claire)

    response = client.get(reverse("adhesion_accepter", args=[demande.pk]))

    assert response.status_code == 405
    demande.refresh_from_db()
    assert demande.statut == Adhesion.Statut.EN_ATTENTE


def test_staff_can_decide_without_being_a_member(client, malik, jardin, demande):
    staff = UserFactory(is_staff=True, groups=["Éditeurs"])
    client.force_login(staff)

    accept(client, demande)

    assert jardin.has_member(malik)


def test_refused_request_cannot_be_accepted_afterwards(client, claire, malik, jardin, demande):
    client.force_login(claire)
    refuse(client, demande)
    mail.outbox.clear()

    accept(client, demande)

    demande.refresh_from_db()
    assert demande.statut == Adhesion.Statut.REFUSEE
    assert not jardin.has_member(malik)
    assert mail.outbox == []
    assert ALREADY_DECIDED in markup.text(client.get(ESPACE).content)


def test_accepted_request_cannot_be_refused_afterwards(client, claire, malik, jardin, demande):
    client.force_login(claire)
    accept(client, demande)
    mail.outbox.clear()

    refuse(client, demande)

    demande.refresh_from_db()
    assert demande.statut == Adhesion.Statut.ACCEPTEE
    assert jardin.has_member(malik)
    assert mail.outbox == []
    assert ALREADY_DECIDED in markup.text(client.get(ESPACE).content)


def test_second_member_deciding_after_the_first_is_told_it_is_done(client, claire, jardin, demande):
    ines = UserFactory()
    Adhesion.objects.create(structure=jardin, user=ines, statut=Adhesion.Statut.ACCEPTEE)
    client.force_login(claire)
    accept(client, demande)
    client.force_login(ines)

    refuse(client, demande)

    demande.refresh_from_db()
    assert demande.statut == Adhesion.Statut.ACCEPTEE
    assert demande.decided_by == claire


def test_two_members_deciding_at_the_same_moment_do_not_both_decide(claire, jardin, demande):
    """Two members click at the same moment: both requests load the pending request before
    either saves. Only the first decision may stand and only one e-mail may go out."""
    ines = UserFactory()
    Adhesion.objects.create(structure=jardin, user=ines, statut=Adhesion.Statut.ACCEPTEE)
    seen_by_claire = Adhesion.objects.get(pk=demande.pk)
    seen_by_ines = Adhesion.objects.get(pk=demande.pk)

    adhesions.decider(seen_by_claire, accepter=True, by=claire)
    with pytest.raises(adhesions.AdhesionError):
        adhesions.decider(seen_by_ines, accepter=False, by=ines)

    demande.refresh_from_db()
    assert demande.statut == Adhesion.Statut.ACCEPTEE
    assert len(mail.outbox) == 1


def test_refused_requester_is_neither_member_nor_pending(client, claire, malik, demande):
    client.force_login(claire)
    refuse(client, demande)
    client.force_login(malik)

    page = markup.text(client.get(demande.structure.get_absolute_url()).content)

    assert "Vous êtes membre" not in page
    assert "attend la réponse" not in page
    assert structures_in_espace(client) == []
    assert "Mes demandes en attente" not in markup.text(client.get(ESPACE).content)


def test_a_mail_server_failure_does_not_undo_the_acceptance(client, claire, malik, jardin, demande):
    client.force_login(claire)

    with mock.patch(
        "ressources.emails.EmailMessage.send", side_effect=smtplib.SMTPException("serveur absent")
    ):
        response = accept(client, demande)

    assert response.status_code == 302
    assert jardin.has_member(malik)


# Staff in the admin ------------------------------------------------------------------------------


def admin_form_data(structure, **changes):
    data = {
        "nom": structure.nom,
        "type_structure": structure.type_structure,
        "siret": structure.siret,
        "rna": structure.rna,
        "departement": structure.departement,
        "site_web": structure.site_web,
        "description": structure.description,
    }
    if structure.verifiee:
        data["verifiee"] = "on"
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def test_editeur_sees_the_structures_in_the_admin(client, jardin):
    client.force_login(UserFactory(groups=["Éditeurs"]))

    response = client.get(reverse("structures:index"))

    assert response.status_code == 200
    assert "Les Jardins du quartier" in markup.text(response.content)


@pytest.mark.parametrize("group", ["Éditeurs", "Modérateurs"])
def test_staff_marks_a_structure_verifiee(client, jardin, group):
    client.force_login(UserFactory(groups=[group]))

    response = client.post(
        reverse("structures:edit", args=[jardin.pk]), admin_form_data(jardin, verifiee="on")
    )

    assert response.status_code == 302
    jardin.refresh_from_db()
    assert jardin.verifiee
    assert jardin.nom == "Les Jardins du quartier"


def test_staff_identifiers_typed_in_the_admin_are_stored_compact(client, jardin):
    client.force_login(UserFactory(groups=["Éditeurs"]))

    client.post(
        reverse("structures:edit", args=[jardin.pk]),
        admin_form_data(jardin, siret="356 000 000 49837", rna="w2a 1234567"),
    )

    jardin.refresh_from_db()
    assert jardin.siret == "35600000049837"
    assert jardin.rna == "W2A1234567"


def test_staff_cannot_save_an_invalid_siret_in_the_admin(client, jardin):
    client.force_login(UserFactory(groups=["Éditeurs"]))

    response = client.post(
        reverse("structures:edit", args=[jardin.pk]),
        admin_form_data(jardin, siret="73282932000075"),
    )

    assert response.status_code == 200
    assert "Ce numéro SIRET n'existe pas" in markup.text(response.content)
    jardin.refresh_from_db()
    assert jardin.siret == "73282932000074"


def test_contributor_cannot_open_the_admin_structures(client, claire, jardin):
    client.force_login(claire)

    response = client.get(reverse("structures:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_contributor_cannot_mark_their_structure_verifiee(client, claire, jardin):
    client.force_login(claire)

    client.post(
        reverse("structures:edit", args=[jardin.pk]), admin_form_data(jardin, verifiee="on")
    )

    jardin.refresh_from_db()
    assert not jardin.verifiee


def test_verifiee_is_not_in_the_public_form(client, claire):
    client.force_login(claire)

    client.post(NOUVELLE, structure_data(verifiee="on"))

    assert not Structure.objects.get().verifiee


# What visitors see -------------------------------------------------------------------------------


def test_public_page_shows_name_type_and_departement(client, jardin):
    response = client.get("/fr/structures/les-jardins-du-quartier/")

    assert response.status_code == 200
    page = markup.text(response.content)
    assert "Les Jardins du quartier" in page
    assert "Association loi 1901" in page
    assert "93 – Seine-Saint-Denis" in page
    assert markup.texts(response.content, "badge") == []


def test_public_page_shows_the_verifiee_badge_once_verified(client, jardin):
    jardin.verifiee = True
    jardin.save()

    response = client.get(jardin.get_absolute_url())

    assert markup.texts(response.content, "badge") == ["Vérifiée"]


def test_public_page_does_not_show_members_addresses(client, jardin):
    page = markup.text(client.get(jardin.get_absolute_url()).content)

    assert "claire@asso-quartier.example" not in page


def test_unknown_structure_is_not_found(client):
    assert client.get("/fr/structures/inconnue/").status_code == 404


def list_names(response):
    html = response.content.decode()
    items = html.split('<ul class="status-list">', 1)[1].split("</ul>", 1)[0]
    return [attrs["href"] for attrs in markup.elements(items, "a")]


def test_list_filters_structures_by_name(client, jardin):
    StructureFactory(nom="Vélo solidaire")
    StructureFactory(nom="Jardin partagé des Lilas")

    response = client.get("/fr/structures/", {"q": "jardin"})

    page = markup.text(response.content)
    assert "2 structures" in page
    assert "Les Jardins du quartier" in page
    assert "Jardin partagé des Lilas" in page
    assert "Vélo solidaire" not in page


def test_list_shows_the_badge_of_verified_structures_only(client, jardin):
    StructureFactory(nom="Vélo solidaire", verifiee=True)

    response = client.get("/fr/structures/")

    assert markup.texts(response.content, "badge") == ["Vérifiée"]
    assert "2 structures" in markup.text(response.content)


def test_list_says_when_no_structure_has_that_name(client, jardin):
    response = client.get("/fr/structures/", {"q": "introuvable"})

    page = markup.text(response.content)
    assert "0 structure" in page
    assert "Aucune structure ne correspond à « introuvable »." in page


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", ""])
def test_list_survives_a_wrong_page_number(client, jardin, page):
    response = client.get("/fr/structures/", {"q": "jardin", "page": page})

    assert response.status_code == 200
    assert "Les Jardins du quartier" in markup.text(response.content)


def test_list_is_paginated_and_keeps_the_search(client):
    for n in range(35):
        StructureFactory(nom=f"Jardin {n:02d}")

    first = client.get("/fr/structures/", {"q": "jardin"})
    second = client.get("/fr/structures/", {"q": "jardin", "page": "2"})

    assert "35 structures" in markup.text(first.content)
    assert "Jardin 29" in markup.text(first.content)
    assert "Jardin 30" not in markup.text(first.content)
    assert "Jardin 34" in markup.text(second.content)
    assert "?q=jardin&page=2" in [
        link.replace("&amp;", "&") for link in markup.links(first.content)
    ]


def test_search_with_a_null_character_does_not_break_the_list(client, jardin):
    response = client.get("/fr/structures/", {"q": "jar\x00din"})

    assert response.status_code == 200
    assert "Les Jardins du quartier" in markup.text(response.content)
