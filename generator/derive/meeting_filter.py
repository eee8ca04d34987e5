"""Finding meetings by school and by body, on /meetings/.

Like the schools directory (``generator.derive.directory``), every choice is a link to a
server-rendered page, so it works without JavaScript:

* a school: its meetings page, ``/schools/<school>/meetings/`` (``generator.derive.meetings``);
* who meets: ``/meetings/bodies/<body>/``, every meeting of one council or team (by its file
  name, ``/meetings/bodies/lincoln-elementary-site-advisory-council/``), or of one kind of
  gathering that is not a body's meeting (``/meetings/bodies/family-workshop/``).
  ``bodies`` is kept out of meeting file names, and a council cannot take a gathering's name,
  by ``generator.content.rules``, so no two choices share an address.

With JavaScript the same links filter ``/meetings/`` in place, and school and body combine
(themes/portal/assets/portal.js, "meeting filter").
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.content.model import Meeting, Site
from generator.derive.once import per_build
from generator.derive.page import PageSpec
from generator.derive.views import View

BODIES_SECTION = "bodies"  # /meetings/bodies/<body>/


def body_id(m: Meeting) -> str:
    """Who meets, in web addresses: the body's file name, else the gathering's group
    (family_workshop -> family-workshop)."""
    return m.council.slug if m.council is not None else m.group.replace("_", "-")


def body_path(body: str) -> str:
    return f"meetings/{BODIES_SECTION}/{body}/"


@per_build
def by_body(site: Site) -> dict[str, list[Meeting]]:
    """Every body's meetings (by ``body_id``), in the site's order."""
    out: dict[str, list[Meeting]] = {}
    for m in site.meetings:
        out.setdefault(body_id(m), []).append(m)
    return out


@per_build
def by_school(site: Site) -> dict[str, list[Meeting]]:
    """Every school's meetings (by its file name), in the site's order."""
    out: dict[str, list[Meeting]] = {}
    for m in site.meetings:
        if m.school is not None:
            out.setdefault(m.school.slug, []).append(m)
    return out


@per_build
def _bodies(site: Site, lang: str) -> list[tuple[str, object]]:
    """(id, name) of everyone who meets: each council and team with a meeting, in the site's
    order, then each kind of other gathering, in the order of portal.yml's meeting_groups."""
    used = {body_id(m) for m in site.meetings}
    councils = [(c.slug, c.title(lang)) for c in site.councils if c.slug in used]
    groups = {m.group for m in site.meetings if m.council is None}
    vocabulary = site.settings.meeting_groups
    return councils + [(g.replace("_", "-"), vocabulary.label(g, lang)) for g in vocabulary.ids
                       if g in groups]


@dataclass
class Choice:
    id: str
    label: object  # a Text: a school's or council's name, or a group's label (portal.yml or the catalogue)
    path: str
    count: int


@dataclass
class MeetingChoices:
    schools: list[Choice]
    bodies: list[Choice]
    total: int


@per_build
def meeting_choices(site: Site, lang: str) -> MeetingChoices:
    """The filter's choices with the number of meetings each leads to: every school that has
    meetings (by its short name), then every body that meets."""
    # Made once per language (the filter is on every school's meetings page, and a district
    # may have hundreds of schools), from the meetings grouped in one pass.
    per_school, per_body = by_school(site), by_body(site)
    schools = []
    for school in site.schools:
        if per_school.get(school.slug):
            view = View(school, lang)
            schools.append(Choice(school.slug, view.short_name or view.name,
                                  f"{school.path}meetings/", len(per_school[school.slug])))
    bodies = [Choice(b, name, body_path(b), len(per_body[b])) for b, name in _bodies(site, lang)]
    return MeetingChoices(schools, bodies, len(site.meetings))


def choices_shown(site: Site, lang: str) -> str:
    """The filter as a page shows it (``PageSpec.shows``): each choice's name, address and count."""
    choices = meeting_choices(site, lang)
    return "=filter " + " ".join(f"{c.id}|{c.label}|{getattr(c.label, 'lang', '')}|{c.path}|{c.count}"
                                  for c in choices.schools + choices.bodies)


def body_pages(site: Site, messages_for) -> list[PageSpec]:
    """PAGE_PRODUCER: a page for everyone who meets, in every language."""
    pages = []
    councils = {c.slug for c in site.councils}
    for lang in site.languages:
        t = messages_for(lang)
        shown = choices_shown(site, lang)
        for b, name in _bodies(site, lang):
            # a council's page lists its meetings; a gathering's, every meeting of its group
            shows = (f"councils/{b}", shown) if b in councils else ("meetings", shown)
            pages.append(PageSpec(lang, f"meetings/{BODIES_SECTION}/{b}.md", "meetings.html",
                                  t("meeting_filter.body_title", body=name), "filter",
                                  "meetings", params=(("view", "body"), ("body", b)),
                                  shows=shows))
    return pages
