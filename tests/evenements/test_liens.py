"""A registrant's personal links: one shows, another cancels, neither works for the other's
job; they expire some time after the workshop; the pages they open are kept by no cache and
never leak their address. Registering again, or asking « Renvoyer mon lien », answers the same
whoever the address is, and sends the links only to that address, a few times an hour."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import caches

from evenements.models import Inscription
from tests import markup
from tests.evenements.helpers import (
    annuler_url,
    atelier,
    calendars,
    committed,
    form_data,
    in_days,
    inscrire_url,
    past_registration,
    register,
    route_url,
    sent_to,
    signed_part,
    urls_in,
    voir_url,
)

pytestmark = pytest.mark.django_db

CAMILLE = "camille@asso-quartier.example"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters may live in a cache of their own: each test starts from zero."""
    caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")].clear()


def ics_url(inscription):
    agenda = inscription.atelier.agenda
    return route_url(agenda, "inscription_ics", signed_part(voir_url(inscription)))


LINKS = {"voir": voir_url, "annuler": annuler_url}
ROUTES = {
    "personal page": lambda agenda, signed: route_url(agenda, "inscription", signed),
    "calendar file": lambda agenda, signed: route_url(agenda, "inscription_ics", signed),
    "cancellation": lambda agenda, signed: route_url(agenda, "inscription_annuler", signed),
}
MISUSES = [
    ("voir", "cancellation"),
    ("annuler", "personal page"),
    ("annuler", "calendar file"),
]


