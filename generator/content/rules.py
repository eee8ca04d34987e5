"""Rules that involve more than one field or item, checked after the merge."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from babel import Locale, UnknownLocaleError

from generator.content.blocks import check_body_blocks
from generator.content.council_rules import check_councils
from generator.content.images.library import check_images
from generator.content.documents import check_documents
from generator.content.links import check_body_links
from generator.content.model import Site
from generator.content.schema import CONTENT_TYPES
from generator.core.errors import Problems

DIRECTORY_SECTIONS = {"services", "levels"}  # /schools/services/, /schools/levels/ (generator.derive.directory)
RESERVED = {"assets", "search", "404", "feeds", "calendar", "cards", "images", "files", "pages",
            "components"}  # /components/: the theme's component library (generator.derive.components)
# /meetings/calendar/ and /meetings/bodies/ (generator.derive.meetings, generator.derive.meeting_filter)
MEETING_SECTIONS = {"calendar", "bodies"}


def _page_named_index(page, problems: Problems) -> None:
    """A free page called index.md would be published at the site's own address: say so, and
    point to the home file, which is how staff give the home page its words."""
    for src in page.sources.values():
        problems.error(src.path, "a page cannot be named 'index': its address would be the "
                       "home page's, which the site makes itself",
                       expected="a page name other than index, or the home file",
                       found="index.md",
                       suggestion=f"to write the home page, move the text to "
                                  f"content/{src.lang}/home.md (see 'portal schema home'); for a "
                                  "page of its own, rename it, like about-us.md")


def _check_home_sections(site: Site, problems: Problems) -> None:
    """A section listed twice would be shown twice, with the same heading."""
    home = site.home
    if home is None:
        return
    sections = home.get(site.default, "sections")
    repeated = sorted({s for s in sections if sections.count(s) > 1})
    if repeated:
        path, line = home.locate("sections")
        problems.error(path, "a section is listed twice", field="sections", line=line,
                       expected="each section once, in the order the home page shows them",
                       found=", ".join(repeated) + " twice",
                       suggestion="remove the second " + repeated[0])


def check_rules(site: Site, problems: Problems) -> None:
    sections = {c for c in CONTENT_TYPES if CONTENT_TYPES[c].url_prefix}
    reserved = RESERVED | sections | set(site.languages)
    for page in site.items["pages"].values():
        if page.slug == "index":
            _page_named_index(page, problems)
        elif page.slug in reserved:
            src = next(iter(page.sources.values()))
            problems.error(src.path, f"the page name '{page.slug}' is already used by the site",
                           expected="a name that is not one of: " + ", ".join(sorted(reserved)),
                           found=f"{page.slug}.md",
                           suggestion=f"rename it, like about-{page.slug}.md, or put its text "
                                      "in the home file (content/<language>/home.md) if it is "
                                      "meant for the home page")
    _check_home_sections(site, problems)

    for m in site.items["meetings"].values():
        if m.slug in MEETING_SECTIONS:
            src = next(iter(m.sources.values()))
            problems.error(src.path, f"the meeting file name '{m.slug}' is already used by the site",
                           expected="a name that is not one of: " + ", ".join(sorted(MEETING_SECTIONS)),
                           found=f"{m.slug}.md",
                           suggestion=f"name it by its date and school, like {m.start:%Y-%m-%d}-lincoln-sac.md")
        if m.end_utc <= m.start_utc:
            path, line = m.locate("end")
            problems.error(path, "the meeting ends before it starts", field="end", line=line,
                           expected=f"an end after the start ({m.start:%Y-%m-%d %H:%M})",
                           found=f"{m.end:%Y-%m-%d %H:%M}",
                           suggestion="check the end time (24-hour clock: 7 pm is 19:00)")
        elif m.duration.total_seconds() > 24 * 3600:
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

    check_councils(site, problems)
    check_meeting_times(site, problems)
    check_meeting_notices(site, problems)
    check_documents(site, problems)
    check_meeting_moves(site, problems)

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

    check_grant_progress(site, problems)
    check_grant_amounts(site, problems)
    check_school_names(site, problems)
    check_body_links(site, problems)
    check_body_blocks(site, problems)
    check_images(site, problems)  # last: it processes the photos that are not cached yet


# -- schools and images (generator/directory.py, generator/images.py) -------------------


def check_school_names(site: Site, problems: Problems) -> None:
    """The schools directory has pages /schools/services/ and /schools/levels/: no school may be
    called that. A school's coordinator post is either filled or open, never both."""
    for s in site.items["schools"].values():
        _check_coordinator_post(s, problems)
        if s.slug in DIRECTORY_SECTIONS:
            src = next(iter(s.sources.values()))
            problems.error(src.path, f"the school name '{s.slug}' is already used by the schools directory",
                           expected="a file name that is not " + " or ".join(sorted(DIRECTORY_SECTIONS)),
                           found=f"{s.slug}.md", suggestion="name the file after the school, like lincoln-elementary.md")


