"""Calendar and contact-card text always goes through escaping: no value can add a property.

The content is checked for control characters when it is read; these tests put
them straight into the model, because each output must be safe on its own.
"""
from __future__ import annotations

import re

import pytest
import vobject
from icalendar import Calendar, vText

from generator.content.pipeline import build_site
from generator.core.i18n import Messages
from generator.core.plaintext import line_safe_text
from generator.outputs import calendars
from generator.outputs.calendars import calendar_files
from generator.outputs.vcard import render
from support import EXAMPLE_NOW

# A bare CR, LF, CRLF, the characters with a meaning in a value, and unprintable ones.
HOSTILE = "Budget\rX-INJECTED:cr\nsecond; line, with \\ a slash\r\nX-INJECTED:crlf\x0b\x00\ud800 end"


@pytest.fixture
def site(project):
    site, _ = build_site(project.root, now=EXAMPLE_NOW)
    return site


def lenient_lines(text: str) -> list[str]:
    """The lines a careless reader sees: a new line at any CR or LF, folded lines joined."""
    lines: list[str] = []
    for line in re.split(r"\r\n|\r|\n", text):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def text_of(value) -> str:
    """A TEXT value as a calendar app shows it (icalendar leaves X- properties escaped:
    undo RFC 5545's escapes here)."""
    if isinstance(value, vText):
        return str(value)
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), str(value))


def test_meeting_titles_cannot_add_calendar_properties(site, monkeypatch):
    # The title is changed in memory, not in its file, where the events' cache would see it.
    monkeypatch.setattr(calendars, "_MADE", {})
    monkeypatch.setattr(calendars.Events, "_kept", lambda self, key: None)
    meeting = site.items["meetings"]["2026-12-08-alder-sac"]
    for lang in site.languages:
        meeting.data[lang]["title"] = HOSTILE
    files = calendar_files(site, lambda lang: Messages(lang, site.default))
    assert files
    for f in files:
        raw = f.data.decode("utf-8")
        assert not re.search(r"\r(?!\n)|(?<!\r)\n", raw), f"{f.rel}: only CRLF ends a line"
        assert not any(line.startswith("X-INJECTED") for line in lenient_lines(raw)), f.rel
        cal = Calendar.from_ical(f.data)
        assert "X-INJECTED" not in cal and all("X-INJECTED" not in ev for ev in cal.walk("VEVENT"))
        if "/meetings/" in f.rel:
            title = line_safe_text(HOSTILE)
            for value in (cal["X-WR-CALNAME"], cal["NAME"], cal.walk("VEVENT")[0]["SUMMARY"]):
                assert text_of(value).startswith(title), "the title reads back as written"


def test_names_cannot_add_contact_card_properties(site):
    person = site.items["people"]["ana-ruiz"]
    for lang in site.languages:
        person.data[lang]["name"] = "Ana\rX-INJECTED:cr\nRuiz; Jr, \\ \x0b\x00\ud800"
        person.data[lang]["office_hours"] = "Mondays\r\nX-INJECTED:crlf"
    for lang in site.languages:
        text = render(site, person, lang)
        assert not re.search(r"\r(?!\n)|(?<!\r)\n", text), "only CRLF ends a line"
        assert not any(line.startswith("X-INJECTED") for line in lenient_lines(text))
        card = vobject.readOne(text)
        assert "x-injected" not in card.contents
        assert card.fn.value == "Ana\nX-INJECTED:cr\nRuiz; Jr, \\ ", "the name reads back as written"
        assert "Mondays\nX-INJECTED:crlf" in card.note.value


@pytest.mark.parametrize("text, expected", [
    ("a\rb", "a\nb"), ("a\r\nb", "a\nb"), ("a\nb", "a\nb"), ("a\u2028b", "a\nb"),
    ("tab\tkept", "tab\tkept"), ("\x00\x0b\x1f\x7f\x9f\ud800x", "x"), ("ñ ¿¡ 東京", "ñ ¿¡ 東京"),
])
def test_plain_text_keeps_newlines_and_tabs_and_drops_other_control_characters(text, expected):
    assert line_safe_text(text) == expected
