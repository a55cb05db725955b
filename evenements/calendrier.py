"""Calendar files (RFC 5545) written with the icalendar library, times in Europe/Paris."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

PARIS = ZoneInfo("Europe/Paris")
PRODID = "-//Entraide//Ateliers//FR"
FEED_PAST_DAYS = 30


def _calendar(method):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-timezone", "Europe/Paris")
    return calendar


def event(atelier, cancelled=False):
    """The workshop as a VEVENT: its UID never changes, its SEQUENCE grows with each change
    announced to the registrants."""
    vevent = Event()
    vevent.add("uid", f"{atelier.uid}@entraide")
    vevent.add("sequence", atelier.sequence)
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", atelier.debut.astimezone(PARIS))
    vevent.add("dtend", atelier.fin.astimezone(PARIS))
    vevent.add("summary", atelier.title)
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (atelier.url or "")
    vevent.add("description", f"{atelier.chapo}\n\n{url}")
    vevent.add("url", url)
    vevent.add("location", atelier.adresse.replace("\n", ", ") or "En ligne")
    cancelled = cancelled or atelier.annule
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return vevent


def to_ics(ateliers, method="PUBLISH", cancelled=False):
    calendar = _calendar("CANCEL" if cancelled else method)
    for atelier in ateliers:
        calendar.add_component(event(atelier, cancelled=cancelled))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def attachment(atelier, cancelled=False):
    """(filename, content, mimetype) for an e-mail: an invitation, or its cancellation."""
    method = "CANCEL" if cancelled else "REQUEST"
    content = to_ics([atelier], method=method, cancelled=cancelled)
    return ("atelier.ics", content, f"text/calendar; charset=utf-8; method={method}")


def _response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def atelier_response(request, atelier):
    return _response(to_ics([atelier]), f"{atelier.slug}.ics")


def agenda_response(request, agenda):
    """The subscribable feed: upcoming workshops and those of the last month, optionally of
    one domain (``?domaine=<slug>``)."""
    from .models import AtelierPage

    ateliers = (
        AtelierPage.objects.live()
        .public()
        .child_of(agenda)
        .filter(fin__gte=timezone.now() - timedelta(days=FEED_PAST_DAYS))
        .order_by("debut")
    )
    domaine = request.GET.get("domaine", "").strip()
    if domaine:
        ateliers = ateliers.filter(domaines__slug=domaine).distinct()
    return _response(to_ics(ateliers), "agenda.ics")