def _check_coordinator_post(school, problems: Problems) -> None:
    """A school page cannot say "Coordinator: to be hired" beside the coordinator's own card."""
    if school.coordinator is None or not school.coordinator_hiring:
        return
    path, line = school.locate("coordinator_hiring")
    problems.error(path, "the school names a coordinator and also says it is hiring one",
                   field="coordinator_hiring", line=line, expected="either coordinator or "
                   "coordinator_hiring: true", found=f"coordinator: {school.coordinator.slug}",
                   suggestion="remove coordinator_hiring once the coordinator is hired; someone "
                   "covering until then lists the school under schools: in their own file")


# -- meetings: notice periods, moves ----------------------------------------------


def check_meeting_times(site: Site, problems: Problems) -> None:
    """Stop on a meeting at an implausible time (portal.yml meeting_times), unless the file says
    ``unusual_time: true``: a start of 5:30 meant as 17:30 otherwise becomes a meeting from
    5:30 in the morning on families' calendars. Times are the meeting's local time (the
    district's time zone unless the meeting gives its own); a meeting whose end is already
    wrong (before the start, or a day later) is reported once, by the check on its end."""
    limits = site.settings.meeting_times
    for m in site.items["meetings"].values():
        if m.get(site.default, "unusual_time") or not timedelta(0) < m.duration <= timedelta(days=1):
            continue
        if not limits.earliest <= _local(m, m.start).time() <= limits.latest:
            _implausible_start(m, limits, problems)
        elif m.duration > timedelta(hours=limits.longest_hours):
            _too_long(m, limits, problems)


_ALLOW = "If it really is at that time, add 'unusual_time: true' to the meeting's file."
_ALLOW_LONG = "If it really lasts that long, add 'unusual_time: true' to the meeting's file."


def _clock(t: datetime) -> str:
    """5:30, 17:30: a time as the staff member typed it (no leading zero)."""
    return f"{t.hour}:{t.minute:02d}"


def _local(m, value: datetime) -> datetime:
    """A time on the meeting's clock, even if written with another offset (10:00+00:00)."""
    return value.astimezone(m.tz)


def _implausible_start(m, limits, problems: Problems) -> None:
    start, end = _local(m, m.start), _local(m, m.end)
    path, line = m.locate("start")
    early = start.time() < limits.earliest
    evening = start + timedelta(hours=12)
    if early and limits.earliest <= evening.time() <= limits.latest:
        also_end = f", ending at {end + timedelta(hours=12):%H:%M}" if end <= evening else ""
        suggestion = f"{_clock(start)} is in the morning: did you mean {evening:%H:%M}{also_end}? {_ALLOW}"
    elif early:
        suggestion = f"check the start time (24-hour clock: 5:30 pm is 17:30). {_ALLOW}"
    else:
        suggestion = f"check the start time (24-hour clock: 7 pm is 19:00). {_ALLOW}"
    when = "in the morning" if early else "at night"
    problems.error(path, f"the meeting starts at {_clock(start)} {when}, when families are unlikely "
                   "to come", field="start", line=line,
                   expected=f"a start between {limits.earliest:%H:%M} and {limits.latest:%H:%M} "
                            "(portal.yml meeting_times)",
                   found=f"{start:%Y-%m-%d %H:%M}", suggestion=suggestion)


