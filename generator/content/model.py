"""Model: every item in every language, with cross-references resolved.

The model is built once per build and is read-only afterwards. Items know
their language versions; :class:`View` presents one item in one language to
the theme, following references into views of the same language.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from generator.content.item import Item, _foreign  # noqa: F401  (Item is part of the model)
from generator.content.schema import AWARDED_STATUSES, CONTENT_TYPES, ContentType
from generator.content.settings import Settings
from generator.core.values import Ref, Text, last_day


class School(Item):
    @property
    def coordinator(self) -> Item | None:
        ref = self.get(self.site.default, "coordinator")
        return self.site.resolve(ref) if ref else None

    @property
    def meetings(self) -> list["Meeting"]:
        return [m for m in self.site.meetings if m.school is self]

    @property
    def grants(self) -> list[Item]:
        return [g for g in self.site.grants if self in g.schools]

    @property
    def news(self) -> list[Item]:
        return [n for n in self.site.news if self in n.schools]

    @property
    def milestone_progress(self) -> tuple[int, int]:
        """(done, total) over the milestones of the grants covering this school that concern it."""
        states = [m["state"] for g in self.grants for m in g.milestones_for(self, self.site.default)]
        return sum(1 for s in states if s == "done"), len(states)

    @property
    def staff(self) -> list[Item]:
        """Everyone else who serves the school (a nurse, a liaison, an interim coordinator), in
        the people directory's order: by role, then by name."""
        return [p for p in self.site.people if self in p.schools_served and p is not self.coordinator]

    @property
    def coordinator_hiring(self) -> bool:
        """True only when the school's file says the coordinator post is being filled: a school
        without a coordinator is not said to be hiring unless the district says so."""
        return bool(self.get(self.site.default, "coordinator_hiring"))

    def service_ids(self) -> list[str]:
        return [s["id"] for s in self.get(self.site.default, "services", [])]


class Person(Item):
    @property
    def schools_served(self) -> list[Item]:
        coordinated = [s for s in self.site.schools if s.coordinator is self]
        listed = [self.site.resolve(r) for r in self.get(self.site.default, "schools", [])]
        return coordinated + [s for s in listed if s not in coordinated]


class Council(Item):
    """A council or team (content/<lang>/councils/): its own name, school and members."""

    @property
    def school(self) -> Item | None:
        ref = self.get(self.site.default, "school")
        return self.site.resolve(ref) if ref else None


