"""What a council's or team's page and a school's page show of councils.

A council's page (``/councils/<name>/``) lists its meetings like any meeting list
(``generator.derive.meetings.sections``, by the body's id) and, apart, the past meetings whose
minutes are on the site, because families look there for what was decided.
"""
from __future__ import annotations

from generator.content.model import Council, Item, Site
from generator.derive.meeting_filter import by_body
from generator.derive.views import View


def school_councils(site: Site, school: Item, lang: str) -> list[View]:
    """The councils and teams of one school, in the site's order."""
    return [View(c, lang) for c in site.councils if c.school is school]


def council_minutes(council: Council, lang: str) -> list[View]:
    """The body's past meetings that have their minutes on the site, latest first."""
    return [View(m, lang) for m in reversed(by_body(council.site).get(council.slug, []))
            if m.council is council and m.has_ended and m.has_minutes]
