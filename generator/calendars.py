"""Calendars: .ics files (RFC 5545, written with the icalendar library) and calendar links.

Every language gets, under ``calendar/`` (``/es/calendar/`` for Spanish...):

* ``meetings/<slug>.ics``   one meeting ("Add to calendar");
* ``schools/<slug>.ics``    every meeting at a school;
* ``bodies/<body>.ics``     every meeting of one body (a school's council, the district council);
* ``district.ics``          every meeting in the district.

SUMMARY, DESCRIPTION and LOCATION are in the file's language. A meeting keeps
its UID forever (its file name, which staff keep when a meeting moves, at the
site's host); SEQUENCE is two per earlier start time (``previous_start``) and
per reinstatement (``reinstated``), plus one while cancelled or postponed
(Meeting.sequence), so every documented staff edit raises it. A
cancelled meeting stays in every calendar with STATUS:CANCELLED. DTSTAMP is
the build's "now" (``--now`` / SOURCE_DATE_EPOCH keep builds reproducible).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timezone
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText

from .derive import OutputFile
from .i18n import Formatter
from .inline_markdown import plain_text
from .model import Meeting, Site
from .views import lang_prefix

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


def page_url(site: Site, m: Meeting, lang: str) -> str:
    return site.settings.site_url + lang_prefix(site, lang) + m.path


# -- words ---------------------------------------------------------------------------


class Words:
    """A meeting's texts in one language, shared by the .ics files and the calendar links."""

    def __init__(self, site: Site, lang: str, t):
        self.site, self.lang, self.t = site, lang, t
        self.fmt = Formatter(lang, ZoneInfo(site.settings.timezone), t)

    def name(self, m: Meeting) -> str:
        """The body that meets: 'Site advisory council · Lincoln'."""
        name = self.t(f"groups.{m.get(self.lang, 'group')}")
        if m.school is not None:
            s = m.school
            name += " · " + str(s.get(self.lang, "short_name") or s.title(self.lang))
        return name

    def title(self, m: Meeting) -> str:
        title = m.get(self.lang, "title")
        name = self.name(m)
        return f"{title} ({name})" if title else name

    def summary(self, m: Meeting) -> str:
        title = self.title(m)
        if m.is_called_off:
            return self.t(f"meeting_notice.summary_{m.status}", title=title)
        return title

    def when(self, m: Meeting) -> str:
        end = self.fmt.time(m.end) if not m.ends_another_day else self.fmt.datetime(m.end)
        return f"{self.fmt.datetime(m.start)} – {end} ({self.fmt.tz_name(m.start)})"

    def location(self, m: Meeting) -> str:
        loc = m.get(self.lang, "location") or {}
        parts = [str(loc[k]) for k in ("place", "room") if loc.get(k)]
        if m.address:
            parts.append(m.address)
        if parts:
            return ", ".join(parts)
        online = m.get(self.lang, "online")
        return online["url"] if online else ""

    def supports(self, m: Meeting) -> list[str]:
        s = m.get(self.lang, "supports") or {}
        out = []
        if s.get("interpretation"):
            out.append(self.t("meetings.interpretation", languages=", ".join(
                self.fmt.language_name(c) for c in s["interpretation"])))
        if s.get("childcare"):
            out.append(self.t("meetings.childcare"))
        if s.get("food"):
            out.append(self.t("meetings.food"))
        return out

    def accommodations(self, m: Meeting) -> str:
        c = (m.get(self.lang, "supports") or {}).get("accessibility_contact")
        if not c:
            return ""
        how = ", ".join(str(c[k]) for k in ("email", "phone") if c.get(k))
        who = f"{c['name']} ({how})" if how else str(c["name"])
        if m.request_deadline:
            return self.t("meeting_notice.accommodations_by", name=who,
                          date=self.fmt.date(m.request_deadline, "full"))
        return self.t("meeting_notice.accommodations", name=who)

    def description(self, m: Meeting) -> str:  # noqa: C901 (a flat list of optional parts)
        t = self.t
        lines = []
        if m.status != "scheduled":
            status = t(f"status.{m.status}") + "."
            if m.status == "rescheduled" and m.previous_start:
                status += " " + _sentence(t("meetings.moved_from", date=self.fmt.date(m.previous_start, "full"),
                                            time=self.fmt.time(m.previous_start)))
            note = m.get(self.lang, "status_note")
            lines += [f"{status} {note}" if note else status, ""]
        lines.append(self.name(m))
        lines.append(f"{t('meetings.when')}: {self.when(m)}")
        where = self.location(m) if m.get(self.lang, "location") else ""
        if where:
            lines.append(f"{t('meetings.where')}: {where}")
        online = m.get(self.lang, "online")
        if online:
            lines.append(f"{t('meetings.online')}: {online['url']}")
            for key, label in (("phone", "meetings.join_by_phone"), ("meeting_id", "meetings.meeting_id"),
                               ("passcode", "meetings.passcode")):
                if online.get(key):
                    lines.append(f"{t(label)}: {online[key]}")
        agenda = m.get(self.lang, "agenda") or []
        if agenda:
            lines += ["", t("meetings.agenda") + ":"] + [f"{i}. {plain_text(a)}" for i, a in enumerate(agenda, 1)]
        supports = self.supports(m)
        if supports:
            lines += ["", t("meetings.supports") + ": " + "; ".join(supports)]
        acc = self.accommodations(m)
        if acc:
            lines.append(acc)
        lines += ["", page_url(self.site, m, self.lang)]
        return "\n".join(lines)


