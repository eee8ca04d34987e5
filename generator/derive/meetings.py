"""Meeting pages besides one per meeting, and what the theme needs to show meetings.

Pages (in every language):

* ``schools/<slug>/meetings/``        a school's meetings: upcoming first, then past by month;
* ``meetings/calendar/``              the months that have a calendar page;
* ``meetings/calendar/<YYYY-MM>/``    a month as a calendar, for every month with a meeting
                                      and the build's current month (so the count stays bounded);
* ``meetings/<slug>/flyer/``          a printable flyer with every language side by side, for
                                      each meeting that has not ended (``has_flyer``).

Files: documents that meetings list from ``content/files/`` are published at
``/files/...`` (once, for every language), and their size is shown.
"""
from __future__ import annotations

import calendar as pycal
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_day_names
from babel.units import format_unit

from generator.content.model import Meeting, Site
from generator.content.documents import document_files, document_path
from generator.core.i18n import babel_locale
from generator.derive.meeting_filter import by_body, by_school, choices_shown
from generator.derive.once import per_build
from generator.derive.page import PageSpec
from generator.derive.views import View

# -- pages -----------------------------------------------------------------------------


@per_build
def month_keys(site: Site) -> list[str]:
    """Months with a calendar page: every month with a meeting (or a date a meeting was moved
    from, which says where it went), and the current month."""
    now = site.now.astimezone(ZoneInfo(site.settings.timezone))
    moved = {f"{p:%Y-%m}" for m in site.meetings for p in m.previous_starts}
    return sorted({m.month_key for m in site.meetings} | moved | {f"{now:%Y-%m}"})


def month_date(key: str) -> date:
    year, month = key.split("-")
    return date(int(year), int(month), 1)


def meeting_pages(site: Site, messages_for) -> list[PageSpec]:
    pages = []
    months = month_keys(site)
    for lang in site.languages:
        t = messages_for(lang)
        shown = choices_shown(site, lang)  # the filter above the school's meetings
        for school in site.schools:
            pages.append(PageSpec(lang, f"schools/{school.slug}/meetings.md", "school_meetings.html",
                                  t("meeting_notice.school_meetings", school=str(school.title(lang))),
                                  "item", "schools", school.slug,
                                  shows=(f"schools/{school.slug}", shown)))
        pages.append(PageSpec(lang, "meetings/calendar/index.md", "meetings_calendar.html",
                              t("meeting_notice.calendar_title"), "calendar", "meetings",
                              shows=("meetings",)))
        for key in months:
            pages.append(PageSpec(lang, f"meetings/calendar/{key}.md", "meetings_calendar.html",
                                  t("meeting_notice.calendar_title"), "calendar", "meetings",
                                  params=(("month", key),), shows=("meetings",)))
        for m in site.meetings:
            if has_flyer(m):
                pages.append(PageSpec(lang, f"meetings/{m.slug}/flyer.md", "meeting_flyer.html",
                                      t("meeting_notice.flyer_title"), "item", "meetings", m.slug,
                                      shows=(f"meetings/{m.slug}",)))
    return pages


def has_flyer(m: Meeting) -> bool:
    """A flyer is printed to be posted before a meeting: one that has ended has none, so a big
    district's years of past meetings do not each cost a page nobody prints."""
    return not m.is_past


# -- documents -------------------------------------------------------------------------


def published_path(site: Site, file: str) -> str | None:
    """Where a local document is published (files/agenda.pdf), or None for a link."""
    target = document_path(site, file)
    if target is None:
        return None
    return target.resolve().relative_to(site.settings.content_dir.resolve()).as_posix()


@dataclass
class Document:
    title: object
    href: str  # a path below the site root (local files) or a full address
    local: bool
    kind: str | None
    format: str | None  # PDF, DOCX...
    size: str | None  # "45 kB", in the page's language
    lang: str | None = None  # the language it is written in, when not the page's (None: the page's, or all)


FORMATS = {"pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv", "ppt", "pptx",
           "odp", "jpg", "jpeg", "png", "gif", "webp", "svg", "mp3", "m4a", "mp4", "zip", "epub"}


def file_format(name: str) -> str | None:
    """PDF, DOCX...: the format of a document people download (not of a web page)."""
    suffix = PurePosixPath(name.split("?", 1)[0].split("#", 1)[0]).suffix.lstrip(".").lower()
    return suffix.upper() if suffix in FORMATS else None


def human_size(size: int, lang: str) -> str:
    locale = babel_locale(lang)
    if size < 1000 * 1000:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=locale)
    return format_unit(round(size / 1000 / 1000, 1), "digital-megabyte", length="short", locale=locale)


def documents(m: Meeting, lang: str) -> list[Document]:
    """An item's documents as a page in ``lang`` lists them: each document's file in the page's
    language first, then its files in other languages; documents only in another language
    come after those the page's readers can read. A file in another language is titled in that
    language (its title from that language's file) and carries its language for the page to name."""
    site = m.site
    groups = []
    for i, doc in enumerate(m.get(lang, "documents", [])):
        files = sorted(document_files(doc), key=lambda pair: _language_order(site, lang, pair[0]))
        groups.append([_document(m, i, doc, lang, file_lang, file) for file_lang, file in files])
    groups.sort(key=lambda group: group[0].lang is not None)
    return [d for group in groups for d in group]


def _language_order(site: Site, lang: str, file_lang: str | None) -> tuple[int, int]:
    """The page's language (or every language) first, then the site's order, then the rest."""
    if file_lang in (None, lang):
        return (0, 0)
    order = site.languages
    return (1, order.index(file_lang) if file_lang in order else len(order))


