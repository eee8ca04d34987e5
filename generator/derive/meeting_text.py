"""A meeting's texts in one language (its name, title, time, place, supports), shared by the
.ics files, calendar links, JSON-LD and the theme.

A meeting's name is made here once (:func:`meeting_name`) and read by every page, card,
calendar, flyer and data block, so that families can tell meetings apart everywhere:
"Lincoln Site Advisory Council · Tue, Dec 8".
"""
from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from generator.content.model import Item, Meeting, Site
from generator.core.i18n import Formatter
from generator.core.inline_markdown import plain_text
from generator.core.values import Text
from generator.derive.views import lang_prefix


def page_url(site: Site, m: Meeting, lang: str) -> str:
    return site.settings.site_url + lang_prefix(site, lang) + m.path


# -- names ---------------------------------------------------------------------------

@dataclass(frozen=True)
class MeetingName:
    """How one meeting is named in one language.

    ``body`` is who meets, ``day`` the short day it meets (empty while postponed: a postponed
    meeting has no firm date), ``title`` the file's own title if it has one. Words keep their
    language (:class:`Text`), so a page can mark a name not yet translated."""

    body: Text
    day: str
    title: Text | None = None

    @property
    def default(self) -> str:
        """The name portal gives a meeting without a title: 'Lincoln Site Advisory Council · Tue, Dec 8'."""
        return f"{self.body} · {self.day}" if self.day else str(self.body)

    @property
    def heading(self) -> str:
        """What a page or card heads the meeting with: its own title, else the default name."""
        return str(self.title) if self.title else self.default

    @property
    def full(self) -> str:
        """A name that tells the meeting apart on its own (calendars, search results, the
        browser's tab): a title is followed by who meets."""
        return f"{self.title} ({self.body})" if self.title else self.default


def body_name(m: Meeting, lang: str) -> Text:
    """Who meets: the body's own name ('Lincoln Site Advisory Council', 'Mission Creek Leadership
    Team'), with the school's short name added if the name does not already say it; for a
    gathering that is not a body's meeting, the group and the school ('Family workshop · César
    Chávez'), or the group alone for a district one."""
    if m.council is not None:
        return council_name(m.council, lang)
    group, school = group_label(m, lang), m.school
    return Text(f"{group} · {_short(school, lang)}", lang) if school is not None else group


def council_name(council: Item, lang: str) -> Text:
    """A council's or team's own name, with its school's short name added if the name does not
    already say it, so that every school's 'Family council' can be told apart."""
    name, school = council.title(lang), council.school
    if school is None or _says_school(str(name), school):
        return name
    return Text(f"{name} · {_short(school, lang)}", name.lang)


def group_label(m: Meeting, lang: str) -> Text:
    """The kind of body or gathering, as portal.yml's council_kinds and meeting_groups name it
    (else the built-in labels): 'Site advisory council', 'Family workshop'."""
    vocabulary = m.site.settings.council_kinds if m.council is not None else m.site.settings.meeting_groups
    return vocabulary.label(m.group, lang)


def _short(school: Item, lang: str) -> Text:
    return school.get(lang, "short_name") or school.title(lang)


def _says_school(name: str, school: Item) -> bool:
    """True when a council's name already holds one of the school's names, in any language."""
    said = name.casefold()
    names = {str(school.get(lang, key)) for lang in school.site.languages
             for key in ("short_name", "name") if school.get(lang, key)}
    return any(n.casefold() in said for n in names)


def meeting_name(m: Meeting, lang: str, fmt: Formatter) -> MeetingName:
    """A meeting's name in one language (see :class:`MeetingName`)."""
    day = "" if m.status == "postponed" else fmt.day(m.start.date())
    return MeetingName(body_name(m, lang), day, m.get(lang, "title") or None)


# -- words ---------------------------------------------------------------------------


class Words:
    """A meeting's texts in one language, shared by the .ics files and the calendar links."""

    def __init__(self, site: Site, lang: str, t):
        self.site, self.lang, self.t = site, lang, t
        self.fmt = Formatter(lang, ZoneInfo(site.settings.timezone), t, **site.settings.formatting(lang))
        self._names: dict[Meeting, MeetingName] = {}  # by the meeting itself (the examples' too)

    def naming(self, m: Meeting) -> MeetingName:
        """Made once per meeting: every list, card, link and calendar that shows it names it."""
        if m not in self._names:
            self._names[m] = meeting_name(m, self.lang, self.fmt)
        return self._names[m]

    def name(self, m: Meeting) -> str:
        """Who meets: 'Lincoln Site Advisory Council'."""
        return str(self.naming(m).body)

    def title(self, m: Meeting) -> str:
        """The meeting's name that stands on its own: 'Lincoln Site Advisory Council · Tue, Dec 8'."""
        return self.naming(m).full

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
        # A meeting that will not take place gives no way to join and no supports to ask for.
        online = m.get(self.lang, "online") if not m.is_called_off else None
        if online:
            lines.append(f"{t('meetings.online')}: {online['url']}")
            for key, label in (("phone", "meetings.join_by_phone"), ("meeting_id", "meetings.meeting_id"),
                               ("passcode", "meetings.passcode")):
                if online.get(key):
                    lines.append(f"{t(label)}: {online[key]}")
        agenda = m.get(self.lang, "agenda") or []
        if agenda:
            lines += ["", t("meetings.agenda") + ":"] + [f"{i}. {plain_text(a)}" for i, a in enumerate(agenda, 1)]
        supports = self.supports(m) if not m.is_called_off else []
        if supports:
            lines += ["", t("meetings.supports") + ": " + "; ".join(supports)]
        acc = self.accommodations(m) if not m.is_called_off else ""
        if acc:
            lines.append(acc)
        lines += ["", page_url(self.site, m, self.lang)]
        return "\n".join(lines)


def _sentence(text: str) -> str:
    """End a sentence with a full stop, unless it already ends with one ('5:30 p. m.')."""
    return text if text.endswith((".", "!", "?")) else text + "."
