"""A meeting's texts in one language (its name, title, time, place, supports), shared by the
.ics files, calendar links, JSON-LD and the theme.
"""
from __future__ import annotations

from zoneinfo import ZoneInfo

from generator.content.model import Meeting, Site
from generator.core.i18n import Formatter
from generator.core.inline_markdown import plain_text
from generator.derive.views import lang_prefix


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
