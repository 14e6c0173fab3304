"""RFC 5545 feeds with the icalendar library: agenda.ics (subscribe) and one .ics per event.

Times are Europe/Amsterdam with a VTIMEZONE; all-day events use DATE values (DTEND exclusive).

Truthful status: only a date a source confirms as held (`gehouden`) is CONFIRMED; a planned date is
TENTATIVE; a cancelled one CANCELLED. An event whose source gives only a month or a period of months is
one all-day event on the first day of that period, with the period in its title and description: a
three-month all-day block would fill a subscriber's calendar for three months (see ARCHITECTURE.md).
Descriptions are reflowed: the YAML's line breaks inside a paragraph are not the author's.

The VTIMEZONE states the EU rule (since 1996: summer time from the last Sunday of March, 02:00, to the
last Sunday of October, 03:00) as two RRULEs, the form every client reads alike. icalendar's generated
definition lists all changeovers in one RDATE line, which ical.js and vobject misread (a 14:00 summer
event in 2027 came out at 13:00Z). Each timed event is checked against the tz database: if the rule
ever stops holding, the build fails instead of publishing a wrong hour.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog.models import Event
from ..render.dates import event_when, period

if TYPE_CHECKING:
    from icalendar import Calendar, Timezone
    from icalendar import Event as VEvent

# icalendar is imported where a feed is made (~35 ms; a build writes the feeds in a worker process).
PRODID = "-//Kennisbank Arbeidsmigratie//Generator//NL"
UID_DOMAIN = "kennisbank-arbeidsmigratie"
STATUS = {"gehouden": "CONFIRMED", "gepland": "TENTATIVE", "verplaatst": "TENTATIVE", "geannuleerd": "CANCELLED"}
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def reflow(text: str) -> str:
    """Paragraphs as single lines (list items keep a line each); blank lines between paragraphs."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            if lines and not _LIST_ITEM.match(raw):
                lines[-1] += " " + line
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _calendar(name: str) -> Calendar:
    from icalendar import Calendar
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    return cal


TZID = "Europe/Amsterdam"
CET, CEST = dt.timedelta(hours=1), dt.timedelta(hours=2)


def _last_sunday(year: int, month: int) -> dt.date:
    last = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() + 1) % 7)


def rule_offset(local: dt.datetime) -> dt.timedelta:
    """The UTC offset the VTIMEZONE below gives a wall-clock time (fold 0 in the autumn hour)."""
    start = dt.datetime.combine(_last_sunday(local.year, 3), dt.time(2))
    end = dt.datetime.combine(_last_sunday(local.year, 10), dt.time(2))
    naive = local.replace(tzinfo=None)
    return CEST if start <= naive < end + dt.timedelta(hours=1) else CET


def _vtimezone() -> Timezone:
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard
    tz = Timezone()
    tz.add("tzid", TZID)
    summer = TimezoneDaylight()
    summer.add("dtstart", dt.datetime(1996, 3, 31, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    summer.add("tzoffsetfrom", CET)
    summer.add("tzoffsetto", CEST)
    summer.add("tzname", "CEST")
    winter = TimezoneStandard()
    winter.add("dtstart", dt.datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    winter.add("tzoffsetfrom", CEST)
    winter.add("tzoffsetto", CET)
    winter.add("tzname", "CET")
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def _local(e: Event, which: str) -> dt.datetime:
    """A timed moment as Amsterdam time, checked against the tz database."""
    moment = e.start if which == "start" else e.einde
    value = moment.local()
    if value.year < 1996 or value.utcoffset() != rule_offset(value):
        raise ValueError(f"{e.path}: '{which}' {value:%Y-%m-%d %H:%M}: de tijdzoneregel in de agenda-feed klopt "
                         "niet voor dit jaar; pas macros/core/feeds/ical.py aan")
    return value


def _stamp(e: Event, fallback: dt.date) -> dt.datetime:
    d = e.bijgewerkt or fallback
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)


def vevent(e: Event, page_url: str, stamp_date: dt.date) -> VEvent:
    from icalendar import Event as VEvent
    ev = VEvent()
    ev.add("uid", f"{e.id}@{UID_DOMAIN}")
    ev.add("dtstamp", _stamp(e, stamp_date))
    if e.bijgewerkt:
        ev.add("last-modified", _stamp(e, stamp_date))
    month_only = e.start.precision == "maand"
    if month_only:
        # One all-day event on the period's first day, the period in the title (see the module docstring).
        ev.add("summary", f"{e.titel} ({period(e.start, e.einde)}, datum niet bekend)")
        ev.add("dtstart", e.start.date)
        ev.add("dtend", e.start.date + dt.timedelta(days=1))
    elif e.start.precision == "tijd":
        ev.add("summary", e.titel)
        ev.add("dtstart", _local(e, "start"))
        ev.add("dtend", _local(e, "einde") if e.einde != e.start else _local(e, "start") + dt.timedelta(hours=1))
    else:
        ev.add("summary", e.titel)
        ev.add("dtstart", e.start.date)
        ev.add("dtend", e.einde.last_date() + dt.timedelta(days=1))
    ev.add("status", STATUS[e.status])
    ev.add("transp", "TRANSPARENT" if e.all_day else "OPAQUE")
    if e.locatie:
        loc = ", ".join(x for x in (e.locatie.naam, e.locatie.adres) if x)
        ev.add("location", loc)
    lines = [f"Wanneer: {event_when(e.start, e.einde, e.ends_before(stamp_date))}"]
    if month_only:
        lines.append(f"De bron noemt alleen de periode ({period(e.start, e.einde)}), geen datum. Deze agenda "
                     "zet de bijeenkomst daarom op de eerste dag van die periode.")
    if e.status in ("gepland", "verplaatst"):
        lines.append("Status: gepland. De bron bevestigt niet dat de bijeenkomst doorgaat of is doorgegaan.")
    if e.status == "geannuleerd":
        lines.append("Deze bijeenkomst is geannuleerd.")
    if e.beschrijving:
        lines.append(reflow(e.beschrijving))
    lines.append(f"Meer informatie: {page_url}")
    ev.add("description", "\n\n".join(lines))
    ev.add("url", page_url)
    ev.add("categories", [e.soort])
    return ev


def _finish(cal: Calendar, events: list[Event]) -> bytes:
    """Add the VTIMEZONE when a timed event refers to it (before the events, as clients expect)."""
    if any(e.start.precision == "tijd" for e in events):
        cal.subcomponents.insert(0, _vtimezone())
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


def feed_paths(events: list[Event]) -> list[tuple[str, Event | None]]:
    """Every feed file (relative to site/) with its event; None for the whole agenda."""
    return [("agenda/agenda.ics", None), *((f"agenda/{e.id}.ics", e) for e in sorted(events, key=lambda e: e.id))]


def write_feeds(events: list[Event], site_dir: Path, site_url: str, stamp_date: dt.date) -> list[Path]:
    """Write agenda/agenda.ics and agenda/<id>.ics; return the paths written."""
    base = site_url.rstrip("/") + "/"
    url_of = lambda e: f"{base}agenda/{e.id}/"  # noqa: E731
    ordered = sorted(events, key=lambda e: e.id)
    written: list[Path] = []
    for rel, e in feed_paths(ordered):
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(agenda_calendar(ordered, url_of, stamp_date) if e is None
                         else event_calendar(e, url_of(e), stamp_date))
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
