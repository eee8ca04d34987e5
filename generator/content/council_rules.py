"""Rules between councils and their meetings, checked after the merge.

A meeting says who meets once: ``body:`` (a council's or team's file) or, for a gathering that
is not a body's meeting, ``group:``. A body's meeting is at the body's school, so a ``school:``
that says otherwise is a mistake. A council's file name is also the name of its calendar and of
its page under /meetings/bodies/, so it must not be one a gathering already uses there.
"""
from __future__ import annotations

from generator.content.model import Site
from generator.core.errors import Problems


def check_councils(site: Site, problems: Problems) -> None:
    for m in site.items["meetings"].values():
        _who_meets(site, m, problems)
    taken = {g.replace("_", "-") for g in site.settings.meeting_groups.ids}
    taken |= {m.body_key for m in site.items["meetings"].values() if m.council is None and m.group}
    for c in site.items["councils"].values():
        if c.slug in taken:
            src = next(iter(c.sources.values()))
            problems.error(src.path, f"the council file name '{c.slug}' is already the name of "
                           "another group's meetings and calendar",
                           expected="a name that is not one of: " + ", ".join(sorted(taken)),
                           found=f"{c.slug}.md",
                           suggestion="name it after the school and the council, like "
                                      "lincoln-elementary-site-advisory-council.md")


def _who_meets(site: Site, m, problems: Problems) -> None:
    body, group = m.get(site.default, "body"), m.get(site.default, "group")
    if body is None and group is None:
        path, _ = m.locate("start")
        problems.error(path, "the meeting does not say who meets", field="body",
                       expected="body: a council's or team's file name, or group: for a "
                                "gathering that is not a body's meeting",
                       suggestion="add a line like 'body: lincoln-elementary-site-advisory-council' "
                                  "(see content/<language>/councils/)")
    elif body is not None and group is not None:
        path, line = m.locate("group")
        problems.error(path, "a meeting of a council or team takes its kind from the body: "
                       "'group' is not needed", field="group", line=line,
                       expected="body: or group:, not both", found=f"group: {group}",
                       suggestion="remove the 'group:' line")
    school = m.get(site.default, "school")
    if body is not None and school is not None:
        own = m.council.school
        if own is None or own.slug != school.slug:
            path, line = m.locate("school")
            says = f"the school '{own.slug}'" if own else "the whole district"
            problems.error(path, f"the meeting's school is not its body's: {m.council.slug} is "
                           f"for {says}", field="school", line=line,
                           expected="no school: line (a body's meeting is at its body's school)",
                           found=f"school: {school.slug}",
                           suggestion="remove the 'school:' line, or name the body of that school "
                                      "(give a meeting elsewhere a 'location:')")
