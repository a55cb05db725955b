"""Calendar files (RFC 5545) written with the icalendar library, times in Europe/Paris.

Two kinds: the public ones (the agenda feed, each workshop's file) are METHOD:PUBLISH and never
carry the visio link; a participant's own (attached to their e-mails, downloadable from their
personal page) carries it. Attached to e-mails, it is an invitation (METHOD:REQUEST, or CANCEL)
with the ORGANIZER and the ATTENDEE RFC 5546 asks for, so that calendars update the same entry
(same UID, higher SEQUENCE)."""

from datetime import timedelta
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from ressources import emails
from ressources.models import Domaine

from .models.choices import Format
from .models.inscriptions import Inscription

PARIS = ZoneInfo("Europe/Paris")
PRODID = "-//Entraide//Ateliers//FR"
FEED_PAST_DAYS = 30


def _calendar(method, name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-timezone", "Europe/Paris")
    if name:
        calendar.add("name", name)  # RFC 7986
        calendar.add("x-wr-calname", name)  # what most calendar programs read
    return calendar


def event(atelier, cancelled=False):
    """The workshop as the public sees it, as a VEVENT: its UID never changes, its SEQUENCE
    grows with each change announced to the registrants."""
    vevent = Event()
    vevent.add("uid", f"{atelier.uid}@entraide")
    vevent.add("sequence", atelier.sequence)
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", atelier.debut.astimezone(PARIS))
    vevent.add("dtend", atelier.fin.astimezone(PARIS))
    vevent.add("summary", atelier.title)
    url = emails.absolute(atelier.url or "")
    vevent.add("description", f"{atelier.chapo}\n\n{url}")
    vevent.add("url", url)
    vevent.add("location", atelier.adresse.replace("\n", ", ") or _("En ligne"))
    cancelled = cancelled or atelier.annule
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return vevent


def participant_event(inscription, cancelled=False):
    """The workshop as a registrant with a seat sees it: with the visio link (in LOCATION for a
    workshop at a distance, in DESCRIPTION and CONFERENCE, RFC 7986, for both kinds)."""
    atelier = inscription.atelier
    vevent = event(atelier, cancelled=cancelled)
    visio = atelier.lien_visio
    if visio and _has_seat(inscription) and not (cancelled or atelier.annule):
        if atelier.format == Format.DISTANCE:
            _replace(vevent, "location", visio)
        url = str(vevent["url"])
        _replace(
            vevent, "description", f"{atelier.chapo}\n\n{_('Lien de la visio :')} {visio}\n\n{url}"
        )
        vevent.add("conference", visio, parameters={"VALUE": "URI", "FEATURE": "VIDEO"})
    return vevent


def _replace(vevent, name, value):
    del vevent[name]
    vevent.add(name, value)


def _has_seat(inscription):
    return inscription.statut == Inscription.Statut.CONFIRMEE


def _address(mailto, name):
    address = vCalAddress(f"mailto:{mailto}")
    if name:
        address.params["CN"] = name
    return address


def organizer():
    """The site itself, from the address its e-mails come from (DEFAULT_FROM_EMAIL)."""
    name, mailto = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return _address(mailto, name)


def attendee(inscription):
    """The registrant, who already said yes by registering: no reply expected."""
    address = _address(inscription.email, inscription.nom)
    address.params["ROLE"] = "REQ-PARTICIPANT"
    address.params["PARTSTAT"] = "ACCEPTED"
    address.params["RSVP"] = "FALSE"
    return address


def _to_ical(calendar, events):
    for vevent in events:
        calendar.add_component(vevent)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def invitation(inscription, cancelled=False):
    """(filename, content, mimetype) for a registrant's e-mail: an invitation (REQUEST) or
    its cancellation (CANCEL), addressed to them."""
    method = "CANCEL" if cancelled else "REQUEST"
    vevent = participant_event(inscription, cancelled=cancelled)
    vevent.add("organizer", organizer())
    vevent.add("attendee", attendee(inscription))
    content = _to_ical(_calendar(method), [vevent])
    return ("atelier.ics", content, f"text/calendar; charset=utf-8; method={method}")


def to_ics(ateliers, name=None):
    """Public calendar files: METHOD:PUBLISH, no visio link."""
    return _to_ical(_calendar("PUBLISH", name), [event(atelier) for atelier in ateliers])


def _response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def atelier_response(request, atelier):
    return _response(to_ics([atelier]), f"{atelier.slug}.ics")


def participant_response(request, inscription):
    """A registrant's own file, from their personal page (PUBLISH: nothing to answer)."""
    content = _to_ical(_calendar("PUBLISH"), [participant_event(inscription)])
    return _response(content, f"{inscription.atelier.slug}.ics")


def agenda_response(request, agenda):
    """The subscribable feed: upcoming workshops and those of the last month, optionally of
    one domain (``?domaine=<slug>``), named after the agenda (and the domain)."""
    ateliers = (
        agenda.ateliers()
        .filter(fin__gte=timezone.now() - timedelta(days=FEED_PAST_DAYS))
        .order_by("debut")
    )
    name = agenda.title
    slug = request.GET.get("domaine", "").replace("\x00", "").strip()  # NUL: PostgreSQL fails
    if slug:
        ateliers = ateliers.filter(domaines__slug=slug).distinct()
        domaine = Domaine.objects.filter(locale_id=agenda.locale_id, slug=slug).first()
        if domaine is not None:
            name = f"{agenda.title} – {domaine.nom}"
    return _response(to_ics(ateliers, name=name), "agenda.ics")