# -- .ics ------------------------------------------------------------------------------


def event(site: Site, m: Meeting, words: Words) -> Event:
    ev = Event()
    ev.add("uid", m.uid)
    ev.add("dtstamp", site.now.astimezone(timezone.utc))
    ev.add("dtstart", m.start)
    ev.add("dtend", m.end)
    ev.add("sequence", m.sequence)
    ev.add("status", STATUS[m.status])
    ev.add("summary", words.summary(m))
    ev.add("description", words.description(m))
    location = words.location(m)
    if location:
        ev.add("location", location)
    ev.add("url", page_url(site, m, words.lang))
    ev.add("categories", [words.t(f"groups.{m.get(site.default, 'group')}")])
    ev.add("class", "PUBLIC")
    ev.add("transp", "TRANSPARENT" if m.is_called_off else "OPAQUE")
    return ev


def calendar(site: Site, meetings: list[Meeting], words: Words, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", site.settings.timezone)
    cal.add("refresh-interval", vText("PT12H"), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")
    for m in meetings:
        cal.add_component(event(site, m, words))
    years = [m.start.year for m in meetings] + [m.end.year for m in meetings] or [site.now.year]
    cal.add_missing_timezones(first_date=date(min(years), 1, 1), last_date=date(max(years) + 1, 1, 1))
    return cal.to_ical()


def bodies(site: Site) -> dict[str, list[Meeting]]:
    out: dict[str, list[Meeting]] = {}
    for m in site.meetings:
        out.setdefault(m.body_key, []).append(m)
    return out


def calendar_files(site: Site, messages_for) -> list[OutputFile]:
    files = []
    by_school: dict[str, list[Meeting]] = {s.slug: [] for s in site.schools}
    for m in site.meetings:
        if m.school is not None:
            by_school[m.school.slug].append(m)
    for lang in site.languages:
        t = messages_for(lang)
        words = Words(site, lang, t)
        district = site.settings.localized(site.settings.district_name, lang)

        def add(rel, meetings, name):
            files.append(OutputFile(rel, calendar(site, meetings, words, name), lang, "calendars"))

        for m in site.meetings:
            add(meeting_ics(m.slug), [m], words.title(m))
        for school in site.schools:
            add(school_ics(school.slug), by_school[school.slug],
                t("meeting_notice.calendar_of", name=str(school.title(lang))))
        for key, meetings in bodies(site).items():
            add(body_ics(key), meetings, t("meeting_notice.calendar_of", name=words.name(meetings[0])))
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


def _sentence(text: str) -> str:
    """End a sentence with a full stop, unless it already ends with one ('5:30 p. m.')."""
    return text if text.endswith((".", "!", "?")) else text + "."
