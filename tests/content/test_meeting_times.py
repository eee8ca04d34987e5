"""Plausibility rules for meeting times (portal.yml meeting_times, unusual_time), and the
accommodation deadline that never falls on a weekend."""
from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from generator.content.pipeline import build_site
from generator.core.errors import ContentErrors
from support import MINIMAL

NOW = "2026-11-23 12:00"
MEETING = "content/en/meetings/2026-12-15-alder-sac.md"


def meeting(project, start: str, end: str, extra: str = "") -> None:
    """A meeting of the Alder council at START to END, with EXTRA front-matter lines."""
    project.write(MEETING, f"""
        ---
        body: alder-elementary-site-advisory-council
        kind: regular
        start: {start}
        end: "{end}"
        location: {{place: Library}}
        notice_posted: 2026-11-20 09:00
        {extra}
        ---
        """)


def errors(project) -> list:
    with pytest.raises(ContentErrors) as info:
        build_site(project.root, now=NOW)
    return [p for p in info.value.problems if p.file == MEETING]


def passes(project) -> None:
    build_site(project.root, now=NOW)  # raises ContentErrors if anything is wrong


def test_a_morning_start_meant_as_evening_is_an_error_with_the_evening_time(project):
    meeting(project, "2026-12-15 5:30", "19:00")
    [p] = errors(project)
    assert (p.field, p.line) == ("start", 4)
    assert "5:30" in p.message and "morning" in p.message
    assert "07:00" in p.expected and "21:00" in p.expected
    assert p.found == "2026-12-15 05:30"
    assert "5:30 is in the morning: did you mean 17:30?" in p.suggestion
    assert "unusual_time: true" in p.suggestion


def test_a_morning_start_and_end_both_meant_as_evening_suggest_both_times(project):
    meeting(project, "2026-12-15 5:30", "6:30")
    [p] = errors(project)
    assert "did you mean 17:30, ending at 18:30?" in p.suggestion


def test_no_evening_guess_when_the_evening_time_would_be_too_late_too(project):
    settings = project.root / "portal.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "meeting_times:\n  latest: \"18:00\"\n",
                        encoding="utf-8")
    meeting(project, "2026-12-15 06:45", "07:30")  # 18:45 is after the latest start, 18:00
    [p] = errors(project)
    assert "did you mean" not in p.suggestion
    assert "check the start time" in p.suggestion


def test_a_start_after_the_latest_time_is_an_error(project):
    meeting(project, "2026-12-15 21:30", "22:30")
    [p] = errors(project)
    assert p.field == "start"
    assert "21:30" in p.message and "night" in p.message
    assert "unusual_time: true" in p.suggestion


def test_the_limits_themselves_are_allowed_and_a_minute_outside_is_not(project):
    meeting(project, "2026-12-15 07:00", "08:00")
    passes(project)
    meeting(project, "2026-12-15 21:00", "22:00")
    passes(project)
    meeting(project, "2026-12-15 06:59", "08:00")
    assert [p.field for p in errors(project)] == ["start"]
    meeting(project, "2026-12-15 21:01", "22:00")
    assert [p.field for p in errors(project)] == ["start"]


def test_a_meeting_longer_than_six_hours_is_an_error_naming_a_normal_end(project):
    meeting(project, "2026-12-15 09:00", "15:30")
    [p] = errors(project)
    assert p.field == "end"
    assert "6 hours 30 minutes" in p.message
    assert "at most 6 hours" in p.expected
    assert p.found == "2026-12-15 09:00 to 2026-12-15 15:30"
    assert "an end at 15:00 or earlier" in p.suggestion
    assert """'end: "10:30"'""" in p.suggestion
    assert "unusual_time: true" in p.suggestion
    meeting(project, "2026-12-15 09:00", "15:00")  # exactly six hours is fine
    passes(project)
    meeting(project, "2026-12-15 5:30", "2026-12-16 19:00")  # an end already wrong: one error
    [p] = errors(project)
    assert "more than a day" in p.message


def test_unusual_time_true_allows_an_early_start_and_a_long_meeting(project):
    meeting(project, "2026-12-15 5:30", "19:00", "unusual_time: true")
    passes(project)
    meeting(project, "2026-12-15 09:00", "17:00", "unusual_time: true")
    passes(project)