class Meeting(Item):
    @property
    def council(self) -> Council | None:
        """The council or team that meets (``body:``), or None for another gathering."""
        ref = self.get(self.site.default, "body")
        return self.site.resolve(ref) if ref else None

    @property
    def school(self) -> Item | None:
        """A body's meeting is at its body's school; another gathering names its own."""
        if self.council is not None:
            return self.council.school
        ref = self.get(self.site.default, "school")
        return self.site.resolve(ref) if ref else None

    @property
    def group(self) -> str:
        """Who meets, as a kind: the body's kind (COUNCIL_KINDS), else the file's group."""
        return (self.council or self).get(self.site.default, "kind" if self.council else "group")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.get(self.site.default, "timezone") or self.site.settings.timezone)

    def _aware(self, value: datetime) -> datetime:
        return value if value.tzinfo else value.replace(tzinfo=self.tz)

    @cached_property
    def start(self) -> datetime:
        return self._aware(self.get(self.site.default, "start"))

    @cached_property
    def end(self) -> datetime:
        end = self.get(self.site.default, "end")
        if isinstance(end, time):
            return datetime.combine(self.start.date(), end, tzinfo=self.start.tzinfo)
        return self._aware(end)

    # Aware datetimes that share a tzinfo subtract and compare as wall-clock times, which is
    # wrong across a daylight-saving change: arithmetic and ordering use these UTC instants.
    @property
    def start_utc(self) -> datetime:
        return self.start.astimezone(timezone.utc)

    @property
    def end_utc(self) -> datetime:
        return self.end.astimezone(timezone.utc)

    @property
    def duration(self) -> timedelta:
        """How long it lasts in real time (a DST change in between counts)."""
        return self.end_utc - self.start_utc

    @property
    def previous_starts(self) -> list[datetime]:
        """Every earlier start time, in the order of the moves (from ``previous_start``).

        Each entry is one move, even a move back to an earlier time (which may equal ``start``)."""
        prev = self.get(self.site.default, "previous_start") or []
        return [self._aware(value) for value in (prev if isinstance(prev, list) else [prev])]

    @property
    def previous_start(self) -> datetime | None:
        """The start time it was moved from most recently."""
        return self.previous_starts[-1] if self.previous_starts else None

    # -- calendars (see generator/calendar.py and docs/staff-guide.md) ----------

    @property
    def uid(self) -> str:
        """Never changes for a meeting: the file name (kept when a meeting moves) and the site's host."""
        host = urlsplit(self.site.settings.site_url).hostname or "portal"
        return f"{self.slug}@{host}"

    @property
    def sequence(self) -> int:
        """Calendar SEQUENCE, which must rise at every change a family's calendar must pick up
        and never fall.

        Worked out from the facts, so that staff editing them by hand raise it too: two per
        earlier start time (``previous_start``) and two per reinstatement (``reinstated``), plus
        one while cancelled or postponed. Moving raises it by 2 (by 1 from cancelled or
        postponed), cancelling or postponing by 1, putting a meeting back (``reinstated`` +1) by 1.
        The changes those facts cannot count (cancelled to postponed or back, minutes added)
        raise the recorded ``revision``, which is added as it is; without it, it is 0, so the
        meetings written before it keep their numbers.
        """
        reinstated = self.get(self.site.default, "reinstated") or 0
        revision = self.get(self.site.default, "revision") or 0
        return (revision + 2 * len(self.previous_starts) + 2 * reinstated
                + (1 if self.is_called_off else 0))

    @property
    def is_called_off(self) -> bool:
        """Cancelled or postponed: it will not take place at its time."""
        return self.status in ("cancelled", "postponed")

    @property
    def attendance_mode(self) -> str:
        """offline, online or mixed."""
        here = self.get(self.site.default, "location") is not None
        online = self.get(self.site.default, "online") is not None
        return "mixed" if here and online else ("online" if online else "offline")

    @property
    def address(self) -> str | None:
        """The street address: the meeting's own, else its school's."""
        loc = self.get(self.site.default, "location")
        if loc is None:
            return None
        if loc.get("address"):
            return loc["address"]
        if self.school is not None:
            a = self.school.get(self.site.default, "address")
            return f"{a['street']}, {a['city']}, {a['state']} {a['postal_code']}"
        return None

    @property
    def body_key(self) -> str:
        """Who meets, as a calendar's file name: the body's file name, else school and group."""
        if self.council is not None:
            return self.council.slug
        group = self.group.replace("_", "-")
        return f"{self.school.slug}-{group}" if self.school is not None else group

    @property
    def request_deadline(self) -> date | None:
        """The last day to ask for accommodations: ``supports.request_days`` before the meeting,
        moved back to the Friday when that falls on a weekend, since nobody is in the office
        on Saturday or Sunday to arrange an interpreter or childcare."""
        days = (self.get(self.site.default, "supports") or {}).get("request_days")
        if not days:
            return None
        day = self.start.date() - timedelta(days=days)
        return day - timedelta(days=max(0, day.weekday() - 4))  # Saturday -1, Sunday -2

    @property
    def ends_another_day(self) -> bool:
        return self.end.date() != self.start.date()

    def notice_posted_at(self, lang: str) -> datetime | None:
        """When the notice went out in ``lang``, or None if it has not (no file in that language).

        A language's file without ``notice_posted`` shares the other files' time.
        """
        if not self.has_file(lang):
            return None
        posted = self.get(lang, "notice_posted")
        return self._aware(posted) if posted else None

    @property
    def status(self) -> str:
        return self.get(self.site.default, "status", "scheduled")

    @property
    def is_past(self) -> bool:
        return self.end_utc <= self.site.now.astimezone(timezone.utc)

    @property
    def has_ended(self) -> bool:
        """Held and over: past, and neither cancelled nor postponed (those never took place)."""
        return self.is_past and not self.is_called_off

    @property
    def state(self) -> str:
        """The one state every page, card, calendar and flyer shows: cancelled or postponed (it
        will not take place), ended (held and over by the build's "now"), rescheduled (moved and
        still to come) or scheduled. Templates read this instead of testing ``status`` each."""
        if self.is_called_off:
            return self.status
        return "ended" if self.is_past else self.status

    @property
    def invites(self) -> bool:
        """Still worth coming to: only then do pages offer supports, join details, the
        accommodation deadline and "add to my calendar"."""
        return self.state in ("scheduled", "rescheduled")

    @property
    def has_minutes(self) -> bool:
        """Staff say the body holds the minutes (``minutes: true``)."""
        return bool(self.get(self.site.default, "minutes"))

    @property
    def month_key(self) -> str:
        return self.start.strftime("%Y-%m")

    @property
    def is_district_wide(self) -> bool:
        return self.school is None


