"""Registering for a workshop from its page, the personal page and link, the waitlist, and
giving a seat back: what participants see, receive and can do."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.validators import EmailValidator
from django.utils import timezone

from evenements.models import Inscription
from tests import markup
from tests.evenements.helpers import (
    PARIS,
    VISIO,
    annuler_url,
    atelier,
    calendars,
    committed,
    form_data,
    in_days,
    input_values,
    inscrire_url,
    only_event,
    page_text,
    past_registration,
    register,
    reload,
    route_url,
    sent_to,
    signed_part,
    urls_in,
    voir_url,
)

pytestmark = pytest.mark.django_db

CAMILLE = "camille@asso-quartier.example"


def post_form(client, workshop, **changes):
    with committed():
        return client.post(inscrire_url(workshop), form_data(**changes))


def cancel(client, inscription):
    with committed():
        return client.post(annuler_url(inscription))


def personal_link(address):
    """The « voir » link of the last e-mail sent to ``address``."""
    return [url for url in urls_in(sent_to(address)[-1]) if "/inscription/" in url][0]


def test_registering_says_check_your_emails_and_the_email_leads_to_the_personal_page(
    client, agenda
):
    workshop = atelier(agenda, title="Premier salarié : mode d'emploi")

    response = post_form(client, workshop)

    inscription = Inscription.objects.get(atelier=workshop)
    assert response.status_code == 302
    assert response["Location"].startswith(route_url(workshop, "verifiez"))
    assert "Vérifiez vos e-mails" in page_text(client, response["Location"])
    text = page_text(client, personal_link(CAMILLE))
    assert "Premier salarié : mode d'emploi" in text
    assert "Camille Durand" in text
    assert "confirmée" in text.lower()
    assert inscription.statut == Inscription.Statut.CONFIRMEE
    assert (inscription.nom, inscription.email, inscription.structure, inscription.besoins) == (
        "Camille Durand",
        CAMILLE,
        "Asso du Quartier",
        "Accès en fauteuil roulant",
    )


def test_confirmation_email_brings_a_calendar_invitation_and_the_personal_links(client, agenda):
    workshop = atelier(agenda, title="Premier salarié : mode d'emploi")

    post_form(client, workshop)

    [message] = sent_to(CAMILLE)
    inscription = Inscription.objects.get(email=CAMILLE)
    assert message.to == [CAMILLE]
    assert "Premier salarié : mode d'emploi" in message.subject
    assert voir_url(inscription) in urls_in(message)
    assert annuler_url(inscription) in urls_in(message)
    assert VISIO in message.body
    [calendar] = calendars(message)
    assert str(calendar["METHOD"]) == "REQUEST"
    event = only_event(calendar)
    assert str(event["UID"]) == f"{workshop.uid}@entraide"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTSTART") == workshop.debut
    assert event.decoded("DTSTART").utcoffset() == workshop.debut.astimezone(PARIS).utcoffset()
    assert str(event["SUMMARY"]) == "Premier salarié : mode d'emploi"


def test_personal_links_do_not_change_with_the_time_they_are_made(agenda):
    """The same link in every e-mail: made a second later (or a month later), it is the
    same (the old timestamped links differed when a second ticked in between)."""
    inscription = register(atelier(agenda), email=CAMILLE)
    links = (voir_url(inscription), annuler_url(inscription))

    for later in (1, 31 * 24 * 3600):
        with mock.patch("time.time", return_value=time.time() + later):
            assert (voir_url(inscription), annuler_url(inscription)) == links


@pytest.mark.parametrize("format", ["distance", "hybride"])
def test_personal_page_gives_the_visio_link_to_a_confirmed_participant(client, agenda, format):
    workshop = atelier(agenda, format=format)

    post_form(client, workshop)

    personal_page = client.get(personal_link(CAMILLE))
    assert VISIO in markup.links(personal_page.content)


def test_personal_page_hides_the_visio_link_from_the_waitlist(client, agenda):
    workshop = atelier(agenda, capacite=1)
    register(workshop)

    post_form(client, workshop)

    personal_page = client.get(personal_link(CAMILLE))
    assert "liste d'attente" in markup.text(personal_page.content).lower()
    assert VISIO not in personal_page.content.decode()


def test_a_full_workshop_puts_people_on_the_waitlist_by_email_without_calendar(client, agenda):
    workshop = atelier(agenda, capacite=1)
    register(workshop, email="premiere@asso.example")

    post_form(client, workshop)

    inscription = Inscription.objects.get(email=CAMILLE)
    assert inscription.statut == Inscription.Statut.ATTENTE
    [message] = sent_to(CAMILLE)
    assert "attente" in (message.subject + message.body).lower()
    assert calendars(message) == []
    assert voir_url(inscription) in urls_in(message)
    assert annuler_url(inscription) in urls_in(message)
    assert VISIO not in message.body


def test_cancelling_a_seat_deletes_the_persons_data_and_gives_the_seat_to_the_waitlist(
    client, agenda
):
    workshop = atelier(agenda, capacite=1)
    seated = register(workshop, nom="Camille Durand", email=CAMILLE, besoins="Interprète LSF")
    first_waiting = register(workshop, nom="Bruno Petit", email="bruno@asso.example")
    second_waiting = register(workshop, nom="Chloé Roux", email="chloe@asso.example")
    mail.outbox.clear()

    response = cancel(client, seated)

    assert response.status_code == 302
    assert response["Location"] == workshop.url
    assert not Inscription.objects.filter(pk=seated.pk).exists()
    assert not Inscription.objects.filter(email=CAMILLE).exists()
    assert not Inscription.objects.filter(besoins="Interprète LSF").exists()
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.statut == Inscription.Statut.CONFIRMEE
    assert second_waiting.statut == Inscription.Statut.ATTENTE
    [message] = sent_to("bruno@asso.example")
    assert VISIO in message.body
    assert only_event(calendars(message)[0])["UID"] == f"{workshop.uid}@entraide"
    assert "annulée" in page_text(client, workshop.url).lower()
    [confirmation] = sent_to(CAMILLE)
    assert "annulée" in confirmation.subject.lower()
    assert "Vos données (nom, e-mail, structure, besoins) sont supprimées" in confirmation.body
    [removal] = calendars(confirmation)
    assert str(removal["METHOD"]) == "CANCEL"
    assert str(only_event(removal)["UID"]) == f"{workshop.uid}@entraide"
    assert sent_to("chloe@asso.example") == []


def test_the_cancel_link_first_asks_for_confirmation_and_says_what_will_be_deleted(client, agenda):
    workshop = atelier(agenda, capacite=1)
    seated = register(workshop, nom="Camille Durand", email=CAMILLE, besoins="Interprète LSF")
    waiting = register(workshop, nom="Bruno Petit", email="bruno@asso.example")
    mail.outbox.clear()

    response = client.get(annuler_url(seated))

    assert response.status_code == 200
    text = markup.text(response.content)
    assert "Annuler mon inscription ?" in text
    for shown in ("Camille Durand", CAMILLE, "Interprète LSF", "liste d'attente"):
        assert shown in text
    [form] = [f for f in markup.elements(response.content, "form") if f.get("method") == "post"]
    assert form.get("action") in (None, "", annuler_url(seated))
    assert Inscription.objects.filter(pk=seated.pk, email=CAMILLE).exists()
    waiting.refresh_from_db()
    assert waiting.statut == Inscription.Statut.ATTENTE
    assert mail.outbox == []


def test_cancelling_a_waitlisted_place_promotes_nobody(client, agenda):
    workshop = atelier(agenda, capacite=1)
    register(workshop, email="assise@asso.example")
    waiting = register(workshop, email=CAMILLE)
    last = register(workshop, email="derniere@asso.example")
    mail.outbox.clear()

    cancel(client, waiting)

    assert not Inscription.objects.filter(pk=waiting.pk).exists()
    last.refresh_from_db()
    assert last.statut == Inscription.Statut.ATTENTE
    assert [message.to for message in mail.outbox] == [[CAMILLE]]
    assert calendars(mail.outbox[0]) == []


CLOSED = {
    "deadline passed": (
        {"date_limite": timezone.now() - timedelta(hours=1)},
        "Les inscriptions à cet atelier sont closes.",
    ),
    "started": (
        {"debut": timezone.now() - timedelta(minutes=30), "duree": timedelta(hours=2)},
        "Les inscriptions à cet atelier sont closes.",
    ),
    "cancelled": (
        {"annule": True, "motif_annulation": "Intervenante malade."},
        "Cet atelier est annulé : il n'est plus possible de s'y inscrire.",
    ),
    "over": ({"debut": in_days(-2)}, "Cet atelier a eu lieu : les inscriptions sont closes."),
}


@pytest.mark.parametrize("situation", CLOSED)
def test_registrations_are_closed_after_the_deadline_when_cancelled_or_past(
    client, agenda, situation
):
    fields, explanation = CLOSED[situation]
    workshop = atelier(agenda, **fields)

    page = client.get(workshop.url)
    response = post_form(client, workshop)

    assert "consentement" not in input_values(page.content)
    assert explanation in markup.text(page.content)
    assert response.status_code == 200
    assert str(explanation) in markup.text(response.content)
    assert not Inscription.objects.exists()
    assert mail.outbox == []


def test_registrations_elsewhere_replace_the_form_with_the_external_link(client, agenda):
    external = "https://www.helloasso.com/associations/reseau/evenements/atelier-paie"
    workshop = atelier(agenda, inscription_externe=external)

    page = client.get(workshop.url)
    response = post_form(client, workshop)

    assert external in markup.links(page.content)
    assert "consentement" not in input_values(page.content)
    assert "se font sur un autre site" in markup.text(response.content)
    assert not Inscription.objects.exists()


FORM_ERRORS = {
    "no consent": ({"consentement": None}, "Cochez cette case pour vous inscrire."),
    # Django's message, as the installed apps' catalogues translate it
    "invalid e-mail": ({"email": "camille.asso-quartier.example"}, EmailValidator.message),
    "robot": ({"site_internet": "https://spam.example"}, "Le formulaire n'a pas pu être envoyé."),
    "no name": ({"nom": ""}, "Champ requis."),
}


@pytest.mark.parametrize("case", FORM_ERRORS)
def test_form_mistakes_are_explained_and_nothing_is_kept_but_what_was_typed(client, agenda, case):
    workshop = atelier(agenda)
    changes, explanation = FORM_ERRORS[case]

    response = post_form(client, workshop, structure="La Recyclerie du Coin", **changes)

    assert response.status_code == 200
    assert str(explanation) in markup.text(response.content)
    typed = input_values(response.content)
    assert typed["structure"] == "La Recyclerie du Coin"
    if "nom" not in changes:
        assert typed["nom"] == "Camille Durand"
    assert not Inscription.objects.exists()
    assert mail.outbox == []


def tampered(signed):
    """The same link with one character of its signature changed."""
    last = signed[-1]
    return signed[:-1] + ("A" if last != "A" else "B")


def test_a_tampered_personal_link_is_refused(client, agenda):
    inscription = register(atelier(agenda), email=CAMILLE)

    for url in (voir_url(inscription), annuler_url(inscription)):
        signed = signed_part(url)
        url = url.replace(signed, tampered(signed))
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 400
            assert "Ce lien n'est pas valable" in markup.text(response.content)
            assert CAMILLE not in response.content.decode()
    assert Inscription.objects.filter(pk=inscription.pk).exists()


def test_a_cancelled_registrations_links_are_refused(client, agenda):
    inscription = register(atelier(agenda), email=CAMILLE)
    links = (voir_url(inscription), annuler_url(inscription))
    cancel(client, inscription)

    for url in links:
        response = client.get(url)
        assert response.status_code == 400
        assert "Cette inscription n'existe plus" in markup.text(response.content)


def test_an_anonymised_registrations_link_is_refused(client, agenda):
    workshop = atelier(agenda, debut=in_days(-10))
    inscription = past_registration(workshop, email=CAMILLE)
    lien = voir_url(inscription)
    Inscription.objects.filter(pk=inscription.pk).update(
        nom="", email="", anonymisee_at=timezone.now()
    )

    response = client.get(lien)

    assert response.status_code == 400
    assert "Cette inscription n'existe plus" in markup.text(response.content)


@pytest.mark.parametrize("method", ["get", "post"])
def test_cancelling_after_the_workshop_ended_is_refused(client, agenda, method):
    workshop = atelier(agenda, debut=in_days(-1))
    inscription = past_registration(workshop, email=CAMILLE)

    with committed():
        response = getattr(client, method)(annuler_url(inscription))

    assert response.status_code == 400
    assert "Cet atelier est passé" in markup.text(response.content)
    assert Inscription.objects.filter(pk=inscription.pk, email=CAMILLE).exists()
    assert mail.outbox == []


def test_the_personal_page_cannot_cancel_and_explains_how_to(client, agenda):
    workshop = atelier(agenda)
    post_form(client, workshop)
    inscription = Inscription.objects.get(email=CAMILLE)

    page = client.get(voir_url(inscription))

    assert page.status_code == 200
    assert [f for f in markup.elements(page.content, "form") if f.get("method") == "post"] == []
    assert annuler_url(inscription) not in page.content.decode()
    assert "ouvrez le lien « Annuler mon inscription » de l'e-mail" in markup.text(page.content)
    assert workshop.url + "#renvoyer-lien" in markup.links(page.content)
    assert reload(workshop).places_libres == workshop.capacite - 1
