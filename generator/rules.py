"""Rules that involve more than one field or item, checked after the merge."""
from __future__ import annotations

from .errors import Problems
from .model import Site
from .schema import CONTENT_TYPES

RESERVED = {"assets", "search", "404", "feeds", "calendar", "cards", "images", "files", "pages"}


def check_rules(site: Site, problems: Problems) -> None:
    sections = {c for c in CONTENT_TYPES if CONTENT_TYPES[c].url_prefix}
    reserved = RESERVED | sections | set(site.languages)
    for page in site.items["pages"].values():
        if page.slug in reserved:
            src = next(iter(page.sources.values()))
            problems.error(src.path, f"the page name '{page.slug}' is already used by the site",
                           expected="a name that is not one of: " + ", ".join(sorted(reserved)),
                           found=f"{page.slug}.md",
                           suggestion=f"rename it, like about-{page.slug}.md")

    for m in site.items["meetings"].values():
        if m.end <= m.start:
            path, line = m.locate("end")
            problems.error(path, "the meeting ends before it starts", field="end", line=line,
                           expected=f"an end after the start ({m.start:%Y-%m-%d %H:%M})",
                           found=f"{m.end:%Y-%m-%d %H:%M}",
                           suggestion="check the end time (24-hour clock: 7 pm is 19:00)")
        elif (m.end - m.start).total_seconds() > 24 * 3600:
            path, line = m.locate("end")
            problems.error(path, "the meeting lasts more than a day", field="end", line=line,
                           expected="an end on the same day or the next",
                           found=f"{m.end:%Y-%m-%d %H:%M}", suggestion="check the end date")
        if m.status == "rescheduled" and m.previous_start is None:
            path, line = m.locate("status")
            problems.error(path, "a rescheduled meeting needs its old start time",
                           field="previous_start", line=line,
                           expected="previous_start: the date and time it was going to start",
                           suggestion="add 'previous_start: 2026-12-03 17:30' with the old time, "
                                      "and put the new time in 'start'")
        if m.get(site.default, "location") is None and m.get(site.default, "online") is None:
            path, _ = m.locate("start")
            problems.error(path, "the meeting has no place and no online link",
                           field="location", expected="location: (a place), online: (a link), or both",
                           suggestion="add a 'location:' with 'place:' and 'address:'")

    for g in site.items["grants"].values():
        period = g.get(site.default, "period")
        if period and period["end"] < period["start"]:
            path, line = g.locate("period")
            problems.error(path, "the grant period ends before it starts", field="period.end",
                           line=line, expected=f"a date after {period['start']}",
                           found=str(period["end"]))
        for i, ms in enumerate(g.get(site.default, "milestones", [])):
            if ms.get("completed") and ms["completed"] > site.now.date():
                path, line = g.locate("milestones")
                problems.error(path, f"milestone '{ms['id']}' is marked completed on a future date",
                               field=f"milestones[{i + 1}].completed", line=line,
                               expected=f"a date on or before today ({site.now.date()})",
                               found=str(ms["completed"]),
                               suggestion="set 'completed' when it is done, and 'status: in_progress' until then")
            if ms.get("completed") and ms.get("status") != "done":
                path, line = g.locate("milestones")
                problems.error(path, f"milestone '{ms['id']}' has a completion date but is not done",
                               field=f"milestones[{i + 1}].status", line=line,
                               expected="status: done", found=str(ms.get("status")),
                               suggestion="set 'status: done', or remove 'completed'")

    for s in site.items["schools"].values():
        c = s.coordinator
        if c is not None and c.get(site.default, "role") not in ("coordinator", "manager"):
            path, line = s.locate("coordinator")
            problems.warning(path, f"{c.title(site.default)} is the coordinator here but their role is "
                             f"'{c.get(site.default, 'role')}'", field="coordinator", line=line,
                             suggestion=f"set 'role: coordinator' in {next(iter(c.sources.values())).path}")
