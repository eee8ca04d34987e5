"""Finding meetings by school and by body, on /meetings/.

Like the schools directory (``generator.derive.directory``), every choice is a link to a
server-rendered page, so it works without JavaScript:

* a school: its meetings page, ``/schools/<school>/meetings/`` (``generator.derive.meetings``);
* a body: ``/meetings/bodies/<body>/``, every meeting of one kind of group, such as
  ``/meetings/bodies/site-advisory-council/`` (``bodies`` is kept out of meeting file names by
  ``generator.content.rules``, so no meeting can take these addresses).

With JavaScript the same links filter ``/meetings/`` in place, and school and body combine
(themes/portal/assets/portal.js, "meeting filter").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.content.model import Site
from generator.derive.page import PageSpec
from generator.derive.views import View

BODIES_SECTION = "bodies"  # /meetings/bodies/<body>/


def group_slug(group: str) -> str:
    """A body's name in web addresses: site_advisory_council -> site-advisory-council."""
    return group.replace("_", "-")


def body_path(group: str) -> str:
    return f"meetings/{BODIES_SECTION}/{group_slug(group)}/"


def group_of(m) -> str:
    return m.get(m.site.default, "group")


def groups_in_use(site: Site) -> list[str]:
    """The groups that have at least one meeting, in the order of portal.yml's meeting_groups."""
    used = {group_of(m) for m in site.meetings}
    return [g for g in site.settings.meeting_groups.ids if g in used]


@dataclass
class Choice:
    id: str
    label: object  # a Text: a school's name, or a group's label (portal.yml or the catalogue)
    path: str
    count: int


@dataclass
class MeetingChoices:
    schools: list[Choice]
    bodies: list[Choice]
    total: int


def meeting_choices(site: Site, lang: str) -> MeetingChoices:
    """The filter's choices with the number of meetings each leads to: every school that has
    meetings (by its short name), then every body that meets."""
    # Counted in one pass: the filter is on every school's meetings page, and a district may
    # have hundreds of schools.
    per_school = Counter(m.school.slug for m in site.meetings if m.school is not None)
    per_group = Counter(group_of(m) for m in site.meetings)
    schools = []
    for school in site.schools:
        if per_school[school.slug]:
            view = View(school, lang)
            schools.append(Choice(school.slug, view.short_name or view.name,
                                  f"{school.path}meetings/", per_school[school.slug]))
    groups = site.settings.meeting_groups
    bodies = [Choice(g, groups.label(g, lang), body_path(g), per_group[g]) for g in groups_in_use(site)]
    return MeetingChoices(schools, bodies, len(site.meetings))


def body_pages(site: Site, messages_for) -> list[PageSpec]:
    """PAGE_PRODUCER: a page per body that meets, in every language."""
    pages = []
    groups = site.settings.meeting_groups
    for lang in site.languages:
        t = messages_for(lang)
        for g in groups_in_use(site):
            pages.append(PageSpec(lang, f"meetings/{BODIES_SECTION}/{group_slug(g)}.md", "meetings.html",
                                  t("meeting_filter.body_title", body=groups.label(g, lang)), "filter",
                                  "meetings", params=(("view", "body"), ("group", g))))
    return pages