@pytest.mark.parametrize(("link", "route"), MISUSES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_link_only_opens_what_it_was_made_for(client, agenda, link, route, method):
    workshop = atelier(agenda, capacite=1)
    inscription = register(workshop, nom="Camille Durand", email=CAMILLE)
    register(workshop, email="bruno@asso.example")
    url = ROUTES[route](agenda, signed_part(LINKS[link](inscription)))

    with committed():
        response = getattr(client, method)(url)

    assert response.status_code == 400
    assert "Camille Durand" not in response.content.decode()
    assert Inscription.objects.filter(pk=inscription.pk, email=CAMILLE).exists()
    assert mail.outbox == []
    if route == "cancellation":
        assert "Ce lien permet de voir votre inscription, pas de l'annuler" in markup.text(
            response.content
        )


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(("ended_days_ago", "works"), [(29, True), (31, False)])
def test_links_expire_thirty_days_after_the_workshop(client, agenda, route, ended_days_ago, works):
    workshop = atelier(agenda, debut=in_days(-ended_days_ago, hour=9))
    inscription = past_registration(workshop, nom="Camille Durand", email=CAMILLE)
    link = voir_url if route != "cancellation" else annuler_url
    url = ROUTES[route](agenda, signed_part(link(inscription)))

    response = client.get(url)

    text = markup.text(markup.content(response))
    if works and route == "cancellation":  # over, so it cannot be cancelled, but not expired
        assert "Cet atelier est passé" in text
    elif works:
        assert response.status_code == 200
    else:
        assert response.status_code == 400
        assert "Ce lien a expiré" in text
        assert "30 jours après la fin de l'atelier" in text
        assert "Camille Durand" not in text


def personal_responses(client, inscription):
    """Every response a personal link gets: the pages, the calendar file, the cancellation
    (asked, then done), and a refusal."""
    cancel = annuler_url(inscription)
    responses = {
        "personal page": client.get(voir_url(inscription)),
        "calendar file": client.get(ics_url(inscription)),
        "cancellation page": client.get(cancel),
    }
    with committed():
        responses["cancelled"] = client.post(cancel)
    responses["refusal"] = client.get(voir_url(inscription))
    return responses


def test_personal_pages_are_kept_by_no_cache_and_never_sent_as_referrer(client, agenda):
    inscription = register(atelier(agenda), email=CAMILLE)

    responses = personal_responses(client, inscription)

    assert [response.status_code for response in responses.values()] == [200, 200, 200, 302, 400]
    for name, response in responses.items():
        directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
        assert {"private", "no-store"} <= directives, name
        assert response.get("Referrer-Policy") == "same-origin", name
        metas = markup.elements(markup.content(response), "meta")
        assert not [meta for meta in metas if meta.get("name") == "referrer"], name


def post_form(client, workshop, **changes):
    with committed():
        return client.post(inscrire_url(workshop), form_data(**changes))


def answer(client, response):
    """What a visitor learns from a submission: the status, where it leads, what it says."""
    followed = client.get(response["Location"]) if response.status_code == 302 else response
    return response.status_code, response.get("Location"), markup.text(followed.content)


def test_registering_again_answers_like_a_first_registration_and_resends_the_links(client, agenda):
    workshop = atelier(agenda, capacite=1)
    first = answer(client, post_form(client, workshop, nom="Camille Durand", email=CAMILLE))
    waitlisted = answer(client, post_form(client, workshop, email="bruno@asso.example"))
    mail.outbox.clear()

    again = answer(client, post_form(client, workshop, nom="C. D.", email=CAMILLE.upper()))
    waitlisted_again = answer(client, post_form(client, workshop, email="bruno@asso.example"))

    assert first == waitlisted == again == waitlisted_again
    assert first[0] == 302
    assert "Vérifiez vos e-mails" in first[2]
    camille = Inscription.objects.get(email=CAMILLE)
    assert camille.nom == "Camille Durand"
    assert Inscription.objects.filter(atelier=workshop).count() == 2
    [message] = sent_to(CAMILLE)
    assert [voir_url(camille), annuler_url(camille)] == [
        url for url in urls_in(message) if "/inscription/" in url
    ]
    assert "Votre place est confirmée." in message.body
    assert len(calendars(message)) == 1
    [message] = sent_to("bruno@asso.example")
    assert "liste d'attente" in message.body
    assert calendars(message) == []


def resend(client, workshop, email, ip="192.0.2.1", **extra):
    data = {"renvoi-email": email, "renvoi-site_internet": "", **extra}
    with committed():
        return client.post(route_url(workshop, "renvoyer_lien"), data, REMOTE_ADDR=ip)


def test_resending_the_link_answers_the_same_whether_the_address_is_registered_or_not(
    client, agenda
):
    workshop = atelier(agenda)
    other = atelier(agenda)
    inscription = register(workshop, email=CAMILLE)
    register(other, email="bruno@asso.example")

    page = client.get(workshop.url)
    registered = answer(client, resend(client, workshop, CAMILLE.upper()))
    unknown = answer(client, resend(client, workshop, "personne@asso.example"))
    elsewhere = answer(client, resend(client, workshop, "bruno@asso.example"))

    assert "renvoi-email" in [attrs.get("name") for attrs in markup.elements(page.content, "input")]
    assert registered == unknown == elsewhere
    assert registered[0] == 302
    assert "Si cette adresse est inscrite à cet atelier" in registered[2]
    assert [message.to for message in mail.outbox] == [[CAMILLE]]
    assert voir_url(inscription) in urls_in(mail.outbox[0])
    assert annuler_url(inscription) in urls_in(mail.outbox[0])


def test_resending_is_offered_on_a_full_or_closed_workshop_but_not_for_external_registrations(
    client, agenda
):
    full = atelier(agenda, capacite=0)
    cancelled = atelier(agenda, annule=True, motif_annulation="Salle indisponible.")
    external = atelier(agenda, inscription_externe="https://www.helloasso.com/atelier")

    for workshop, offered in ((full, True), (cancelled, True), (external, False)):
        page = client.get(workshop.url)
        names = [attrs.get("name") for attrs in markup.elements(page.content, "input")]
        assert ("renvoi-email" in names) is offered, workshop.title


def test_resending_is_limited_per_ip_address_with_a_clear_message(client, agenda):
    workshop = atelier(agenda)
    register(workshop, email=CAMILLE)

    answers = [
        resend(client, workshop, f"personne{number}@asso.example").status_code
        for number in range(10)
    ]
    limited = resend(client, workshop, CAMILLE)
    elsewhere = resend(client, workshop, CAMILLE, ip="192.0.2.2")

    assert answers == [302] * 10
    assert limited.status_code == 429
    assert "Trop de demandes en peu de temps : réessayez dans une heure." in markup.text(
        limited.content
    )
    assert elsewhere.status_code == 302
    assert len(sent_to(CAMILLE)) == 1


def test_links_go_to_one_address_three_times_an_hour_whichever_form_asks(client, agenda):
    workshop = atelier(agenda)
    register(workshop, email=CAMILLE)

    statuses = [resend(client, workshop, CAMILLE, ip=f"192.0.2.{n}").status_code for n in (1, 2)]
    registered_again = post_form(client, workshop, email=CAMILLE)
    again = post_form(client, workshop, email=CAMILLE)
    limited = resend(client, workshop, CAMILLE, ip="192.0.2.9")

    assert statuses == [302, 302]
    assert registered_again.status_code == again.status_code == 302
    assert registered_again["Location"] == again["Location"]
    assert len(sent_to(CAMILLE)) == 3
    assert limited.status_code == 429
    assert "Trop de demandes" in markup.text(limited.content)


def test_a_robot_filling_the_honeypot_gets_no_link(client, agenda):
    workshop = atelier(agenda)
    register(workshop, email=CAMILLE)

    response = resend(client, workshop, CAMILLE, **{"renvoi-site_internet": "https://spam.example"})

    assert response.status_code == 200
    assert "Le formulaire n'a pas pu être envoyé." in markup.text(response.content)
    assert mail.outbox == []
