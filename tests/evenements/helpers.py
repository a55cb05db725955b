"""What the ateliers tests share: workshops placed in time, what a person types in the
registration form, and readers for pages, e-mails and calendar files."""

import itertools
import json
import re
from datetime import datetime, time, timedelta
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from evenements import liens, registrations
from evenements.models import AtelierAnimateur, AtelierPage, Inscription
from evenements.services import get_or_create_agenda, get_or_create_atelier
from tests import markup
from tests.factories import build_site_tree

PARIS = ZoneInfo("Europe/Paris")
VISIO = "https://visio.entraide.example/salle-secrete-4821"
ADRESSE = "Maison des associations, 28 rue Denfert-Rochereau, 69004 Lyon"
AGENDA_URL = "/fr/ateliers/"

_numbers = itertools.count(1)


def agenda_page():
    """/fr/ateliers/ under a fresh French home page."""
    home, _index = build_site_tree()
    return get_or_create_agenda(home)


def paris(day, hour=18, minute=0):
    """``day`` (a date) at ``hour``:``minute``, Paris time."""
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


def in_days(days, hour=18):
    """``days`` from today (negative: ago), at ``hour`` Paris time: an evening workshop."""
    return paris(timezone.localdate() + timedelta(days=days), hour)


def atelier(
    agenda,
    *,
    debut=None,
    duree=timedelta(hours=2),
    domaines=("ressources-humaines",),
    animateurs=(("Claire Martin", None),),
    slug=None,
    **fields,
):
    """A published workshop, by visio unless ``format=`` says otherwise (in person and hybrid
    ones get an address in Lyon); in three days at 18:00 unless ``debut=``."""
    number = next(_numbers)
    debut = debut or in_days(3)
    values = {
        "title": f"Atelier {number:03d}",
        "chapo": "Deux heures pour avancer à plusieurs.",
        "description": "<p>Un atelier pratique, vos questions en premier.</p>",
        "debut": debut,
        "fin": debut + duree,
        "format": "distance",
        "capacite": 10,
        "lien_visio": VISIO,
    }
    values.update(fields)
    if values["format"] != "distance":
        values.setdefault("adresse", ADRESSE)
        values.setdefault("departement", "69")
    return get_or_create_atelier(
        agenda,
        slug=slug or f"atelier-{number:03d}",
        domaines=list(domaines),
        animateurs=list(animateurs),
        **values,
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
    return registrations.inscrire(workshop, nom=nom, email=email, **fields)


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
    return reverse("atelier_inscrire", args=[workshop.pk])


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
    parser = _Inputs()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    parser.close()
    return parser.values


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values = {}
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values[attrs["name"]] = attrs.get("value", "on")
            else:
                self.values[attrs["name"]] = attrs.get("value") or ""
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = attrs["name"]
            self.values[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


class _JsonLd(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def json_ld(html):
    """Every JSON-LD block of a page, parsed."""
    parser = _JsonLd()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    parser.close()
    return [json.loads(block) for block in parser.blocks]


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
