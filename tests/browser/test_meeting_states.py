"""Each meeting state (scheduled, cancelled, postponed, rescheduled, ended) shown the same on the
meeting page, a list card, the month calendar, the school page and the flyer, in both languages:
what a family can act on is shown, and what would mislead it is absent."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]
BUILT = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)  # tests/support.py EXAMPLE_NOW
AFTER_LINCOLN = datetime(2026, 12, 9, 4, 0, tzinfo=timezone.utc)  # Dec 8, 20:00 in Valle Verde
AFTER_CHAVEZ = datetime(2026, 12, 17, 12, 0, tzinfo=timezone.utc)  # Dec 17, 4:00 in Valle Verde

# One example meeting in each state at the example's "now". Each offers childcare, and all but
# the postponed one (in person only) can be joined online: so absence below means something.
MEETING = {
    "scheduled": "2026-12-08-lincoln-sac",
    "cancelled": "2026-12-16-chavez-sac",
    "postponed": "2026-12-03-las-palmas-sac",
    "rescheduled": "2026-12-10-sierra-vista-sac",
    "ended": "2026-11-19-district-advisory-council",
}
INVITING = {"scheduled", "rescheduled"}

WORDS = {
    "en": {"cancelled": "Cancelled: this meeting will not take place", "postponed": "New date to be announced",
           "ended": "This meeting has ended.", "new_time": "New time:", "join": "Join online",
           "childcare": "Childcare provided", "add": "Add to my calendar (.ics)",
           "google": "Add to Google Calendar", "was": "Was planned for:", "moved_from": "Moved from",
           "moved_to": "Moved to", "minutes": "Minutes", "documents": "Documents",
           "badge": {"cancelled": "Cancelled", "postponed": "Postponed", "rescheduled": "Rescheduled",
                     "ended": "Ended"}},
    "es": {"cancelled": "Cancelada: esta reunión no se llevará a cabo", "postponed": "Nueva fecha por anunciar",
           "ended": "Esta reunión ya terminó.", "new_time": "Nueva fecha:", "join": "Participar en línea",
           "childcare": "Cuidado de niños disponible", "add": "Agregar a mi calendario (.ics)",
           "google": "Agregar a Google Calendar", "was": "Estaba prevista para:", "moved_from": "Antes era el",
           "moved_to": "Se cambió al", "minutes": "Acta", "documents": "Documentos",
           "badge": {"cancelled": "Cancelada", "postponed": "Aplazada", "rescheduled": "Cambio de fecha",
                     "ended": "Terminada"}},
}


def visible(locator) -> int:
    """How many of the matches a person can see."""
    return sum(1 for i in range(locator.count()) if locator.nth(i).is_visible())


def card(scope, slug: str, only_visible: bool = False):
    return scope.locator(f'.meeting-card:has(.card__title a[href$="{slug}/"])' + (":visible" if only_visible else ""))


def assert_invites(scope, lang: str, invites: bool, what: str) -> None:
    """Supports, join details, the accommodation deadline and add-to-calendar: offered only by a
    meeting still to come (every example meeting here offers childcare)."""
    w = WORDS[lang]
    offered = {
        "childcare": visible(scope.locator(".support--childcare")),
        "deadline": visible(scope.locator(".accommodations")),
        "join": visible(scope.get_by_text(w["join"], exact=True)) + visible(scope.get_by_text("meet.example.org")),
        "add to calendar": visible(scope.get_by_text(w["add"], exact=True))
        + visible(scope.get_by_text(w["google"], exact=True)),
    }
    if invites:
        assert offered["childcare"], f"{what}: {offered}"
    else:
        assert not any(offered.values()), f"{what} offers {offered}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("state", list(MEETING))
def test_the_meeting_page_shows_its_state_without_javascript(page_without_js, lang, state):
    page, w = page_without_js, WORDS[lang]
    page.goto(url(lang, f"meetings/{MEETING[state]}/"))
    notice = page.locator(".meeting-notice")
    assert notice.get_attribute("data-meeting-state") == state
    when = page.locator(".facts--meeting dd").first
    if state == "scheduled":
        assert page.locator(".badge").filter(has_text=re.compile("|".join(w["badge"].values()))).count() == 0
        assert when.locator("s, del").count() == 0
        assert page.locator(".notice--state:visible, .notice--ended:visible").count() == 0
    else:
        assert page.locator("h1 .badge").inner_text() == w["badge"][state]
    if state == "cancelled":
        assert page.get_by_role("note").filter(has_text=w["cancelled"]).is_visible()
        assert when.locator("s time").count() == 2 and w["was"] in when.locator("s").inner_text()
    if state == "postponed":
        assert page.get_by_text(w["postponed"]).first.is_visible()
        assert when.locator("s time").count() == 2, "the old date is struck through, not shown as firm"
    if state == "rescheduled":
        assert when.locator("strong").inner_text() == w["new_time"]
        assert when.locator("s, del").count() == 0, "the new time stands"
        assert w["moved_from"] in page.locator(".notice--rescheduled del").inner_text()
    if state == "ended":
        assert page.get_by_text(w["ended"]).is_visible()
        assert page.get_by_role("heading", name=w["minutes"], exact=True).is_visible(), "minutes stay"
        assert page.get_by_role("heading", name=w["documents"], exact=True).is_visible(), "documents stay"
    if state in ("cancelled", "postponed"):
        assert page.get_by_text(w["ended"]).count() == 0
    assert_invites(page.locator("main"), lang, state in INVITING, f"{lang} {state} page")
    if state in INVITING:
        assert page.get_by_text(w["join"], exact=True).count() == (state == "scheduled")  # only Lincoln is online
        assert page.locator(".accommodations").is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_list_cards_show_each_state(page_without_js, lang):
    page, w = page_without_js, WORDS[lang]
    page.goto(url(lang, "meetings/"))
    upcoming, past = page.locator('[data-meetings="upcoming"]'), page.locator('[data-meetings="past"]')
    for state, slug in MEETING.items():
        c = card(upcoming if state != "ended" else past, slug)
        assert c.count() == 1, f"{state} is listed where it belongs"
        assert c.get_attribute("data-meeting-state") == state
        badge = c.locator(".card__title .badge:not(.badge--lang)")
        assert badge.all_inner_texts() == ([] if state == "scheduled" else [w["badge"][state]])
        when = c.locator(".card__when")
        assert_invites(c, lang, state in INVITING, f"{lang} {state} card")
        assert (c.locator(".support").count() > 0) == (state in INVITING)
        if state == "cancelled":
            assert when.locator("s time").count() == 2
        elif state == "postponed":
            assert w["postponed"] in when.inner_text() and when.locator("s time").count() == 2
        elif state == "rescheduled":
            assert when.locator("strong").inner_text() == w["new_time"] and when.locator("s").count() == 0
            assert w["moved_from"] in c.locator(".card__note del").inner_text()
        else:
            assert when.locator("s, del, strong").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_month_calendar_marks_each_state_and_links_from_the_old_date(wide, lang):
    page, w = wide, WORDS[lang]
    page.clock.install(time=BUILT)
    page.goto(url(lang, "meetings/calendar/2026-12/"))
    grid = page.locator(".month-grid")
    for state in ("scheduled", "cancelled", "postponed", "rescheduled"):
        entry = grid.locator(f'.month-grid__meeting[data-meeting-state="{state}"][href$="{MEETING[state]}/"]')
        assert entry.count() == 1, state
        assert entry.locator(".badge").all_inner_texts() == ([] if state == "scheduled" else [w["badge"][state]])
    moved = grid.locator(".month-grid__meeting--moved")
    assert moved.count() == 1 and w["moved_to"] in moved.inner_text()
    page.locator(".month-grid__meeting--moved").click()
    assert page.url.endswith(f"meetings/{MEETING['rescheduled']}/")
    page.goto(url(lang, "meetings/calendar/2026-11/"))
    ended = page.locator(f'.month-grid__meeting[href$="{MEETING["ended"]}/"]')
    assert ended.get_attribute("data-meeting-state") == "ended"
    assert ended.locator(".badge").inner_text() == w["badge"]["ended"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_month_calendar_on_a_phone_lists_cards_with_the_same_state(page, lang):
    page.clock.install(time=BUILT)
    page.goto(url(lang, "meetings/calendar/2026-12/"))
    days = page.locator(".month-list")
    for state in ("scheduled", "cancelled", "postponed", "rescheduled"):
        c = card(days, MEETING[state])
        assert c.get_attribute("data-meeting-state") == state
        assert_invites(c, lang, state in INVITING, f"{lang} {state} card in the month list")
    assert WORDS[lang]["moved_to"] in days.locator(".month-list__moved").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_school_pages_show_each_state(page, lang):
    w = WORDS[lang]
    page.clock.install(time=BUILT)
    for school, state in (("lincoln-elementary", "scheduled"), ("sierra-vista-middle", "rescheduled"),
                          ("cesar-chavez-k8", "cancelled"), ("las-palmas-elementary", "postponed")):
        page.goto(url(lang, f"schools/{school}/"))
        c = card(page.locator("main"), MEETING[state], only_visible=True)
        assert c.count() == 1, f"{school}: the {state} meeting is shown"
        assert c.get_attribute("data-meeting-state") == state
        assert_invites(c, lang, state in INVITING, f"{lang} {school} {state}")
        if state == "cancelled":
            assert c.locator(".badge--cancelled").inner_text() == w["badge"]["cancelled"]
        if state == "postponed":
            assert w["postponed"] in c.inner_text()
        if state == "rescheduled":
            assert c.locator(".card__when strong").inner_text() == w["new_time"]
            assert w["moved_from"] in c.locator("del").inner_text()
    page.goto(url(lang, "schools/lincoln-elementary/"))
    assert card(page.locator("main"), "2026-11-10-lincoln-sac").count() == 0, "no ended meeting is offered"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("state", [s for s in MEETING if s != "ended"])  # an ended one has no flyer
def test_the_flyer_shows_the_state_in_each_language(page_without_js, lang, state):
    page = page_without_js
    page.goto(url(lang, f"meetings/{MEETING[state]}/flyer/"))
    for code in LANGS:
        half, w = page.locator(f'.flyer__half[lang="{code}"]'), WORDS[code]
        assert half.get_attribute("data-meeting-state") == state
        text = half.inner_text()
        assert (w["cancelled"] in text) == (state == "cancelled")
        assert (w["postponed"] in text) == (state == "postponed")
        assert (w["ended"] in text) == (state == "ended")
        assert (w["new_time"] in text) == (state == "rescheduled")
        assert half.locator("dd s time").count() == (2 if state in ("cancelled", "postponed") else 0)
        assert (w["childcare"] in text) == (state in INVITING)
        assert "meet.example.org" not in text or state == "scheduled", "join details only if it invites"
        assert half.locator(".accommodations").count() == (1 if state in INVITING else 0)


def test_a_meeting_that_ends_on_the_visitors_clock_shows_the_ended_state(page):
    """Built before the Lincoln meeting, seen after it: the page, its card and its flyer say it
    has ended and stop offering to join or to ask for accommodations."""
    page.clock.install(time=AFTER_LINCOLN)
    slug = MEETING["scheduled"]
    for lang in LANGS:
        w = WORDS[lang]
        page.goto(url(lang, f"meetings/{slug}/"))
        assert page.locator(".meeting-notice").get_attribute("data-meeting-state") == "ended"
        assert page.get_by_text(w["ended"]).is_visible()
        assert_invites(page.locator("main"), lang, False, f"{lang} page after the meeting")
        assert page.get_by_role("heading", name=w["documents"], exact=True).is_visible(), "documents stay"
        assert_accessible(page)
        page.goto(url(lang, "meetings/"))
        c = card(page.locator('[data-meetings="past"]'), slug)
        assert c.get_attribute("data-meeting-state") == "ended"
        assert visible(c.locator(".support")) == 0
        page.goto(url(lang, f"meetings/{slug}/flyer/"))
        for code in LANGS:
            half = page.locator(f'.flyer__half[lang="{code}"]')
            assert half.get_by_text(WORDS[code]["ended"]).is_visible()
            assert visible(half.locator(".support")) + visible(half.locator(".accommodations")) == 0
            assert "meet.example.org" not in half.inner_text()
        assert_accessible(page)
    page.goto(f"meetings/{MEETING['rescheduled']}/")
    assert page.get_by_text(WORDS["en"]["ended"]).is_hidden(), "a meeting still to come is untouched"
    assert page.locator(".accommodations").is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_the_ended_pill_appears_on_the_visitors_clock(page, lang):
    """Built before them, seen after them: the scheduled and the rescheduled meeting say "Ended"
    in the pill of their page's heading and of their card, in place of any other; the cancelled
    one keeps "Cancelled" (it never took place)."""
    page.clock.install(time=AFTER_CHAVEZ)
    w = WORDS[lang]
    pills = {"scheduled": "ended", "rescheduled": "ended", "cancelled": "cancelled"}
    for state, pill in pills.items():
        page.goto(url(lang, f"meetings/{MEETING[state]}/"))
        badges = page.locator("h1 .badge:not(.badge--lang)")
        assert badges.all_inner_texts() == [w["badge"][pill]], f"{lang} {state} page"
        assert badges.first.is_visible()
    page.goto(url(lang, "meetings/"))
    past = page.locator('[data-meetings="past"]')
    for state, pill in pills.items():
        badges = card(past, MEETING[state]).locator(".card__title .badge:not(.badge--lang)")
        assert badges.all_inner_texts() == [w["badge"][pill]], f"{lang} {state} card"
        assert badges.first.is_visible()
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_cancelled_meeting_prints_its_banner_and_no_invitation(page, lang):
    page.clock.install(time=BUILT)
    page.goto(url(lang, f"meetings/{MEETING['cancelled']}/"))
    page.emulate_media(media="print")
    assert page.get_by_text(WORDS[lang]["cancelled"]).is_visible()
    assert_invites(page.locator("main"), lang, False, f"{lang} printed cancelled notice")
    assert page.locator(".facts--meeting s time").first.is_visible()
