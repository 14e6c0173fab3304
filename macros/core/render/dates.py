"""Dutch date formatting without the system locale ("donderdag 12 april 2019, 14.00–16.30 uur")."""
from __future__ import annotations

import datetime as dt

from ..catalog.models import Moment

DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def long_date(d: dt.date, weekday: bool = True) -> str:
    text = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{DAYS[d.weekday()]} {text}" if weekday else text


def month_name(month: int) -> str:
    return MONTHS[month - 1]


def _time(m: Moment) -> str:
    return f"{m.hour:02d}.{m.minute:02d}"


def event_when(start: Moment, end: Moment, past: bool = False) -> str:
    """The reader-facing date of an event, never more precise than the source.

    ``past``: the event is over. A month-only date then says the day "is not known" rather than
    "not yet known" (nobody will fill it in any more).
    """
    if start.precision == "maand":
        one_month = end == start or (end.year, end.month) == (start.year, start.month)
        if one_month:
            note = "datum in de maand niet bekend" if past else "dag nog niet bekend"
            return f"{month_name(start.month)} {start.year} ({note})"
        note = "datum in deze periode niet bekend" if past else "data nog niet bekend"
        return f"{period(start, end)} ({note})"
    if start.precision == "dag":
        if end.date == start.date:
            return long_date(start.date)
        return f"{long_date(start.date)} t/m {long_date(end.date)}"
    if end.date == start.date:
        return f"{long_date(start.date)}, {_time(start)}–{_time(end)} uur" if end != start \
            else f"{long_date(start.date)}, {_time(start)} uur"
    return f"{long_date(start.date)} {_time(start)} uur t/m {long_date(end.date)} {_time(end)} uur"


def period(start: Moment, end: Moment) -> str:
    """Months as words: 'juni 2019', 'september–november 2020', 'december 2019 – februari 2020'."""
    if (end.year, end.month) == (start.year, start.month):
        return f"{month_name(start.month)} {start.year}"
    if end.year == start.year:
        return f"{month_name(start.month)}–{month_name(end.month)} {start.year}"
    return f"{month_name(start.month)} {start.year} – {month_name(end.month)} {end.year}"


def iso(d: dt.date | dt.datetime) -> str:
    return d.isoformat()
