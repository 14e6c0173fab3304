"""iCalendar feeds: valid RFC 5545 read by two independent parsers, right offsets across DST."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import vobject

from macros.core.catalog import load_catalog
from macros.core.feeds.ical import write_feeds
from tests.helpers import DATA, event, write_record


def _feeds(data_dir: Path, tmp: Path) -> Path:
    cat = load_catalog(data_dir)
    write_feeds(list(cat.events.values()), tmp, "https://example.test/", dt.date(2026, 11, 23))
    return tmp / "agenda"


def test_every_event_appears_once_in_agenda_ics_and_has_its_own_file(tmp_path):
    cat = load_catalog(DATA)
    out = _feeds(DATA, tmp_path)
    cal = icalendar.Calendar.from_ical((out / "agenda.ics").read_bytes())
    uids = [str(c["UID"]) for c in cal.walk("VEVENT")]
    assert sorted(uids) == sorted(f"{i}@kennisbank-arbeidsmigratie" for i in cat.events)
    for eid in cat.events:
        one = icalendar.Calendar.from_ical((out / f"{eid}.ics").read_bytes())
        assert [str(c["UID"]) for c in one.walk("VEVENT")] == [f"{eid}@kennisbank-arbeidsmigratie"]


def test_feeds_are_rfc5545_shaped_and_read_by_vobject(tmp_path):
    out = _feeds(DATA, tmp_path)
    for path in out.glob("*.ics"):
        raw = path.read_bytes()
        assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
        assert b"\n" not in raw.replace(b"\r\n", b"")  # only CRLF line ends
        assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded lines
        parsed = vobject.readOne(raw.decode("utf-8"))
        assert parsed.vevent.uid.value.endswith("@kennisbank-arbeidsmigratie")
        for ev in parsed.vevent_list:
            assert ev.dtstamp.value is not None


def test_uids_are_stable_between_builds(tmp_path):
    a = _feeds(DATA, tmp_path / "a").joinpath("agenda.ics").read_bytes()
    b = _feeds(DATA, tmp_path / "b").joinpath("agenda.ics").read_bytes()
    assert a == b


def test_dst_winter_and_summer_events_get_the_right_utc_offset(data_dir, tmp_path):
    write_record(data_dir, "evenementen", "winter", event(start="2030-01-15T14:00", einde="2030-01-15T16:00"))
    write_record(data_dir, "evenementen", "zomer", event(start="2030-07-15T14:00", einde="2030-07-15T16:00"))
    out = _feeds(data_dir, tmp_path)
    cal = icalendar.Calendar.from_ical((out / "agenda.ics").read_bytes())
    starts = {str(c["UID"]).split("@")[0]: c.decoded("DTSTART") for c in cal.walk("VEVENT")}
    assert starts["winter"].astimezone(dt.UTC).hour == 13
    assert starts["zomer"].astimezone(dt.UTC).hour == 12
    assert b"BEGIN:VTIMEZONE" in (out / "agenda.ics").read_bytes()
    v = vobject.readOne((out / "zomer.ics").read_text())
    assert v.vevent.dtstart.value.utcoffset() == dt.timedelta(hours=2)
    v = vobject.readOne((out / "winter.ics").read_text())
    assert v.vevent.dtstart.value.utcoffset() == dt.timedelta(hours=1)


def test_cancelled_event_has_status_cancelled(data_dir, tmp_path):
    write_record(data_dir, "evenementen", "afgelast", event(status="geannuleerd"))
    out = _feeds(data_dir, tmp_path)
    [ev] = icalendar.Calendar.from_ical((out / "afgelast.ics").read_bytes()).walk("VEVENT")
    assert ev["STATUS"] == "CANCELLED"


def _one(data_dir: Path, tmp: Path, eid: str) -> icalendar.Event:
    [ev] = icalendar.Calendar.from_ical((_feeds(data_dir, tmp) / f"{eid}.ics").read_bytes()).walk("VEVENT")
    return ev


def test_a_period_of_months_is_one_all_day_event_on_its_first_day_not_a_three_month_block(data_dir, tmp_path):
    # Issue #12.4: "regiotafels september-november" must not fill a subscriber's calendar for 3 months.
    write_record(data_dir, "evenementen", "najaar", event(start="2030-09", einde="2030-11"))
    ev = _one(data_dir, tmp_path, "najaar")
    assert ev.decoded("DTSTART") == dt.date(2030, 9, 1) and ev.decoded("DTEND") == dt.date(2030, 9, 2)
    assert "september–november 2030" in str(ev["SUMMARY"])
    assert "september–november 2030" in str(ev["DESCRIPTION"]) and "eerste dag" in str(ev["DESCRIPTION"])
    assert ev["STATUS"] == "TENTATIVE"


def test_a_single_month_is_one_all_day_event_with_the_month_in_the_title(data_dir, tmp_path):
    write_record(data_dir, "evenementen", "juni", event(start="2030-06", einde="2030-06"))
    ev = _one(data_dir, tmp_path, "juni")
    assert ev.decoded("DTEND") - ev.decoded("DTSTART") == dt.timedelta(days=1)
    assert "juni 2030" in str(ev["SUMMARY"])


def test_planned_dates_are_tentative_never_confirmed_and_only_held_events_are_confirmed(data_dir, tmp_path):
    # Issue #12.3: a planned date is not a confirmed one.
    write_record(data_dir, "evenementen", "gepland", event(status="gepland"))
    write_record(data_dir, "evenementen", "verplaatst", event(status="verplaatst"))
    write_record(data_dir, "evenementen", "gehouden", event(status="gehouden", start="2019-04-12", einde="2019-04-12"))
    assert _one(data_dir, tmp_path / "a", "gepland")["STATUS"] == "TENTATIVE"
    assert _one(data_dir, tmp_path / "b", "verplaatst")["STATUS"] == "TENTATIVE"
    assert _one(data_dir, tmp_path / "c", "gehouden")["STATUS"] == "CONFIRMED"


def test_real_feed_has_no_confirmed_event_without_a_source_that_it_was_held(tmp_path):
    cat = load_catalog(DATA)
    cal = icalendar.Calendar.from_ical((_feeds(DATA, tmp_path) / "agenda.ics").read_bytes())
    for c in cal.walk("VEVENT"):
        e = cat.events[str(c["UID"]).split("@")[0]]
        assert (c["STATUS"] == "CONFIRMED") == (e.status == "gehouden"), e.id


def test_descriptions_are_reflowed_paragraphs_not_the_yaml_line_breaks(data_dir, tmp_path):
    text = "Een eerste zin die in de YAML\nover twee regels loopt.\n\nTweede alinea:\n\n- punt een\n- punt twee\n"
    write_record(data_dir, "evenementen", "tekst", event(beschrijving=text))
    desc = str(_one(data_dir, tmp_path, "tekst")["DESCRIPTION"])
    assert "Een eerste zin die in de YAML over twee regels loopt." in desc
    assert "- punt een\n- punt twee" in desc
    assert "YAML\nover" not in desc
