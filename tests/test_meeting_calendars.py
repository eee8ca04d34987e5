"""Meeting calendars (.ics): they parse with icalendar, say what families need in each language,
keep a meeting's UID forever, raise SEQUENCE when it moves, and keep cancelled meetings."""
from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from generator.calendars import calendar_files
from generator.i18n import Messages
from generator.pipeline import build_site
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
            assert ev.decoded("DTSTAMP") == datetime(2026, 11, 23, 12, 0, tzinfo=ZoneInfo("UTC"))
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
    assert str(en["SUMMARY"]).startswith("December meeting")
    assert str(es["SUMMARY"]).startswith("Reunión de diciembre")
    assert "When: Tuesday, December 8, 2026" in str(en["DESCRIPTION"])
    assert "Cuándo: martes, 8 de diciembre de 2026" in str(es["DESCRIPTION"])
    assert "Aprobación del acta de noviembre" in str(es["DESCRIPTION"])
    assert "Cuidado de niños disponible" in str(es["DESCRIPTION"])
    assert "a más tardar el domingo, 6 de diciembre de 2026" in str(es["DESCRIPTION"])
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
                        if m.school is None and m.get("en", "group") == "district_advisory_council"}
    assert len(dac) == 3


def test_rescheduled_example_is_at_its_new_time_with_sequence_one(example_site):
    ev = events(read(example_site, "en", "calendar/district.ics"))[f"2026-12-10-sierra-vista-sac@{HOST}"]
    assert ev.decoded("DTSTART") == datetime(2026, 12, 15, 17, 30, tzinfo=LA)
    assert ev.decoded("SEQUENCE") == 1
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
    assert moved.decoded("SEQUENCE") == 1
    assert moved.decoded("DTSTART") == datetime(2026, 12, 15, 17, 30, tzinfo=LA)

    # Moved again: previous_start becomes the list of earlier starts.
    project.write(path, text.replace("start: 2026-12-08 17:30",
                                     "start: 2026-12-17 18:00\nstatus: rescheduled\n"
                                     "previous_start:\n  - 2026-12-08 17:30\n  - 2026-12-15 17:30"))
    again = calendar_of(project, "2026-12-08-alder-sac")
    assert str(again["UID"]) == str(first["UID"])
    assert again.decoded("SEQUENCE") == 2
    assert again.decoded("DTSTART") == datetime(2026, 12, 17, 18, 0, tzinfo=LA)
    assert "Moved from Tuesday, December 15, 2026" in str(again["DESCRIPTION"])

    # Then cancelled: still there, still the same UID, STATUS:CANCELLED and a higher SEQUENCE.
    project.write(path, text.replace("start: 2026-12-08 17:30",
                                     "start: 2026-12-17 18:00\nstatus: cancelled\n"
                                     "previous_start:\n  - 2026-12-08 17:30\n  - 2026-12-15 17:30"))
    cancelled = calendar_of(project, "2026-12-08-alder-sac")
    assert str(cancelled["UID"]) == str(first["UID"])
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.decoded("SEQUENCE") == 3


def test_previous_start_equal_to_start_is_an_error(project):
    from click.testing import CliRunner
    from generator.cli import main

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
    assert query["text"][0].startswith("Reunión de diciembre")
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
    assert ev.decoded("DTSTAMP") == datetime.fromtimestamp(1795000000, ZoneInfo("UTC"))