def _too_long(m, limits, problems: Problems) -> None:
    start, end = _local(m, m.start), _local(m, m.end)
    longest = start + timedelta(hours=limits.longest_hours)
    typical = start + timedelta(minutes=90)
    path, line = m.locate("end")
    day = "" if longest.date() == start.date() else f" on {longest:%Y-%m-%d}"
    problems.error(path, f"the meeting lasts {_duration(m.duration)}, longer than a meeting "
                   "usually does", field="end", line=line,
                   expected=f"at most {limits.longest_hours} hours (portal.yml "
                            "meeting_times.longest_hours)",
                   found=f"{start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M}",
                   suggestion=f"an end at {longest:%H:%M}{day} or earlier gives a normal length "
                              f"(for example 'end: \"{typical:%H:%M}\"' for 1 hour 30 minutes). {_ALLOW_LONG}")


def _duration(value: timedelta) -> str:
    """8 hours, 7 hours 30 minutes."""
    hours, minutes = divmod(round(value.total_seconds() / 60), 60)
    text = f"{hours} hour{'s' if hours != 1 else ''}"
    return text + (f" {minutes} minutes" if minutes else "")


def _hours(value: float) -> str:
    """12, 1.5, 71.75: hours as staff would write them."""
    rounded = round(value, 2)
    return f"{rounded:g}"


def notice_required_hours(site: Site, meeting) -> int:
    return site.settings.notice_hours.get(meeting.get(site.default, "kind") or "regular", 72)


def check_meeting_notices(site: Site, problems: Problems) -> None:
    """Warn when a meeting's notice is (or will be) out later than portal.yml's notice_hours allow.

    Checked for every language, since families must get the notice in each: a language with
    its own file counts from its notice_posted (or, if that file has none, the other files');
    a language with no file has not been posted yet and counts from now. Meetings that have
    ended, are cancelled or are postponed are not checked.

    Hours are real hours: the arithmetic is done in UTC, so a daylight-saving change between
    the notice and the meeting counts (the spring night has 23 hours, the autumn one 25).
    """
    for m in site.items["meetings"].values():
        if m.is_past or m.is_called_off:
            continue
        kind = m.get(site.default, "kind") or "regular"
        need = notice_required_hours(site, m)
        deadline = m.start_utc - timedelta(hours=need)
        local_deadline = deadline.astimezone(m.tz)
        now = site.now.astimezone(timezone.utc)
        for lang in site.languages:
            posted = m.notice_posted_at(lang)
            language = english_name(lang)
            if posted is None and m.has_file(lang):
                if now <= deadline:
                    continue  # not known yet, and still in time: the page itself is the notice
                path, line = _notice_location(m, lang)
                problems.warning(path, "the meeting has no notice_posted time, so the notice rule "
                                 "cannot be checked", field="notice_posted", line=line,
                                 expected=f"notice_posted: when the notice was published, at least "
                                          f"{need} hours before {m.start:%Y-%m-%d %H:%M} ({kind} meeting)",
                                 suggestion="add 'notice_posted: YYYY-MM-DD HH:MM'")
                continue
            if posted is None:  # no file in this language: the notice is not out in it yet
                if now <= deadline:
                    continue
                posted = now
                found = f"no {language} notice yet (content/{lang}/meetings/{m.slug}.md does not exist)"
                when = "not posted yet"
            else:
                found = f"notice_posted {posted:%Y-%m-%d %H:%M}"
                when = "posted"
            posted = posted.astimezone(timezone.utc)
            if posted <= deadline:
                continue
            before = (m.start_utc - posted).total_seconds() / 3600
            short = need - before
            path, line = _notice_location(m, lang)
            problems.warning(
                path,
                f"the {language} notice is late: {when} {_hours(before)} hours before the start, "
                f"{_hours(short)} hours short of the {need} hours a {kind} meeting needs",
                field="notice_posted", line=line,
                expected=f"a notice in every language by {local_deadline:%Y-%m-%d %H:%M} "
                         f"({need} hours before {m.start:%Y-%m-%d %H:%M}; portal.yml notice_hours.{kind})",
                found=found,
                suggestion=f"move the meeting to {need} hours or more after the notice (status: "
                           "rescheduled; see 'Move a meeting' in docs/staff-guide.md), and update "
                           "notice_posted when you publish it" if m.has_file(lang) else
                           f"publish the {language} notice: create content/{lang}/meetings/{m.slug}.md")


def _notice_location(m, lang: str) -> tuple[str, int | None]:
    src = m.sources.get(lang)
    if src is None:
        return f"content/{lang}/meetings/{m.slug}.md", None
    if "notice_posted" in src.data:
        return src.path, src.line(("notice_posted",))
    return src.path, None  # no time of its own: it shares the other files' notice_posted