class Grant(Item):
    @property
    def schools(self) -> list[Item]:
        return [self.site.resolve(r) for r in self.get(self.site.default, "schools", [])]

    @property
    def status(self) -> str:
        return self.get(self.site.default, "status", "awarded")

    @property
    def is_awarded(self) -> bool:
        """Money the district has (awarded, active, completed): the only grants totals count."""
        return self.status in AWARDED_STATUSES

    def milestone_state(self, milestone: dict) -> str:
        """done, in_progress, planned or late (past due and not done, on the build's "now"; a
        milestone due in a month is late only once that month is over)."""
        status = milestone.get("status", "planned")
        due = milestone.get("due")
        if status != "done" and due and last_day(due) < self.site.today:
            return "late"
        return status

    def milestones_for(self, school: Item, lang: str) -> list[dict]:
        """The milestones that concern ``school``: those for every school, and its own. None while
        the grant is not awarded: a plan in an application is not yet the school's work."""
        if not self.is_awarded:
            return []
        out = []
        for m in self.get(lang, "milestones", []):
            ref = m.get("school")
            if ref is None or self.site.resolve(ref) is school:
                out.append({**m, "state": self.milestone_state(m), "grant": self})
        return out

    def milestones_by_step(self, lang: str) -> list[tuple[str | None, list[dict]]]:
        """Milestones grouped by step (None: no step), each with its state, in the order of
        the steps in portal.yml (milestone_steps)."""
        groups: dict = {}
        for m in self.get(lang, "milestones", []):
            groups.setdefault(m.get("step"), []).append({**m, "state": self.milestone_state(m)})
        return sorted(groups.items(), key=lambda kv: self.site.settings.milestone_steps.position(kv[0]))

    @property
    def progress(self) -> tuple[int, int]:
        milestones = self.get(self.site.default, "milestones", [])
        return sum(1 for m in milestones if m.get("status") == "done"), len(milestones)


class News(Item):
    @property
    def schools(self) -> list[Item]:
        return [self.site.resolve(r) for r in self.get(self.site.default, "schools", [])]

    @property
    def grants(self) -> list[Item]:
        return [self.site.resolve(r) for r in self.get(self.site.default, "grants", [])]

    @property
    def date(self) -> date:
        return self.get(self.site.default, "date")

    @property
    def is_draft(self) -> bool:
        return bool(self.get(self.site.default, "draft"))

    @property
    def is_embargoed(self) -> bool:
        """Dated after the build's "now" (district time): not public until a build on or after that day."""
        return self.date > self.site.today

    @property
    def is_published(self) -> bool:
        return not self.is_draft and not self.is_embargoed


class Page(Item):
    pass


class Home(Item):
    """The home page's own file: its heading, introduction and the sections it shows."""

    @property
    def path(self) -> str:
        return ""

    def title(self, lang: str) -> Text:
        """The heading, or the district's name for a home file that gives none (as the page does)."""
        s = self.site.settings
        return self.get(lang, "heading") or s.localized(s.district_name, lang)


