"""Meeting calendars (.ics): they parse with icalendar, say what families need in each language,
keep a meeting's UID forever, raise SEQUENCE when it moves, and keep cancelled meetings."""
from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from generator.content.pipeline import build_site
from generator.core.i18n import Messages
from generator.outputs.calendars import calendar_files
from support import EXAMPLE_NOW, REPO

HOST = "communityschools.valleverde.example.org"
SITE_URL = f"https://{HOST}/"
LA = ZoneInfo("America/Los_Angeles")


@pytest.fixture(scope="module")
def model():
    site, _ = build_site(REPO, now=EXAMPLE_NOW)
    return site


def read(site_dir, lang, rel) -> Calendar:
    prefix = "" if lang == "en" else f"{lang}/"
    return Calendar.from_ical((site_dir / prefix / rel).read_bytes())


def events(cal: Calendar) -> dict[str, object]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_every_meeting_has_a_calendar_in_each_language_with_the_required_fields(example_site, model):
    for lang in ("en", "es"):
        for m in model.meetings:
            cal = read(example_site, lang, f"calendar/meetings/{m.slug}.ics")
            assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
            (ev,) = cal.walk("VEVENT")
            assert str(ev["UID"]) == f"{m.slug}@{HOST}"
            assert ev.decoded("DTSTAMP") == datetime(2026, 11, 23, 0, 0, tzinfo=ZoneInfo("UTC"))
            assert ev.decoded("DTSTART") == m.start and ev.decoded("DTEND") == m.end
            assert ev["DTSTART"].params["TZID"] == "America/Los_Angeles"
            tzids = [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")]
            assert tzids == ["America/Los_Angeles"], "the TZID is defined by a VTIMEZONE"
            assert isinstance(ev.decoded("SEQUENCE"), int)
            prefix = "" if lang == "en" else f"{lang}/"
            assert str(ev["URL"]) == f"{SITE_URL}{prefix}meetings/{m.slug}/"
            assert str(ev["SUMMARY"]) and str(ev["DESCRIPTION"]) and str(ev["LOCATION"])


def test_summary_description_and_location_are_in_the_calendars_language(example_site, model):
    m = model.items["meetings"]["2026-12-08-lincoln-sac"]
    en = read(example_site, "en", f"calendar/meetings/{m.slug}.ics").walk("VEVENT")[0]
    es = read(example_site, "es", f"calendar/meetings/{m.slug}.ics").walk("VEVENT")[0]
    assert str(en["SUMMARY"]) == "Lincoln Site Advisory Council · Tue, Dec 8"
    assert str(es["SUMMARY"]) == "Consejo Asesor Escolar de Lincoln · mar, 8 de dic"
    assert "When: Tuesday, December 8, 2026" in str(en["DESCRIPTION"])
    assert "Cuándo: martes, 8 de diciembre de 2026" in str(es["DESCRIPTION"])
    assert "Aprobación del acta de noviembre" in str(es["DESCRIPTION"])
    assert "Cuidado de niños disponible" in str(es["DESCRIPTION"])
    assert "a más tardar el viernes, 4 de diciembre de 2026" in str(es["DESCRIPTION"])
    assert str(en["LOCATION"]).startswith("School library")
    assert str(es["LOCATION"]).startswith("Biblioteca de la escuela")
    assert "1200 Alder Street" in str(es["LOCATION"])


def test_cancelled_meeting_stays_in_every_calendar_with_status_cancelled(example_site, model):
    m = model.items["meetings"]["2026-12-16-chavez-sac"]
    assert m.status == "cancelled"
    uid = f"{m.slug}@{HOST}"
    for lang in ("en", "es"):
        for rel in (f"calendar/meetings/{m.slug}.ics", "calendar/schools/cesar-chavez-k8.ics",
                    "calendar/bodies/cesar-chavez-k8-site-advisory-council.ics", "calendar/district.ics"):
            ev = events(read(example_site, lang, rel))[uid]
            assert str(ev["STATUS"]) == "CANCELLED", rel
    es = events(read(example_site, "es", "calendar/district.ics"))[uid]
    assert str(es["SUMMARY"]).startswith("Cancelada: ")
    assert events(read(example_site, "en", "calendar/district.ics"))[
        f"2026-12-08-lincoln-sac@{HOST}"]["STATUS"] == "CONFIRMED"


def test_school_body_and_district_calendars_hold_the_right_meetings(example_site, model):
    district = events(read(example_site, "en", "calendar/district.ics"))
    assert set(district) == {f"{m.slug}@{HOST}" for m in model.meetings}
    for school in model.schools:
        cal = events(read(example_site, "es", f"calendar/schools/{school.slug}.ics"))
        assert set(cal) == {f"{m.slug}@{HOST}" for m in model.meetings if m.school is school}
    dac = events(read(example_site, "en", "calendar/bodies/district-advisory-council.ics"))
    assert set(dac) == {f"{m.slug}@{HOST}" for m in model.meetings
                        if m.council is not None and m.council.slug == "district-advisory-council"}
    assert len(dac) == 3


def test_rescheduled_example_is_at_its_new_time_with_sequence_two(example_site):
    ev = events(read(example_site, "en", "calendar/district.ics"))[f"2026-12-10-sierra-vista-sac@{HOST}"]
    assert ev.decoded("DTSTART") == datetime(2026, 12, 15, 17, 30, tzinfo=LA)
    assert ev.decoded("SEQUENCE") == 2  # two per move
    assert "Moved from Thursday, December 10, 2026" in str(ev["DESCRIPTION"])


def calendar_of(project, slug, lang="en") -> object:
    site, _ = build_site(project.root, now=EXAMPLE_NOW)
    files = {(f.lang, f.rel): f.data for f in calendar_files(site, lambda l: Messages(l, site.default))}
    cal = Calendar.from_ical(files[(lang, f"calendar/meetings/{slug}.ics")])
    district = events(Calendar.from_ical(files[(lang, "calendar/district.ics")]))
    (ev,) = cal.walk("VEVENT")
    assert district[str(ev["UID"])]["SEQUENCE"] == ev["SEQUENCE"]
    return ev


def test_moving_a_meeting_keeps_its_uid_and_raises_its_sequence(project):
    path = "content/en/meetings/2026-12-08-alder-sac.md"
    text = (project.root / path).read_text()
    first = calendar_of(project, "2026-12-08-alder-sac")
    assert first.decoded("SEQUENCE") == 0
    assert str(first["STATUS"]) == "CONFIRMED"

    # Staff move it: new start, status rescheduled, the old start in previous_start.
    project.write(path, text.replace("start: 2026-12-08 17:30",
                                     "start: 2026-12-15 17:30\nstatus: rescheduled\n"
                                     "previous_start: 2026-12-08 17:30"))
    moved = calendar_of(project, "2026-12-08-alder-sac")
    assert str(moved["UID"]) == str(first["UID"])
    assert moved.decoded("SEQUENCE") == 2
    assert moved.decoded("DTSTART") == datetime(2026, 12, 15, 17, 30, tzinfo=LA)

    # Moved again: previous_start becomes the list of earlier starts.
    project.write(path, text.replace("start: 2026-12-08 17:30",
                                     "start: 2026-12-17 18:00\nstatus: rescheduled\n"
                                     "previous_start:\n  - 2026-12-08 17:30\n  - 2026-12-15 17:30"))
    again = calendar_of(project, "2026-12-08-alder-sac")
    assert str(again["UID"]) == str(first["UID"])
    assert again.decoded("SEQUENCE") == 4
    assert again.decoded("DTSTART") == datetime(2026, 12, 17, 18, 0, tzinfo=LA)
    assert "Moved from Tuesday, December 15, 2026" in str(again["DESCRIPTION"])

    # Then cancelled: still there, still the same UID, STATUS:CANCELLED and a higher SEQUENCE.
    project.write(path, text.replace("start: 2026-12-08 17:30",
                                     "start: 2026-12-17 18:00\nstatus: cancelled\n"
                                     "previous_start:\n  - 2026-12-08 17:30\n  - 2026-12-15 17:30"))
    cancelled = calendar_of(project, "2026-12-08-alder-sac")
    assert str(cancelled["UID"]) == str(first["UID"])
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.decoded("SEQUENCE") == 5


def staff_edits(project, edits: list[tuple[str, str]]) -> list[tuple[int, str, object]]:
    """Apply each front-matter edit to the fixture meeting in turn (as staff would, following
    docs/staff-guide.md) and return (SEQUENCE, STATUS, DTSTART) after each."""
    path = "content/en/meetings/2026-12-08-alder-sac.md"
    text = (project.root / path).read_text()
    out = []
    for name, lines in edits:
        project.write(path, text.replace("start: 2026-12-08 17:30\n", lines.strip("\n") + "\n"))
        ev = calendar_of(project, "2026-12-08-alder-sac")
        out.append((ev.decoded("SEQUENCE"), str(ev["STATUS"]), ev.decoded("DTSTART")))
    return out


def assert_rises_at_every_change(results):
    for (seq0, status0, start0), (seq1, status1, start1) in zip(results, results[1:]):
        assert seq1 >= seq0, "SEQUENCE never decreases"
        if (status0, start0) != (status1, start1):
            assert seq1 > seq0, f"SEQUENCE rises when {status0} {start0} becomes {status1} {start1}"


def test_postponed_then_rescheduled_raises_sequence(project):
    results = staff_edits(project, [
        ("scheduled", "start: 2026-12-08 17:30"),
        ("postponed", "start: 2026-12-08 17:30\nstatus: postponed"),
        ("new date known", "start: 2026-12-15 17:30\nstatus: rescheduled\nprevious_start: 2026-12-08 17:30"),
    ])
    assert [r[0] for r in results] == [0, 1, 2]
    assert [r[1] for r in results] == ["CONFIRMED", "TENTATIVE", "CONFIRMED"]
    assert_rises_at_every_change(results)


def test_uncancelling_with_reinstated_raises_sequence(project):
    """A cancelled meeting that goes ahead after all, at the same time: staff set status back and
    add reinstated (docs/staff-guide.md, "Cancel a meeting")."""
    results = staff_edits(project, [
        ("scheduled", "start: 2026-12-08 17:30"),
        ("cancelled", "start: 2026-12-08 17:30\nstatus: cancelled"),
        ("back on", "start: 2026-12-08 17:30\nreinstated: 1"),
        ("cancelled again", "start: 2026-12-08 17:30\nstatus: cancelled\nreinstated: 1"),
        ("back on again", "start: 2026-12-08 17:30\nreinstated: 2"),
        ("postponed", "start: 2026-12-08 17:30\nstatus: postponed\nreinstated: 2"),
        ("moved", "start: 2026-12-10 17:30\nstatus: rescheduled\nreinstated: 2\n"
                  "previous_start: 2026-12-08 17:30"),
        ("moved back", "start: 2026-12-08 17:30\nstatus: rescheduled\nreinstated: 2\n"
                       "previous_start:\n  - 2026-12-08 17:30\n  - 2026-12-10 17:30"),
    ])
    assert [r[0] for r in results] == [0, 1, 2, 3, 4, 5, 6, 8]
    assert [r[1] for r in results] == ["CONFIRMED", "CANCELLED", "CONFIRMED", "CANCELLED", "CONFIRMED",
                                       "TENTATIVE", "CONFIRMED", "CONFIRMED"]
    assert results[-1][2] == datetime(2026, 12, 8, 17, 30, tzinfo=LA)
    assert_rises_at_every_change(results)


def test_previous_start_equal_to_start_is_an_error(project):
    from click.testing import CliRunner

    from generator.cli.main import main

    path = "content/en/meetings/2026-12-08-alder-sac.md"
    text = (project.root / path).read_text()
    project.write(path, text.replace("start: 2026-12-08 17:30",
                                     "start: 2026-12-08 17:30\nstatus: rescheduled\n"
                                     "previous_start: 2026-12-08 17:30"))
    result = CliRunner().invoke(main, ["check", "-p", str(project.root), "--now", EXAMPLE_NOW])
    assert result.exit_code == 1
    assert "previous_start is the same as start" in result.output


def test_meeting_page_links_to_its_calendar_google_and_its_bodys_subscription(example_site):
    html = (example_site / "es/meetings/2026-12-08-lincoln-sac/index.html").read_text()
    assert 'href="../../calendar/meetings/2026-12-08-lincoln-sac.ics"' in html
    body = "calendar/bodies/lincoln-elementary-site-advisory-council.ics"
    assert f'href="webcal://{HOST}/es/{body}"' in html
    assert f"{SITE_URL}es/{body}" in html  # the https address, to paste into any calendar
    google = [u.replace("&amp;", "&") for u in
              __import__("re").findall(r'href="(https://calendar\.google\.com/[^"]+)"', html)]
    add = next(u for u in google if "action=TEMPLATE" in u)
    query = parse_qs(urlsplit(add).query)
    assert query["dates"] == ["20261209T013000Z/20261209T030000Z"]
    assert query["text"][0] == "Consejo Asesor Escolar de Lincoln · mar, 8 de dic"
    assert query["ctz"] == ["America/Los_Angeles"]
    subscribe = next(u for u in google if "cid=" in u)
    assert unquote(parse_qs(urlsplit(subscribe).query)["cid"][0]) == f"webcal://{HOST}/es/{body}"


def test_listing_pages_offer_district_school_and_body_subscriptions(example_site):
    district = (example_site / "meetings/index.html").read_text()
    assert f'href="webcal://{HOST}/calendar/district.ics"' in district
    assert f'href="webcal://{HOST}/calendar/bodies/district-advisory-council.ics"' in district
    school = (example_site / "es/schools/lincoln-elementary/meetings/index.html").read_text()
    assert f'href="webcal://{HOST}/es/calendar/schools/lincoln-elementary.ics"' in school


def test_calendars_are_reproducible_and_stamped_with_source_date_epoch(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")

    def files():
        site, _ = build_site(project.root)  # no --now: SOURCE_DATE_EPOCH is "now"
        return {(f.lang, f.rel): f.data for f in calendar_files(site, lambda l: Messages(l, site.default))}

    first, second = files(), files()
    assert first == second
    ev = Calendar.from_ical(first[("es", "calendar/district.ics")]).walk("VEVENT")[0]
    day = datetime.fromtimestamp(1795000000, ZoneInfo("UTC")).date()
    assert ev.decoded("DTSTAMP") == datetime(day.year, day.month, day.day, tzinfo=ZoneInfo("UTC"))


def ics_links(site_dir, page_path: str) -> list[str]:
    """Every .ics a page links to, as a file path below the site root (relative links resolved
    from the page's own address, as a browser does)."""
    import posixpath
    import re

    page = (site_dir / page_path / "index.html").read_text(encoding="utf-8")
    out = []
    for href in re.findall(r'href="([^"]+\.ics)"', page):
        if "://" in href:
            continue
        out.append(posixpath.normpath(posixpath.join("/" + page_path, href)).lstrip("/"))
    return out


@pytest.mark.parametrize("lang", ["en", "es"])
def test_calendar_links_lead_to_the_calendar_in_the_pages_language(example_site, model, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    pages = [f"{prefix}meetings/", f"{prefix}meetings/2026-12-08-lincoln-sac/"] + \
        [f"{prefix}schools/{s.slug}/meetings/" for s in model.schools]
    for page_path in pages:
        links = ics_links(example_site, page_path)
        assert links, page_path
        for target in links:
            assert target.startswith(f"{prefix}calendar/"), f"{page_path} links to {target}"
            assert (example_site / target).is_file(), f"{page_path} links to missing {target}"
    # "Calendar address" and "Download (.ics)" on the Spanish pages give the Spanish calendars.
    if lang == "es":
        body = "es/calendar/bodies/lincoln-elementary-site-advisory-council.ics"
        assert body in ics_links(example_site, "es/meetings/2026-12-08-lincoln-sac/")
        assert "es/calendar/schools/lincoln-elementary.ics" in \
            ics_links(example_site, "es/schools/lincoln-elementary/meetings/")
        assert "es/calendar/bodies/district-advisory-council.ics" in ics_links(example_site, "es/meetings/")
        cal = Calendar.from_ical((example_site / body).read_bytes())
        assert str(cal["X-WR-CALNAME"]).startswith("Consejo Asesor Escolar de Lincoln")


def test_agenda_markdown_is_plain_text_in_the_calendar(project):
    path = "content/en/meetings/2026-12-08-alder-sac.md"
    text = (project.root / path).read_text()
    project.write(path, text.replace("  - Welcome\n", "  - Welcome\n  - \"**Vote** on the [budget](https://example.org/budget.pdf)\"\n"))
    ev = calendar_of(project, "2026-12-08-alder-sac")
    description = str(ev["DESCRIPTION"])
    assert "2. Vote on the budget (https://example.org/budget.pdf)" in description
    assert "**" not in description and "](" not in description


def test_cancelled_to_postponed_and_back_by_hand_with_revision_raises_sequence(project):
    """Neither state is "more called off" than the other: staff add one to revision
    (docs/staff-guide.md), as the portal meeting commands do."""
    results = staff_edits(project, [
        ("scheduled", "start: 2026-12-08 17:30"),
        ("cancelled", "start: 2026-12-08 17:30\nstatus: cancelled"),
        ("postponed", "start: 2026-12-08 17:30\nstatus: postponed\nrevision: 1"),
        ("cancelled again", "start: 2026-12-08 17:30\nstatus: cancelled\nrevision: 2"),
        ("back on", "start: 2026-12-08 17:30\nreinstated: 1\nrevision: 2"),
    ])
    assert [r[0] for r in results] == [0, 1, 2, 3, 4]
    assert [r[1] for r in results] == ["CONFIRMED", "CANCELLED", "TENTATIVE", "CANCELLED", "CONFIRMED"]
    assert_rises_at_every_change(results)


def test_each_meeting_description_is_made_once_per_language_for_every_calendar_holding_it(model,
                                                                                       monkeypatch):
    """A meeting is in its own calendar, its school's, its body's and the district's: its event
    (and its description, made from Markdown) is built once per language and reused in all."""
    from generator.derive.meeting_text import Words

    made = []
    description = Words.description
    monkeypatch.setattr(Words, "description", lambda self, m: made.append((self.lang, m.slug))
                        or description(self, m))
    files = calendar_files(model, lambda lang: Messages(lang, model.default))
    assert sorted(made) == sorted({(lang, m.slug) for lang in model.languages for m in model.meetings})
    district = [f for f in files if f.rel == "calendar/district.ics" and f.lang == "es"][0]
    assert len(Calendar.from_ical(district.data).walk("VEVENT")) == len(model.meetings)