def english_name(lang: str) -> str:
    """A language's name in English (for messages to staff): es -> Spanish."""
    try:
        return Locale.parse(lang.replace("-", "_")).get_display_name("en") or lang
    except (ValueError, UnknownLocaleError):
        return lang


def check_meeting_moves(site: Site, problems: Problems) -> None:
    for m in site.items["meetings"].values():
        loc = m.get(site.default, "location")
        if loc is not None and not loc.get("place") and not m.address:
            path, line = m.locate("location")
            problems.error(path, "the meeting's location has no place and no address",
                           field="location", line=line,
                           expected="location.place (like 'District Office') and location.address",
                           suggestion="fill in 'place:' and 'address:' under 'location:', or remove "
                                      "'location:' for an online-only meeting")
        if m.slug == "calendar":
            path, _ = m.locate("start")
            problems.error(path, "the meeting name 'calendar' is used by the calendar pages",
                           expected="a file name like 2026-12-03-lincoln-sac.md",
                           found="calendar.md", suggestion="rename the file")
        # The latest earlier start equal to start is a slip (the new time written twice); an
        # older one equal to start is a move back to that time (each move counts: SEQUENCE).
        if m.previous_start is not None and m.previous_start == m.start:
            path, line = m.locate("previous_start")
            problems.error(path, "previous_start is the same as start", field="previous_start",
                           line=line, expected="the time the meeting was going to start, before it moved",
                           found=f"{m.start:%Y-%m-%d %H:%M}",
                           suggestion="put the new time in 'start' and the old one in 'previous_start'")


# -- grants and news (issue 3: generator/progress.py, generator/news.py) ---------------------


def check_grant_progress(site: Site, problems: Problems) -> None:
    """A milestone for one school must be for a school the grant covers (else no school page would
    show it), and no grant may be called 'dashboard' (the progress dashboard is /grants/dashboard/)."""
    for g in site.items["grants"].values():
        if g.slug == "dashboard":
            src = next(iter(g.sources.values()))
            problems.error(src.path, "the grant name 'dashboard' is used by the progress dashboard",
                           expected="another file name", found="dashboard.md",
                           suggestion="rename the file, like dashboard-grant.md")
        covered = {r.slug for r in g.get(site.default, "schools", [])}
        for i, ms in enumerate(g.get(site.default, "milestones", [])):
            ref = ms.get("school")
            if ref is not None and ref.slug not in covered:
                path, line = g.locate("milestones")
                for src in g.sources.values():
                    if ("milestones", i, "school") in src.lines:
                        path, line = src.path, src.lines[("milestones", i, "school")]
                        break
                problems.error(path, f"milestone '{ms['id']}' is for {ref.slug}, which the grant does not cover",
                               field=f"milestones[{i + 1}].school", line=line,
                               expected="one of the grant's schools: " + (", ".join(sorted(covered)) or "(none listed)"),
                               found=ref.slug,
                               suggestion=f"add '- {ref.slug}' to the grant's 'schools:', or correct the milestone's school")


def check_grant_amounts(site: Site, problems: Problems) -> None:
    """A grant that is awarded (or active, or completed) states its amount: it is counted in the
    funding totals. Applied and declined grants may leave it out (not public, or not asked yet),
    and have no award date, so that no page says they were awarded."""
    for g in site.items["grants"].values():
        if not g.is_awarded and g.get(site.default, "awarded") is not None:
            path, line = g.locate("awarded")
            problems.error(path, f"the grant is {g.status} but has an award date", field="awarded",
                           line=line, expected="no 'awarded:' date until the grant is awarded",
                           found=str(g.get(site.default, "awarded")),
                           suggestion="remove 'awarded:', or write 'status: awarded' if it was awarded")
        if g.is_awarded and g.get(site.default, "amount") is None:
            path, line = g.locate("status")
            problems.error(path, f"the grant is {g.status} but gives no amount", field="amount",
                           line=line, expected="the amount awarded, like 'amount: 250000'",
                           found="no amount",
                           suggestion="add 'amount:' with the amount awarded, or, if the grant is "
                                      "not awarded yet, write 'status: applied'")
