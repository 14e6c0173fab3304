"""Timed events read alike by ical.js (npm, run with node), vobject and icalendar in every year the
feed may cover, around both changeovers: the VTIMEZONE must not depend on a parser's reading of RDATE."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import icalendar
import pytest
import vobject

from macros.core.catalog import load_catalog
from macros.core.catalog.models import AMSTERDAM
from macros.core.feeds.ical import _last_sunday, rule_offset, write_feeds
from tests.helpers import REPO, event, write_record

ICALJS = REPO / "node_modules" / "ical.js" / "dist" / "ical.js"
YEARS = range(2019, 2041)

READER = """
const ICAL = (await import(process.argv[2])).default;
const fs = await import('node:fs');
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(process.argv[3], 'utf8')));
for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
const out = {};
for (const v of comp.getAllSubcomponents('vevent')) {
  const e = new ICAL.Event(v);
  out[e.uid.split('@')[0]] = [e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()];
}
console.log(JSON.stringify(out));
"""


def _moments() -> dict[str, tuple[dt.datetime, dt.datetime]]:
    """Per year: a winter and a summer afternoon, the first hours after each changeover."""
    out = {}
    for y in YEARS:
        spring, autumn = _last_sunday(y, 3), _last_sunday(y, 10)
        for name, start in (("winter", dt.datetime(y, 1, 15, 14)), ("zomer", dt.datetime(y, 7, 15, 14)),
                            ("voorjaar", dt.datetime.combine(spring, dt.time(3))),
                            ("voor-omschakeling", dt.datetime.combine(spring, dt.time(1, 30))),
                            ("najaar", dt.datetime.combine(autumn, dt.time(3))),
                            ("najaar-ochtend", dt.datetime.combine(autumn, dt.time(1, 30)))):
            out[f"{y}-{name}"] = (start, start + dt.timedelta(hours=2))
    return out


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> tuple[Path, dict[str, tuple[dt.datetime, dt.datetime]]]:
    tmp = tmp_path_factory.mktemp("ical")
    from tests.helpers import copy_data
    data = copy_data(tmp / "data", records=False)
    moments = _moments()
    for rid, (start, end) in moments.items():
        write_record(data, "evenementen", rid, event(start=f"{start:%Y-%m-%dT%H:%M}", einde=f"{end:%Y-%m-%dT%H:%M}"))
    cat = load_catalog(data)
    write_feeds(list(cat.events.values()), tmp / "site", "https://example.test/", dt.date(2026, 11, 24))
    return tmp / "site" / "agenda" / "agenda.ics", moments


def _utc(local: dt.datetime) -> str:
    return local.replace(tzinfo=AMSTERDAM).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_the_vtimezone_uses_rules_not_a_list_of_dates(feed):
    raw = feed[0].read_bytes()
    assert raw.count(b"BEGIN:VTIMEZONE") == 1 and b"RRULE:FREQ=YEARLY" in raw and b"RDATE" not in raw
    assert raw.index(b"BEGIN:VTIMEZONE") < raw.index(b"BEGIN:VEVENT")


def test_ical_js_reads_every_timed_event_at_the_right_utc_time(feed, tmp_path):
    if shutil.which("node") is None or not ICALJS.exists():
        pytest.fail("node of ical.js ontbreekt: draai 'npm ci'")
    script = tmp_path / "read.mjs"
    script.write_text(READER, encoding="utf-8")
    proc = subprocess.run(["node", str(script), ICALJS.as_uri(), str(feed[0])], capture_output=True, text=True,
                          timeout=60, check=True)
    read = json.loads(proc.stdout)
    wrong = {rid: (read[rid], [_utc(s), _utc(e)]) for rid, (s, e) in feed[1].items() if read[rid] != [_utc(s), _utc(e)]}
    assert not wrong, wrong


def test_vobject_and_icalendar_agree(feed):
    text = feed[0].read_text(encoding="utf-8")
    moments = feed[1]
    for ev in vobject.readOne(text).vevent_list:
        rid = ev.uid.value.split("@")[0]
        assert ev.dtstart.value.astimezone(dt.UTC) == moments[rid][0].replace(tzinfo=AMSTERDAM).astimezone(dt.UTC), rid
    for ev in icalendar.Calendar.from_ical(text).walk("VEVENT"):
        rid = str(ev["UID"]).split("@")[0]
        assert ev.decoded("DTSTART").astimezone(dt.UTC) == moments[rid][0].replace(tzinfo=AMSTERDAM).astimezone(dt.UTC), rid


def test_the_rule_matches_the_tz_database_hour_by_hour():
    for y in YEARS:
        t = dt.datetime(y, 1, 1)
        while t.year == y:
            local = t.replace(tzinfo=AMSTERDAM)
            back = local.astimezone(dt.UTC).astimezone(AMSTERDAM)
            if (back.hour, back.minute) == (t.hour, t.minute):  # skip the spring gap (refused by the loader)
                assert rule_offset(local) == local.utcoffset(), t
            t += dt.timedelta(hours=1)
