"""Rendering: contributor Markdown is sanitised; dates read as Dutch."""
from __future__ import annotations

import datetime as dt

import pytest

from macros.core.catalog import parse_moment
from macros.core.render.dates import event_when, long_date
from macros.core.render.markdown import SafeMarkdown

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<iframe src="https://example.org"></iframe>',
    "[klik](javascript:alert(1))",
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="JaVaScRiPt:alert(1)">klik</a>',
    '<div onclick="alert(1)">x</div>',
    "<svg><script>alert(1)</script></svg>",
    '<style>body{display:none}</style>',
    '<object data="x"></object>',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_never_reaches_the_page(text):
    html = str(SafeMarkdown()(text)).lower()
    for bad in ("<script", "onerror", "onclick", "<iframe", "javascript:", "<style", "<object", "data:text"):
        assert bad not in html


def test_markdown_keeps_ordinary_formatting_and_shifts_headings():
    html = str(SafeMarkdown()("# Kop\n\n**vet** en [link](https://example.org)\n\n- a\n- b"))
    assert "<h3" in html and "<h1" not in html
    assert "<strong>vet</strong>" in html and 'href="https://example.org"' in html and "<li>a</li>" in html
    assert 'rel="noopener noreferrer"' in html


def test_dutch_dates():
    assert long_date(dt.date(2019, 4, 12)) == "vrijdag 12 april 2019"
    assert event_when(parse_moment("2019-04-11T14:00"), parse_moment("2019-04-11T16:30")) == \
        "donderdag 11 april 2019, 14.00–16.30 uur"
    assert event_when(parse_moment("2019-09"), parse_moment("2019-11")) == "september–november 2019 (data nog niet bekend)"
    assert event_when(parse_moment("2019-06"), parse_moment("2019-06")) == "juni 2019 (dag nog niet bekend)"
    assert event_when(parse_moment("2019-06-13"), parse_moment("2019-06-13")) == "donderdag 13 juni 2019"


def test_a_month_only_date_in_the_past_says_the_day_is_not_known_not_not_yet_known():
    # Issue #12.3: nobody will fill in the day of a past meeting any more.
    assert event_when(parse_moment("2019-06"), parse_moment("2019-06"), past=True) == \
        "juni 2019 (datum in de maand niet bekend)"
    assert "nog niet" not in event_when(parse_moment("2019-09"), parse_moment("2019-11"), past=True)
