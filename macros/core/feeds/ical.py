"""RFC 5545 feeds with the icalendar library: agenda.ics (subscribe) and one .ics per event.

Times are Europe/Amsterdam with a VTIMEZONE; all-day events use DATE values (DTEND exclusive). An event
whose source gives only a month spans that month and is TENTATIVE, with the uncertainty in its text.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from icalendar import Calendar
from icalendar import Event as VEvent

from ..catalog.models import Event
from ..render.dates import event_when

PRODID = "-//Provincie Noord-Brabant//Kennisbank Arbeidsmigratie//NL"
UID_DOMAIN = "kennisbank-arbeidsmigratie"
STATUS = {"gepland": "CONFIRMED", "verplaatst": "CONFIRMED", "geannuleerd": "CANCELLED"}


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    return cal


def _stamp(e: Event, fallback: dt.date) -> dt.datetime:
    d = e.bijgewerkt or fallback
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)


def vevent(e: Event, page_url: str, stamp_date: dt.date) -> VEvent:
    ev = VEvent()
    ev.add("uid", f"{e.id}@{UID_DOMAIN}")
    ev.add("dtstamp", _stamp(e, stamp_date))
    if e.bijgewerkt:
        ev.add("last-modified", _stamp(e, stamp_date))
    ev.add("summary", e.titel)
    if e.start.precision == "tijd":
        ev.add("dtstart", e.start.local())
        ev.add("dtend", e.einde.local() if e.einde != e.start else e.start.local() + dt.timedelta(hours=1))
    else:
        ev.add("dtstart", e.start.date)
        ev.add("dtend", e.einde.last_date() + dt.timedelta(days=1))
    month_only = e.start.precision == "maand"
    ev.add("status", "TENTATIVE" if month_only and e.status != "geannuleerd" else STATUS[e.status])
    ev.add("transp", "TRANSPARENT" if e.all_day else "OPAQUE")
    if e.locatie:
        loc = ", ".join(x for x in (e.locatie.naam, e.locatie.adres) if x)
        ev.add("location", loc)
    lines = [f"Wanneer: {event_when(e.start, e.einde)}"]
    if month_only:
        lines.append("De precieze datum is nog niet bekend; de bijeenkomst staat daarom over de hele periode.")
    if e.status == "geannuleerd":
        lines.append("Deze bijeenkomst is geannuleerd.")
    if e.beschrijving:
        lines.append(e.beschrijving.strip())
    lines.append(f"Meer informatie: {page_url}")
    ev.add("description", "\n\n".join(lines))
    ev.add("url", page_url)
    ev.add("categories", [e.soort])
    return ev


def _finish(cal: Calendar, events: list[Event]) -> bytes:
    """Add a VTIMEZONE covering only the years the events need: short, and read alike by every client
    we tried (a 1970-2038 definition made vobject pick the wrong offset in summer)."""
    if events:
        years = [y for e in events for y in (e.start.year, e.einde.year)]
        cal.add_missing_timezones(dt.date(min(years) - 1, 1, 1), dt.date(max(years) + 2, 1, 1))
    return cal.to_ical()


def agenda_calendar(events: list[Event], url_of: Callable[[Event], str], stamp_date: dt.date) -> bytes:
    cal = _calendar("Agenda Kennisbank Arbeidsmigratie")
    cal.add("refresh-interval", dt.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    for e in events:
        cal.add_component(vevent(e, url_of(e), stamp_date))
    return _finish(cal, events)


def event_calendar(e: Event, url: str, stamp_date: dt.date) -> bytes:
    cal = _calendar(e.titel)
    cal.add_component(vevent(e, url, stamp_date))
    return _finish(cal, [e])


def write_feeds(events: list[Event], site_dir: Path, site_url: str, stamp_date: dt.date) -> list[Path]:
    """Write agenda/agenda.ics and agenda/<id>.ics; return the paths written."""
    base = site_url.rstrip("/") + "/"
    url_of = lambda e: f"{base}agenda/{e.id}/"  # noqa: E731
    out_dir = site_dir / "agenda"
    out_dir.mkdir(parents=True, exist_ok=True)
    ordered = sorted(events, key=lambda e: e.id)
    written = [out_dir / "agenda.ics"]
    written[0].write_bytes(agenda_calendar(ordered, url_of, stamp_date))
    for e in ordered:
        path = out_dir / f"{e.id}.ics"
        path.write_bytes(event_calendar(e, url_of(e), stamp_date))
        written.append(path)
    return written


# -- region feeds (/regios/<id>/agenda.ics) -----------------------------------------------------------
def region_calendar(region_name: str, events: list[Event], url_of: Callable[[Event], str], stamp_date: dt.date) -> bytes:
    """The feed of one region: exactly the events whose `regio` is that region, to subscribe to."""
    cal = _calendar(f"Agenda {region_name} (Kennisbank Arbeidsmigratie)")
    cal.add("refresh-interval", dt.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    for e in sorted(events, key=lambda e: e.id):
        cal.add_component(vevent(e, url_of(e), stamp_date))
    return _finish(cal, events)
