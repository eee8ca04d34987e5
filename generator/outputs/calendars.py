"""Calendars: .ics files (RFC 5545, written with the icalendar library) and calendar links.

Every language gets, under ``calendar/`` (``/es/calendar/`` for Spanish...):

* ``meetings/<slug>.ics``   one meeting ("Add to calendar");
* ``schools/<slug>.ics``    every meeting at a school;
* ``bodies/<body>.ics``     every meeting of one body: a council or team (by its file name), or
                            one other kind of gathering (``<school>-<group>``, or the group);
* ``district.ics``          every meeting in the district.

SUMMARY, DESCRIPTION and LOCATION are in the file's language. A meeting keeps
its UID forever (its file name, which staff keep when a meeting moves, at the
site's host); SEQUENCE is two per earlier start time (``previous_start``) and
per reinstatement (``reinstated``), plus one while cancelled or postponed,
plus the recorded ``revision`` (Meeting.sequence), so every documented staff
edit and every ``portal meeting`` command raises it. A
cancelled meeting stays in every calendar with STATUS:CANCELLED. DTSTAMP is
the start (UTC) of the build's day, from its "now" (``--now`` / SOURCE_DATE_EPOCH
keep builds reproducible): a calendar changes when its events do, or once a
day, not at every build, so that a rebuild with nothing new, on the clock too,
leaves site_src/ and the site as they are (generator.site.last_build).
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlencode

from icalendar import Calendar, Event, Timezone, vText

from generator.content.model import Item, Meeting, Site
from generator.core.cache import CACHE, note_used
from generator.core.plaintext import line_safe_text
from generator.core.version import code_version
from generator.derive.inputs import fingerprints
from generator.derive.meeting_text import Words, council_name, group_label, page_url
from generator.derive.once import per_build
from generator.derive.views import lang_prefix
from generator.outputs.file import OutputFile

PRODID = "-//portal//community schools meetings//EN"
STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "cancelled": "CANCELLED",
          "postponed": "TENTATIVE"}


def meeting_ics(slug: str) -> str:
    return f"calendar/meetings/{slug}.ics"


def school_ics(slug: str) -> str:
    return f"calendar/schools/{slug}.ics"


def body_ics(key: str) -> str:
    return f"calendar/bodies/{key}.ics"


DISTRICT_ICS = "calendar/district.ics"


@dataclass(frozen=True)
class Feed:
    """A calendar people can subscribe to, in one language."""

    rel: str  # path below the language root, e.g. calendar/district.ics
    href: str  # path below the site root, for links in pages (|url): es/calendar/district.ics
    https: str
    webcal: str
    google: str  # "add by URL" in Google Calendar


def feed(site: Site, lang: str, rel: str) -> Feed:
    https = site.settings.site_url + lang_prefix(site, lang) + rel
    webcal = "webcal://" + https.split("://", 1)[1]
    return Feed(rel, lang_prefix(site, lang) + rel, https, webcal,
                "https://calendar.google.com/calendar/render?cid=" + quote(webcal, safe=""))


def _text(value: str) -> vText:
    """A TEXT value, always through icalendar's escaping.

    icalendar escapes the properties it knows, but writes others (``NAME``,
    ``X-WR-CALNAME``) as given, where a carriage return would start a line of
    its own and a newline stops the build; ``line_safe_text`` first makes every line
    end a newline and drops other control characters."""
    return vText(line_safe_text(value))


def description(site: Site, m: Meeting, words: Words) -> str:
    """The meeting's description, and once it has minutes a link to them on its page: adding
    the minutes raises SEQUENCE (``revision``), so calendars that kept the meeting show the link."""
    text = words.description(m)
    if m.has_minutes:
        text += f"\n{words.t('meetings.minutes')}: {page_url(site, m, words.lang)}#notes"
    return text


def stamp(site: Site) -> datetime:
    """DTSTAMP: midnight UTC of the build's day (see the module's docstring)."""
    return site.day_started


def event(site: Site, m: Meeting, words: Words) -> Event:
    ev = Event()
    ev.add("uid", m.uid)
    ev.add("dtstamp", stamp(site))
    ev.add("dtstart", m.start)
    ev.add("dtend", m.end)
    ev.add("sequence", m.sequence)
    ev.add("status", STATUS[m.status])
    ev.add("summary", _text(words.summary(m)))
    ev.add("description", _text(description(site, m, words)))
    location = words.location(m)
    if location:
        ev.add("location", _text(location))
    ev.add("url", line_safe_text(page_url(site, m, words.lang)))
    ev.add("categories", [line_safe_text(group_label(m, words.lang))])
    ev.add("class", "PUBLIC")
    ev.add("transp", "TRANSPARENT" if m.is_called_off else "OPAQUE")
    return ev


# Events this process made or read, by cache folder and key: a preview's rebuild makes only
# the changed meetings' events, and reads no file again.
_MADE: dict[tuple[str, str], tuple[bytes, frozenset[str]]] = {}


class Events:
    """Every meeting's event in one language, built once and reused in every calendar that holds
    it (its own, its school's, its body's and the district's): the description is made from
    Markdown once per meeting and language, and each event is written out as text once.

    An event is kept in ``.cache/calendars/``, named by a hash of the meeting's fingerprint (the
    meeting, its body and school, and the site-wide parts, as for its page: generator.derive.
    inputs), the language, the day (DTSTAMP) and the generator's version, so the next build
    makes again only the events of the meetings that changed (generator.core.cache prunes it)."""

    def __init__(self, site: Site, words: Words):
        self.site, self.words = site, words
        self._done: dict[str, tuple[bytes, frozenset[str]]] = {}
        self._folder = Path(site.settings.root) / CACHE / "calendars"
        self._prints = fingerprints(site)
        self._base = f"{code_version()} {words.lang} {site.day_started.isoformat()} "

    def get(self, m: Meeting) -> tuple[bytes, frozenset[str]]:
        """The event's lines, and the time zones (TZID) its times are given in."""
        if m.slug not in self._done:
            key = hashlib.blake2b((self._base + self._prints.of(f"meetings/{m.slug}")).encode(),
                                  digest_size=16).hexdigest()
            self._done[m.slug] = (_MADE.get((str(self._folder), key)) or self._kept(key)
                                  or self._make(m, key))
            note_used(self.site, "calendars", [f"{key}.json"])
        return self._done[m.slug]

    def _kept(self, key: str) -> tuple[bytes, frozenset[str]] | None:
        try:
            kept = json.loads((self._folder / f"{key}.json").read_text(encoding="utf-8"))
            found = (kept["ics"].encode("utf-8"), frozenset(kept["tz"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        _MADE[str(self._folder), key] = found
        return found

    def _make(self, m: Meeting, key: str) -> tuple[bytes, frozenset[str]]:
        ev = event(self.site, m, self.words)
        tzids = {v.params.get("TZID") for _, v in ev.property_items(sorted=False)
                 if hasattr(v, "params")}
        made = (ev.to_ical(), frozenset(tzids - {None, "UTC"}))
        if len(_MADE) > 200_000:  # a preview running for weeks
            _MADE.clear()
        _MADE[str(self._folder), key] = made
        path = self._folder / f"{key}.json"
        try:  # written whole, then renamed: a build reading it sees all of it or nothing
            self._folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{key}.tmp{os.getpid()}")
            tmp.write_text(json.dumps({"ics": made[0].decode("utf-8"), "tz": sorted(made[1])}),
                           encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # no cache, then: the next build makes the event again
        return made


@lru_cache(maxsize=64)
def _timezone(tzid: str, first: date, last: date) -> bytes:
    """A VTIMEZONE covering first to last, as text, made once for every calendar spanning those
    years (empty for a zone icalendar does not know: add_missing_timezones leaves it out too)."""
    try:
        return Timezone.from_tzid(tzid, first_date=first, last_date=last).to_ical()
    except ValueError:
        return b""


BEGIN, END = b"BEGIN:VCALENDAR\r\n", b"END:VCALENDAR\r\n"


def _lines(cal: Calendar) -> bytes:
    """A calendar's property lines, without its BEGIN and END."""
    return cal.to_ical()[len(BEGIN):-len(END)]


@lru_cache(maxsize=8)
def _fixed(tzid: str) -> tuple[bytes, bytes]:
    """The property lines every calendar has alike: those before its name, and those after."""
    before, after = Calendar(), Calendar()
    before.add("prodid", PRODID)
    before.add("version", "2.0")
    before.add("calscale", "GREGORIAN")
    before.add("method", "PUBLISH")
    after.add("x-wr-timezone", tzid)
    after.add("refresh-interval", vText("PT12H"), parameters={"VALUE": "DURATION"})
    after.add("x-published-ttl", "PT12H")
    return _lines(before), _lines(after)


def calendar(site: Site, meetings: list[Meeting], events: Events, name: str) -> bytes:
    """A calendar of ``meetings``: its own properties and the time zones its events use
    (as icalendar's add_missing_timezones gives them, first), then the events' ready lines."""
    named = Calendar()
    named.add("name", _text(name))
    named.add("x-wr-calname", _text(name))
    before, after = _fixed(site.settings.timezone)
    ready = [events.get(m) for m in meetings]
    years = [m.start.year for m in meetings] + [m.end.year for m in meetings] or [site.now.year]
    first, last = date(min(years), 1, 1), date(max(years) + 1, 1, 1)
    zones = b"".join(_timezone(tzid, first, last) for tzid in sorted(set().union(*(t for _, t in ready))))
    return b"".join([BEGIN, before, _lines(named), after, zones, *(lines for lines, _ in ready), END])


@dataclass
class BodyCalendar:
    """The calendar of one body (``bodies/<key>.ics``): a council or team, or the meetings of one
    other kind of gathering (at one school, or in the district)."""

    key: str
    council: Item | None
    meetings: list[Meeting]

    @property
    def school(self) -> Item | None:
        return self.council.school if self.council is not None else self.meetings[0].school

    def name(self, words: Words) -> str:
        if self.council is not None:
            return str(council_name(self.council, words.lang))
        return words.name(self.meetings[0])


@per_build
def bodies(site: Site) -> list[BodyCalendar]:
    """Every body's calendar: each council and team (one with no meeting yet too, so that
    families can subscribe before its first), then each other gathering's. Made once per build:
    every school's page and the meeting lists name them."""
    out = {c.slug: BodyCalendar(c.slug, c, []) for c in site.councils}
    for m in site.meetings:
        out.setdefault(m.body_key, BodyCalendar(m.body_key, None, [])).meetings.append(m)
    return list(out.values())


def calendar_files(site: Site, messages_for) -> list[OutputFile]:
    files = []
    by_school: dict[str, list[Meeting]] = {s.slug: [] for s in site.schools}
    for m in site.meetings:
        if m.school is not None:
            by_school[m.school.slug].append(m)
    for lang in site.languages:
        t = messages_for(lang)
        words = Words(site, lang, t)
        events = Events(site, words)
        district = site.settings.localized(site.settings.district_name, lang)

        def add(rel, meetings, name):
            files.append(OutputFile(rel, calendar(site, meetings, events, name), lang, "calendars"))

        for m in site.meetings:
            add(meeting_ics(m.slug), [m], words.title(m))
        for school in site.schools:
            add(school_ics(school.slug), by_school[school.slug],
                t("meeting_notice.calendar_of", name=str(school.title(lang))))
        for body in bodies(site):
            add(body_ics(body.key), body.meetings, t("meeting_notice.calendar_of", name=body.name(words)))
        add(DISTRICT_ICS, site.meetings, t("meeting_notice.calendar_of", name=district))
    return files


# -- links -----------------------------------------------------------------------------


def google_link(site: Site, m: Meeting, words: Words) -> str:
    """An "add to Google Calendar" link (a plain link: nothing is loaded from Google)."""
    utc = "%Y%m%dT%H%M%SZ"
    query = {
        "action": "TEMPLATE",
        "text": words.summary(m),
        "dates": f"{m.start.astimezone(timezone.utc):{utc}}/{m.end.astimezone(timezone.utc):{utc}}",
        "ctz": str(m.tz.key),
        "details": f"{words.name(m)}\n{page_url(site, m, words.lang)}",
        "location": words.location(m),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query, quote_via=quote)
