"""What the ateliers tests share: workshops placed in time, what a person types in the
registration form, and readers for pages, e-mails and calendar files."""

import itertools
import json
import re

from django.core import mail
from django.test import TestCase
from icalendar import Calendar

from evenements import inscriptions, liens
from evenements.models import AtelierAnimateur, AtelierPage, Inscription
from evenements.services import get_or_create_agenda
from ressources.models import Domaine
from tests import markup
from tests.factories import (  # noqa: F401 (what the ateliers tests read from here)
    ADRESSE,
    PARIS,
    VISIO,
    AtelierPageFactory,
    build_site_tree,
    in_days,
    paris,
)

AGENDA_URL = "/fr/ateliers/"

_numbers = itertools.count(1)


def agenda_page():
    """/fr/ateliers/ under a fresh French home page."""
    home, _index = build_site_tree()
    return get_or_create_agenda(home)


def atelier(
    agenda, *, domaines=("ressources-humaines",), animateurs=(("Claire Martin", None),), **fields
):
    """A published workshop under ``agenda`` (``AtelierPageFactory``: by visio, in three days
    at 18:00, unless ``format=``, ``debut=``, ``duree=`` say otherwise), its ``domaines`` given
    by slug and its ``animateurs`` as (name, Structure or None) pairs."""
    return AtelierPageFactory(
        parent=agenda,
        domaines=list(Domaine.objects.filter(locale=agenda.locale, slug__in=domaines)),
        animateurs=[AtelierAnimateur(nom=nom, structure=qui) for nom, qui in animateurs],
        **fields,
    )


def calendar_url(client, page):
    """The calendar file a page offers: « Ajouter à mon agenda (.ics) » on a workshop,
    « S'abonner à l'agenda (.ics) » on the agenda."""
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    found = {
        href
        for href in markup.links(response.content)
        if href.endswith(".ics") and not href.startswith("webcal:")
    }
    assert len(found) == 1, found
    return found.pop()


def anime_par(workshop, *users):
    """Name ``users`` (Animateurs) as the accounts of the workshop's animators."""
    for user in users:
        AtelierAnimateur.objects.create(
            atelier=workshop, nom=user.get_full_name() or "", compte=user
        )
    return workshop


def reload(page):
    return AtelierPage.objects.get(pk=page.pk)


def committed():
    """Run the callbacks that wait for the commit (the e-mails) of what happens inside, as the
    end of a real transaction would; tests otherwise never commit."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def register(workshop, nom="Camille Durand", email=None, **fields):
    """A registration made directly (no e-mail: callbacks on commit do not run in tests)."""
    email = email or f"{nom.split()[0].lower()}{next(_numbers)}@asso.example"
    return inscriptions.inscrire(workshop, nom=nom, email=email, **fields)


def past_registration(workshop, nom="Camille Durand", email="camille@asso.example", **fields):
    """A confirmed registration to a workshop that has already taken place."""
    return Inscription.objects.create(
        atelier=workshop,
        statut=fields.pop("statut", Inscription.Statut.CONFIRMEE),
        nom=nom,
        email=email,
        **fields,
    )


def form_data(**changes):
    """What a person types in the registration form of a workshop page."""
    data = {
        "nom": "Camille Durand",
        "email": "camille@asso-quartier.example",
        "structure": "Asso du Quartier",
        "besoins": "Accès en fauteuil roulant",
        "consentement": "on",
        "site_internet": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def inscrire_url(workshop):
    return route_url(workshop, "inscrire")


def route_url(page, name, *args):
    """The address of a route of a page (``AgendaPage``, ``AtelierPage``)."""
    return page.url + page.reverse_subpage(name, args=args)


def signed_part(lien):
    """The signed token of a personal link /fr/ateliers/inscription/<signed>/[annuler/]."""
    return lien.split("/inscription/", 1)[1].split("/", 1)[0]


def annuler_url(inscription):
    """The « annuler » link of a registration's e-mails (its confirmation page)."""
    return liens.annuler(inscription)


def voir_url(inscription):
    """The « voir » link of a registration's e-mails (the personal page)."""
    return liens.voir(inscription)


def urls_in(message):
    """The paths of the site's links in an e-mail's body, in order."""
    return [
        re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"https?://\S+", message.body)
    ]


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return markup.text(response.content)


def input_values(html):
    """{name: value} of the form inputs and textareas of a page."""
    values = {}
    for field in markup.soup(html).find_all(["input", "textarea"]):
        name = field.get("name")
        if not name:
            continue
        if field.name == "textarea":
            values[name] = field.get_text()
        elif field.get("type") not in ("checkbox", "radio"):
            values[name] = field.get("value") or ""
        elif field.has_attr("checked"):
            values[name] = field.get("value", "on")
    return values


def json_ld(html):
    """Every JSON-LD block of a page, parsed."""
    scripts = markup.soup(html).find_all("script", type="application/ld+json")
    return [json.loads(script.string) for script in scripts]


def workshop_links(html, workshops):
    """The titles of ``workshops`` in the order the page links to them (first link each)."""
    by_url = {workshop.url: workshop.title for workshop in workshops}
    seen = []
    for href in markup.links(html):
        title = by_url.get(href.split("?")[0].split("#")[0])
        if title and title not in seen:
            seen.append(title)
    return seen


def sent_to(address):
    """The e-mails sent to ``address`` (To or Bcc)."""
    return [message for message in mail.outbox if address in message.to or address in message.bcc]


def calendars(message):
    """The calendar files attached to an e-mail, parsed."""
    return [
        Calendar.from_ical(attachment[1])
        for attachment in message.attachments
        if attachment[0].endswith(".ics") or attachment[2].startswith("text/calendar")
    ]


def only_event(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]
