"""Meeting pages in a real browser: the clock moves ended meetings to past, print gives a
one-page notice, the flyer is bilingual, and axe finds nothing."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]
BUILT = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)  # tests/support.py EXAMPLE_NOW
AFTER_LINCOLN = datetime(2026, 12, 9, 4, 0, tzinfo=timezone.utc)  # Dec 8, 20:00 in Valle Verde




def slugs(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all(
        "cards => cards.map(c => c.querySelector('a').getAttribute('href').split('/').filter(Boolean).pop())")


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_without_javascript_the_build_time_order_stands(page_without_js, model):
    page = page_without_js
    page.goto("meetings/")
    upcoming = slugs(page, '[data-meetings="upcoming"] .meeting-card')
    assert upcoming == [m.slug for m in model.upcoming_meetings]


def test_the_browser_clock_at_build_time_changes_nothing(page, model):
    page.clock.install(time=BUILT)
    page.goto("meetings/")
    assert slugs(page, '[data-meetings="upcoming"] .meeting-card') == [m.slug for m in model.upcoming_meetings]
    assert page.locator("[data-meetings-none]").is_hidden()


def test_an_ended_meeting_moves_to_past_when_the_clock_is_later(page, model):
    page.clock.install(time=AFTER_LINCOLN)
    page.goto("meetings/")
    upcoming = slugs(page, '[data-meetings="upcoming"] .meeting-card')
    ended = [m.slug for m in model.meetings if m.end <= AFTER_LINCOLN]
    assert upcoming == [m.slug for m in model.meetings if m.end > AFTER_LINCOLN]
    assert "2026-12-08-lincoln-sac" not in upcoming and "2026-12-10-sierra-vista-sac" in upcoming
    december = page.locator('[data-meetings="past"] > section').first
    assert december.get_attribute("data-month") == "2026-12"
    assert december.get_by_role("heading", level=3).inner_text() == "December 2026"
    assert slugs(page, '[data-meetings="past"] .meeting-card') == list(reversed(ended))
    moved = page.locator('[data-meetings="past"] .meeting-card').first
    assert moved.locator("h4.card__title").count() == 1, "headings follow the past list's levels"
    assert_accessible(page)

    page.goto("es/schools/lincoln-elementary/meetings/")
    assert slugs(page, '[data-meetings="upcoming"] .meeting-card') == []
    assert page.get_by_text("Por ahora no hay reuniones programadas.").is_visible()
    assert page.locator('[data-meetings="past"] > section h3').first.inner_text() == "diciembre de 2026"

    page.goto("")
    shown = page.locator("[data-next-candidate]:visible")
    assert shown.count() == 1
    assert slugs(page, "[data-next-candidate]:visible .meeting-card") == ["2026-12-10-sierra-vista-sac"]
    assert shown.get_by_role("link", name=re.compile("See the current agenda")).get_attribute("href") \
        .endswith("meetings/2026-12-10-sierra-vista-sac/")

    page.goto("meetings/2026-12-08-lincoln-sac/")
    assert page.get_by_text("This meeting has ended.").is_visible()
    page.goto("meetings/2026-12-10-sierra-vista-sac/")
    assert page.get_by_text("This meeting has ended.").is_hidden()


def test_a_meeting_page_prints_as_a_clean_one_page_notice(page, model):
    page.clock.install(time=BUILT)
    for m in model.upcoming_meetings:
        for lang in LANGS:
            page.goto(url(lang, m.path))
            page.emulate_media(media="print")
            assert page.locator(".site-header").is_hidden() and page.locator(".primary-nav").is_hidden()
            assert page.locator(".site-footer").is_hidden() and page.locator(".skip-link").is_hidden()
            assert page.locator(".calendar-links").first.is_hidden()
            assert page.locator("h1").is_visible()
            if m.get(lang, "agenda"):
                assert page.locator(".agenda").is_visible()
            for size in ("A4", "Letter"):
                assert pdf_pages(page.pdf(format=size)) == 1, f"{lang} {m.slug} on {size}"
    page.goto("meetings/")
    assert pdf_pages(page.pdf(format="A4")) > 1, "the page counter can count more than one page"


def test_the_flyer_shows_both_languages_side_by_side_on_one_page(wide, model):
    page = wide
    page.clock.install(time=BUILT)
    for m in model.upcoming_meetings:
        for lang, other in (("en", "es"), ("es", "en")):
            page.goto(url(lang, m.path + "flyer/"))
            page.emulate_media(media="print")
            halves = page.locator(".flyer__half")
            assert [halves.nth(i).get_attribute("lang") for i in range(2)] == [lang, other]
            left, right = halves.nth(0).bounding_box(), halves.nth(1).bounding_box()
            assert left["y"] == right["y"] and left["x"] + left["width"] <= right["x"]
            assert page.locator(".site-header").is_hidden()
            for size in ("A4", "Letter"):
                assert pdf_pages(page.pdf(format=size)) == 1, f"{lang} {m.slug} flyer on {size}"
    page.emulate_media(media="screen")
    page.goto("es/meetings/2026-12-08-lincoln-sac/flyer/")
    assert page.locator('.flyer__half[lang="es"]').get_by_role(
        "heading", name="Consejo Asesor Escolar de Lincoln · mar, 8 de dic").is_visible()
    assert page.locator('.flyer__half[lang="en"]').get_by_role(
        "heading", name="Lincoln Site Advisory Council · Tue, Dec 8").is_visible()
    assert page.get_by_role("button", name="Imprimir").is_visible()


ACCESSIBLE = [
    "meetings/2026-12-08-lincoln-sac/",  # scheduled, documents, online and in person
    "meetings/2026-12-16-chavez-sac/",  # cancelled
    "meetings/2026-12-10-sierra-vista-sac/",  # rescheduled
    "meetings/2026-12-03-las-palmas-sac/",  # postponed
    "meetings/2026-10-28-sierra-vista-sac-special/",  # special, held: minutes
    "meetings/2026-12-08-lincoln-sac/flyer/",
    "meetings/calendar/",
    "meetings/calendar/2026-12/",
    "meetings/",
    "schools/lincoln-elementary/meetings/",
]


@pytest.mark.parametrize("lang", LANGS)
def test_meeting_calendar_and_flyer_pages_pass_axe(page, wide, lang):
    for p in (page, wide):  # phone: the month as a list; wide: the month as a table
        p.clock.install(time=BUILT)
        for path in ACCESSIBLE:
            response = p.goto(url(lang, path))
            assert response.ok, path
            assert p.locator("h1").count() == 1, path
            assert_accessible(p)
    wide.goto(url(lang, "meetings/calendar/2026-12/"))
    assert wide.locator("table.month-grid").is_visible()
    page.goto(url(lang, "meetings/calendar/2026-12/"))
    assert page.locator("table.month-grid").is_hidden() and page.locator(".month-list").is_visible()


AFTER_CHAVEZ = datetime(2026, 12, 17, 20, 0, tzinfo=timezone.utc)  # the cancelled Dec 16 meeting is past


def test_cancelled_and_postponed_meetings_never_say_they_have_ended(page):
    page.clock.install(time=AFTER_CHAVEZ)
    for lang, ended in (("en", "This meeting has ended."), ("es", "Esta reunión ya terminó.")):
        for slug in ("2026-12-16-chavez-sac", "2026-12-03-las-palmas-sac"):  # cancelled, postponed
            page.goto(url(lang, f"meetings/{slug}/"))
            assert page.get_by_text(ended).count() == 0 or page.get_by_text(ended).is_hidden(), slug
        page.goto(url(lang, "meetings/2026-12-08-lincoln-sac/"))  # held: it has ended
        assert page.get_by_text(ended).is_visible()


def test_a_page_built_long_ago_still_finds_the_next_meeting(page, model):
    """The next-meeting box carries every upcoming meeting, not just a few."""
    later = datetime(2027, 2, 1, 12, 0, tzinfo=timezone.utc)
    expected = next(m.slug for m in model.meetings
                    if m.end > later and m.status not in ("cancelled", "postponed"))
    assert expected == "2027-02-25-district-advisory-council"
    page.clock.install(time=later)
    page.goto("")
    assert slugs(page, "[data-next-candidate]:visible .meeting-card") == [expected]
    assert page.locator("[data-next-none]").is_hidden()


def test_school_page_more_upcoming_meetings_follow_the_clock(page):
    page.clock.install(time=BUILT)
    page.goto("schools/cesar-chavez-k8/")
    assert slugs(page, "[data-next-candidate]:visible .meeting-card") == ["2027-01-13-chavez-family-workshop"]
    more = page.locator("[data-next-later]")
    assert more.get_by_role("heading", name="More upcoming meetings").is_visible()
    assert slugs(page, "[data-later-candidate]:visible .meeting-card") == ["2026-12-16-chavez-sac"]
    page.clock.install(time=AFTER_CHAVEZ)
    page.goto("es/schools/cesar-chavez-k8/")
    assert slugs(page, "[data-next-candidate]:visible .meeting-card") == ["2027-01-13-chavez-family-workshop"]
    assert more.is_hidden(), "nothing else upcoming once the December meeting is past"
    assert_accessible(page)