def _document(m: Meeting, index: int, doc: dict, lang: str, file_lang: str | None, file: str) -> Document:
    site = m.site
    rel = published_path(site, file)
    size = human_size((site.settings.content_dir / rel).stat().st_size, lang) if rel else None
    title = doc["title"]
    if file_lang not in (None, lang) and file_lang in site.languages:
        title = m.get(file_lang, "documents", [])[index]["title"]
    return Document(title, rel or file, rel is not None, doc.get("kind"), file_format(file), size,
                    None if file_lang == lang else file_lang)


# -- lists: upcoming first, then past by month --------------------------------------------


@dataclass
class MonthGroup:
    key: str
    first: date
    meetings: list[View] = field(default_factory=list)


@dataclass
class Sections:
    upcoming: list[View]
    past: list[MonthGroup]


def sections(site: Site, lang: str, school=None, body: str | None = None) -> Sections:
    """Upcoming meetings (soonest first), then past ones by month (latest first), at build time:
    every meeting, or one school's, or one body's (``body``: its id on /meetings/bodies/...)."""
    if body is not None:
        meetings = [m for m in by_body(site).get(body, []) if school is None or m.school is school]
    elif school is not None:
        meetings = by_school(site).get(school.slug, [])
    else:
        meetings = site.meetings
    upcoming = [View(m, lang) for m in meetings if not m.is_past]
    past: dict[str, MonthGroup] = {}
    for m in reversed(meetings):
        if m.is_past:
            group = past.setdefault(m.month_key, MonthGroup(m.month_key, month_date(m.month_key)))
            group.meetings.append(View(m, lang))
    return Sections(upcoming, list(past.values()))


def next_meetings(site: Site, lang: str, school=None, count: int | None = None) -> list[View]:
    """The next meeting and, by default, every one after it that will take place: the browser
    shows the first that has not ended, so a page built long ago still finds the next one
    (a school or the district has only a few upcoming meetings)."""
    out = []
    for m in site.upcoming_meetings:
        if m.is_called_off or (school is not None and m.school is not school):
            continue
        out.append(View(m, lang))
        if count is not None and len(out) == count:
            break
    return out


# -- calendar month ----------------------------------------------------------------------


@dataclass
class Day:
    day: date | None
    meetings: list[View]
    moved: list[View] = field(default_factory=list)  # meetings moved away from this day ("Moved to ...")


@dataclass
class Month:
    key: str
    first: date
    weekdays: list[tuple[str, str]]  # (abbreviated, full) names, in the locale's week order
    weeks: list[list[Day]]
    days: list[Day]  # only days with meetings, for the list view
    prev: str | None
    next: str | None
    count: int


def week_locale(site: Site, lang: str):
    """The language as spoken where the district is (es + America/Los_Angeles: es_US, weeks
    starting on Sunday), for the first day of the week."""
    locale = babel_locale(lang)
    territory = get_global("zone_territories").get(site.settings.timezone)
    if territory and not locale.territory:
        try:
            return Locale.parse(f"{locale.language}_{territory}")
        except (ValueError, UnknownLocaleError):
            pass
    return locale


def month(site: Site, lang: str, key: str) -> Month:
    locale = babel_locale(lang)
    first_day = week_locale(site, lang).first_week_day  # 0 = Monday
    abbr = get_day_names("abbreviated", locale=locale)
    wide = get_day_names("wide", locale=locale)
    order = [(first_day + i) % 7 for i in range(7)]
    first = month_date(key)
    by_day: dict[date, list[View]] = {}
    moved: dict[date, list[View]] = {}
    held, moved_away = by_month(site)
    for m in held.get(key, []):
        by_day.setdefault(m.start.date(), []).append(View(m, lang))
    for old, m in moved_away.get(key, []):
        moved.setdefault(old, []).append(View(m, lang))
    weeks = []
    for week in pycal.Calendar(first_day).monthdatescalendar(first.year, first.month):
        weeks.append([Day(d, by_day.get(d, []), moved.get(d, [])) if d.month == first.month else Day(None, [])
                      for d in week])
    keys = month_keys(site)
    i = keys.index(key) if key in keys else -1
    return Month(key, first, [(abbr[d], wide[d]) for d in order], weeks,
                 [Day(d, by_day.get(d, []), moved.get(d, [])) for d in sorted(set(by_day) | set(moved))],
                 keys[i - 1] if i > 0 else None, keys[i + 1] if 0 <= i < len(keys) - 1 else None,
                 sum(len(v) for v in by_day.values()))


@per_build
def by_month(site: Site) -> tuple[dict[str, list[Meeting]], dict[str, list[tuple[date, Meeting]]]]:
    """Each month's meetings, and the days in it meetings were moved away from (each with the
    meeting), in the site's order: grouped once for every month's page."""
    held: dict[str, list[Meeting]] = {}
    moved_away: dict[str, list[tuple[date, Meeting]]] = {}
    for m in site.meetings:
        held.setdefault(m.month_key, []).append(m)
        for old in {p.date() for p in m.previous_starts}:
            if old != m.start.date():
                moved_away.setdefault(f"{old:%Y-%m}", []).append((old, m))
    return held, moved_away


def months(site: Site) -> list[date]:
    return [month_date(k) for k in month_keys(site)]


def current_month(site: Site) -> str:
    now = site.now.astimezone(ZoneInfo(site.settings.timezone))
    return f"{now:%Y-%m}"