ITEM_CLASSES: dict[str, type[Item]] = {
    "schools": School, "people": Person, "councils": Council, "meetings": Meeting,
    "grants": Grant, "news": News, "pages": Page, "home": Home,
}


@dataclass(eq=False)
class Site:
    settings: Settings
    now: datetime
    items: dict[str, dict[str, Item]]
    drafts: bool = False
    images: Any = None  # generator.content.images.ImageLibrary: processed photos, set by the rules step

    @property
    def default(self) -> str:
        return self.settings.default_language

    @property
    def today(self) -> date:
        """The build's "now" as a date in the district's time zone."""
        return self.now.astimezone(ZoneInfo(self.settings.timezone)).date()

    @property
    def day_started(self) -> datetime:
        """Midnight UTC of the build's day: the time a file dates itself by when nothing in it
        has a date of its own (a calendar's DTSTAMP, an empty feed's update), so that it
        changes once a day and not at every build (generator.site.last_build)."""
        return datetime.combine(self.now.astimezone(timezone.utc).date(), time(0), timezone.utc)

    @property
    def languages(self) -> list[str]:
        return self.settings.language_codes

    def forget_lists(self) -> None:
        """Drop the cached sorted lists (after items were added or removed)."""
        for name in ("schools", "people", "councils", "meetings", "upcoming_meetings", "past_meetings",
                     "grants", "news", "pages"):
            self.__dict__.pop(name, None)

    def resolve(self, ref: Ref) -> Item:
        return self.items[ref.collection][ref.slug]

    def all_items(self) -> list[Item]:
        return [i for coll in self.items.values() for i in coll.values()]

    @cached_property
    def schools(self) -> list[School]:
        order = {lvl: i for i, lvl in enumerate(CONTENT_TYPES["schools"].by_name["level"].type._choices)}
        return sorted(self.items["schools"].values(),
                      key=lambda s: (order.get(s.get(self.default, "level"), 99), s.title(self.default)))

    @cached_property
    def people(self) -> list[Person]:
        roles = CONTENT_TYPES["people"].by_name["role"].type._choices
        rank = {"manager": 0, "coordinator": 1}
        return sorted(self.items["people"].values(),
                      key=lambda p: (rank.get(p.get(self.default, "role"), 2 + roles.index(p.get(self.default, "role"))),
                                     p.title(self.default)))

    @property
    def managers(self) -> list[Person]:
        """The district's community schools managers: whom a school without a coordinator
        points families to (before the district office's own contact)."""
        return [p for p in self.people if p.get(self.default, "role") == "manager"]

    @cached_property
    def councils(self) -> list[Council]:
        """District bodies first, then by school and name."""
        return sorted(self.items["councils"].values(), key=lambda c: (
            str(c.school.title(self.default)) if c.school else "", c.title(self.default)))

    @cached_property
    def meetings(self) -> list[Meeting]:
        return sorted(self.items["meetings"].values(), key=lambda m: (m.start_utc, m.slug))

    @cached_property
    def upcoming_meetings(self) -> list[Meeting]:
        return [m for m in self.meetings if not m.is_past]

    @cached_property
    def past_meetings(self) -> list[Meeting]:
        return [m for m in reversed(self.meetings) if m.is_past]

    @cached_property
    def grants(self) -> list[Grant]:
        return sorted(self.items["grants"].values(),
                      key=lambda g: (g.get(self.default, "awarded") or date.min), reverse=True)

    @cached_property
    def news(self) -> list[News]:
        return sorted(self.items["news"].values(), key=lambda n: (n.date, n.slug), reverse=True)

    @cached_property
    def pages(self) -> list[Page]:
        return sorted(self.items["pages"].values(),
                      key=lambda p: (p.get(self.default, "order", 100), p.slug))

    @property
    def home(self) -> Home | None:
        """The home file, if the district wrote one (content/<lang>/home.md)."""
        return self.items.get("home", {}).get("home")

    def next_meeting(self, school: Item | None = None) -> Meeting | None:
        for m in self.upcoming_meetings:
            if m.status in ("cancelled", "postponed"):
                continue
            if school is None or m.school is school:
                return m
        return None
