"""The second example project (examples/mesa-alta-high): a one-school New Mexico district.

It must pass ``portal check --strict`` with every translation up to date, and build; its pages
must carry its own district, state and time zone, never the main example's California ones.
The browser tests of its pages are in tests/browser/test_second_example_pages.py.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from generator.cli.main import main
from support import EXAMPLE_NOW, SECOND_EXAMPLE

NOW = ["--now", EXAMPLE_NOW]
# What only the main example (Valle Verde, California) says: none of it may reach this site.
MAIN_EXAMPLE_WORDS = re.compile(r"Valle Verde|valleverde|California|Los_Angeles|Pacific|CCSPP")


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text(html: str) -> str:
    """The words of a page's main content, as a reader sees them."""
    main_part = re.search(r"<main.*?</main>", html, re.S).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", main_part).split())


def test_the_second_example_passes_check_strict_with_no_warning():
    result = run("check", "--strict", "-p", str(SECOND_EXAMPLE), *NOW)
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output
    assert "Content is valid: 1 school, 3 people, 1 council, 6 meetings, 2 grants" in result.output


def test_every_spanish_translation_of_the_second_example_is_complete_and_current():
    result = run("translations", "--strict", "-p", str(SECOND_EXAMPLE))
    assert result.exit_code == 0, result.output
    assert "0 partial, 0 outdated, 0 missing" in result.output


@pytest.mark.parametrize("path", ["", "schools/mesa-alta-high/", "people/ines-baca/",
                                  "grants/state-community-schools-implementation/",
                                  "grants/rural-health-access-application/", "grants/dashboard/",
                                  "meetings/2026-12-10-mesa-alta-leadership-team/",
                                  "news/what-fridays-mean-here/", "four-day-week/"])
def test_the_second_example_builds_every_kind_of_page_in_both_languages(second_example_site, path):
    for prefix in ("", "es/"):
        assert (second_example_site / prefix / path / "index.html").is_file(), prefix + path


def test_nothing_of_the_main_example_reaches_the_second_site(second_example_site):
    leaks = [f"{f.relative_to(second_example_site)}: {m.group(0)}"
             for f in sorted(second_example_site.rglob("*"))
             if f.suffix in (".html", ".ics", ".xml", ".atom", ".rss", ".vcf", ".json")
             for m in [MAIN_EXAMPLE_WORDS.search(f.read_text(encoding="utf-8"))] if m]
    assert not leaks, "\n".join(leaks)


def test_its_home_page_says_what_its_home_file_says_and_nothing_about_every_school(second_example_site):
    en, es = text(read(second_example_site, "")), text(read(second_example_site, "es"))
    assert "Mesa Alta High School is the district" in en and "community school: on Fridays" in en
    assert "La Preparatoria Mesa Alta es la escuela comunitaria del distrito" in es
    assert "Every school in" not in en and "is a community school:" not in en
    assert "Todas las escuelas de" not in es and "de Escuelas Consolidadas" not in es


def test_its_meetings_are_in_mountain_time_on_pages_and_calendars(second_example_site):
    page = read(second_example_site, "meetings/2026-12-10-mesa-alta-leadership-team/")
    assert 'datetime="2026-12-10T17:30:00-07:00"' in page
    assert "5:30 PM" in text(page) and "Mountain Standard Time" in text(page)
    es = text(read(second_example_site, "es/meetings/2026-12-10-mesa-alta-leadership-team/"))
    assert "5:30 p.m." in es and "hora estándar de las Montañas Rocosas" in es
    ics = (second_example_site / "calendar" / "district.ics").read_bytes()
    calendar = Calendar.from_ical(ics)
    assert calendar["X-WR-TIMEZONE"] == "America/Denver"
    starts = sorted(e.decoded("dtstart") for e in calendar.walk("VEVENT"))
    assert [str(s.tzinfo) for s in starts] == ["America/Denver"] * 6
    assert starts[2].hour == 17 and starts[2].utcoffset().total_seconds() == -7 * 3600


def test_its_pending_application_is_shown_apart_from_the_money_awarded(second_example_site):
    dashboard = text(read(second_example_site, "grants/dashboard/"))
    assert "$375,000 awarded in 1 grant" in dashboard
    assert "$120,000 requested in 1 grant application" in dashboard
    assert "$495,000" not in dashboard, "the application is not added to the award"
    grant = text(read(second_example_site, "grants/rural-health-access-application/"))
    assert "Applied for" in grant and "Amount requested $120,000" in grant


def test_its_school_page_shows_its_coordinator_then_the_others_who_serve_it(second_example_site):
    for prefix, coordinator_heading, others_heading in (
            ("", "Community school coordinator", "Also serving this school"),
            ("es/", "Coordinación de escuela comunitaria", "También atienden esta escuela")):
        html = read(second_example_site, prefix + "schools/mesa-alta-high/")
        people = html[html.index('<h2 id="coordinator">'):html.index('<h2 id="services">')]
        words = " ".join(re.sub(r"<[^>]+>", " ", people).split())
        at = [words.index(w) for w in (coordinator_heading, "Inés Baca", others_heading,
                                        "Tomás Quintana", "Rafaela Montoya")]
        assert at == sorted(at), (prefix, at)


@pytest.mark.parametrize("page, words, target", [
    ("grants/state-community-schools-implementation/", {"": "leadership team", "es/": "equipo de liderazgo"},
     "councils/mesa-alta-high-leadership-team/"),
    ("grants/rural-health-access-application/", {"": "November meeting", "es/": "reunión de noviembre"},
     "meetings/2026-11-12-mesa-alta-leadership-team/"),
    ("news/birth-certificate-clinic-january/", {"": "clinic's notice", "es/": "aviso de la clínica"},
     "meetings/2027-01-08-mesa-alta-birth-certificate-clinic/"),
    ("councils/mesa-alta-high-leadership-team/",
     {"": "state community schools grant", "es/": "subvención estatal de escuelas comunitarias"},
     "grants/state-community-schools-implementation/#milestones"),
])
def test_its_body_links_lead_to_the_item_in_the_pages_own_language(second_example_site, page, words, target):
    """Staff wrote each link once, as the path of the item's file; each language's page links to
    that item's page in the same language."""
    for prefix, link_text in words.items():
        html = read(second_example_site, prefix + page)
        words_of_link = re.escape(link_text).replace("'", "(?:'|’)")  # the typographer's apostrophe
        hrefs = re.findall(r'<a href="([^"]+)"[^>]*>' + words_of_link + "</a>", html)
        assert len(hrefs) == 1, (prefix, link_text)
        base = f"https://site.example/{prefix}{page}"
        assert urljoin(base, hrefs[0]) == f"https://site.example/{prefix}{target}", (prefix, hrefs[0])