def test_the_limits_are_settings_in_portal_yml(project):
    settings = project.root / "portal.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + (
        "meeting_times:\n  earliest: \"06:00\"\n  latest: \"22:00\"\n  longest_hours: 9\n"),
        encoding="utf-8")
    meeting(project, "2026-12-15 06:30", "15:00")
    passes(project)
    meeting(project, "2026-12-15 05:30", "07:00")
    [p] = errors(project)
    assert "between 06:00 and 22:00" in p.expected


def test_a_wrong_meeting_times_setting_is_reported(project):
    settings = project.root / "portal.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + (
        "meeting_times:\n  earliest: 7am\n  longest: 6\n"), encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        build_site(project.root, now=NOW)
    fields = {p.field: p for p in info.value.problems if p.file == "portal.yml"}
    assert "24-hour clock" in fields["meeting_times.earliest"].expected
    assert 'did you mean "longest_hours"' in fields["meeting_times.longest"].suggestion


def test_times_are_the_meetings_local_time_not_utc(project):
    # 18:00 in Los Angeles is 02:00 UTC the next day: fine. 18:00 UTC is 10:00 there: fine too,
    # while 10:00 written with a UTC offset is 02:00 in Los Angeles: too early.
    meeting(project, "2026-12-15 18:00", "19:30")
    passes(project)
    meeting(project, "2026-12-15 10:00+00:00", "2026-12-15 11:00+00:00")
    [p] = errors(project)
    assert p.field == "start" and "2:00" in p.message


def test_a_meeting_with_its_own_time_zone_is_checked_in_that_zone(project):
    meeting(project, "2026-12-15 19:30", "20:30", "timezone: America/New_York")
    passes(project)
    meeting(project, "2026-12-15 06:30", "07:30", "timezone: America/New_York")
    [p] = errors(project)
    assert "6:30" in p.message and "did you mean 18:30" in p.suggestion


# -- the accommodation deadline -------------------------------------------------------------


@pytest.mark.parametrize("days, weekday", [(3, "Saturday"), (2, "Sunday")])
def test_a_deadline_on_a_weekend_moves_back_to_the_friday(project, days, weekday):
    # Tuesday, December 8, 2026: 3 days before is a Saturday, 2 days before a Sunday.
    assert date(2026, 12, 8 - days).strftime("%A") == weekday
    _with_deadline(project, days)
    site, _ = build_site(project.root, now=NOW)
    assert site.items["meetings"]["2026-12-08-alder-sac"].request_deadline == date(2026, 12, 4)
    _with_deadline(project, 1)  # Monday, a working day: it stays
    site, _ = build_site(project.root, now=NOW)
    assert site.items["meetings"]["2026-12-08-alder-sac"].request_deadline == date(2026, 12, 7)


def test_pages_and_calendars_show_the_friday_not_the_weekend_day(project, tmp_path):
    from generator.site.build import build

    _with_deadline(project, 3)
    site_dir = build(project.root, site_dir=tmp_path / "site", now=NOW).site_dir
    for lang, friday, saturday in (("en", "Friday, December 4, 2026", "Saturday, December 5, 2026"),
                                   ("es", "viernes, 4 de diciembre de 2026",
                                    "sábado, 5 de diciembre de 2026")):
        prefix = "" if lang == "en" else f"{lang}/"
        page = (site_dir / prefix / "meetings/2026-12-08-alder-sac/index.html").read_text("utf-8")
        assert friday in page and saturday not in page
        ics = Calendar.from_ical(
            (site_dir / prefix / "calendar/meetings/2026-12-08-alder-sac.ics").read_bytes())
        [event] = ics.walk("VEVENT")
        description = str(event["DESCRIPTION"])
        assert friday in description and saturday not in description


def _with_deadline(project, days: int) -> None:
    """The example meeting (Tuesday, December 8) asking for accommodations DAYS ahead."""
    rel = "content/en/meetings/2026-12-08-alder-sac.md"
    path = project.write(rel, MINIMAL[rel])
    path.write_text(path.read_text(encoding="utf-8").replace("agenda:", (
        "supports:\n  childcare: true\n  request_days: {days}\n"
        "  accessibility_contact: {{name: Ana Ruiz, email: ana.ruiz@example.org}}\n"
        "agenda:").format(days=days), 1), encoding="utf-8")
