"""A school page starts with what a family needs: the school's name, then its next meeting
(date in large type, help offered, map, whom to call, add to calendar) within the first
screen of a phone, then contacts and services; grant milestones come last, closed."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]
BUILT = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)  # tests/support.py EXAMPLE_NOW
PHONE = {"width": 390, "height": 844}  # the `page` fixture's viewport
WORDS = {
    "en": {"none": "No meetings are scheduled right now.", "usually": "{name} usually meets:",
           "childcare": "Childcare provided", "add": "Add to my calendar (.ics)", "call": "Call ",
           "map": "Map", "join": "Join online", "new_time": "New time:"},
    "es": {"none": "Por ahora no hay reuniones programadas.", "usually": "{name} se reúne normalmente:",
           "childcare": "Cuidado de niños disponible", "add": "Agregar a mi calendario (.ics)",
           "call": "Llamar a ", "map": "Mapa", "join": "Participar en línea", "new_time": "Nueva fecha:"},
}


def next_meetings(model, school):
    """The meetings the school page can offer as its next one (taking place, not yet over)."""
    return [m for m in model.upcoming_meetings if m.school is school and not m.is_called_off]


def schools_with_a_meeting(model):
    return [s for s in model.schools if next_meetings(model, s)]


def featured(page):
    return page.locator(".meeting-card--next:visible")


def top(locator) -> float:
    return locator.bounding_box()["y"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_next_meeting_starts_within_the_first_phone_screen(page, model, lang):
    """Before, it started 1.7 to 2.3 screens down, after the photo, the contacts and the council."""
    page.clock.install(time=BUILT)
    schools = schools_with_a_meeting(model)
    assert len(schools) >= 5
    for school in schools:
        page.goto(url(lang, school.path))
        card = featured(page)
        assert card.count() == 1, school.slug
        assert top(page.locator("h1")) < top(card) < PHONE["height"], f"{lang} {school.slug}: {top(card)} px"
        expected = next_meetings(model, school)[0].slug
        assert card.locator(".card__title a").get_attribute("href").endswith(f"meetings/{expected}/")


@pytest.mark.parametrize("lang", LANGS)
def test_the_next_meeting_card_offers_what_a_family_acts_on(page, model, lang):
    page.clock.install(time=BUILT)
    w = WORDS[lang]
    school = model.items["schools"]["lincoln-elementary"]
    meeting = next_meetings(model, school)[0]
    contact = meeting.get(lang, "supports")["accessibility_contact"]
    page.goto(url(lang, school.path))
    card = featured(page)
    when = card.locator(".card__when")
    body_size = float(page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)"))
    assert float(when.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 1.25 * body_size, \
        "the date in large type"
    assert when.locator("time").first.get_attribute("datetime") == meeting.start.isoformat()
    assert card.locator(".support--childcare").inner_text() == w["childcare"]
    assert card.get_by_role("link", name=re.compile("^" + w["map"])).get_attribute("href").startswith(
        "https://www.openstreetmap.org/search?query=")
    digits = re.sub(r"\D", "", contact["phone"])
    call = card.locator(f'a[href="tel:+1{digits}"]')
    assert call.inner_text().startswith(w["call"] + contact["name"]) and contact["phone"] in call.inner_text()
    assert card.get_by_role("link", name=w["join"], exact=True).get_attribute("href") == meeting.get(lang, "online")["url"]
    ics = card.get_by_role("link", name=w["add"], exact=True)
    assert ics.get_attribute("href").endswith(f"{meeting.slug}.ics")
    assert card.locator("a.button").get_attribute("href").endswith(f"meetings/{meeting.slug}/")
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_moved_next_meeting_shows_its_new_time_and_a_called_off_one_is_never_featured(page, model, lang):
    page.clock.install(time=BUILT)
    w = WORDS[lang]
    page.goto(url(lang, "schools/sierra-vista-middle/"))
    card = featured(page)
    assert card.get_attribute("data-meeting-state") == "rescheduled"
    assert card.locator(".card__when strong").inner_text() == w["new_time"]
    assert card.locator("del").count() == 1, "the old time struck through"
    assert card.locator(".support--childcare").is_visible(), "a moved meeting still takes place"
    # Chavez's December meeting is cancelled and Las Palmas's postponed: the box offers the next
    # meeting that takes place, and the called-off one, listed after it, invites nobody.
    for school, called_off in (("cesar-chavez-k8", "2026-12-16-chavez-sac"),
                               ("las-palmas-elementary", "2026-12-03-las-palmas-sac")):
        page.goto(url(lang, f"schools/{school}/"))
        assert featured(page).get_attribute("data-meeting-state") in ("scheduled", "rescheduled")
        assert not featured(page).locator(f'.card__title a[href$="{called_off}/"]').count()
        later = page.locator(f'.meeting-card:has(.card__title a[href$="{called_off}/"]):visible')
        if later.count():
            assert later.locator(".support:visible, .calendar-links:visible, a[href^='tel:']").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_school_with_no_meeting_coming_says_so_with_its_councils_schedule(page, model, lang):
    page.clock.install(time=BUILT)
    w = WORDS[lang]
    no_meeting = [s for s in model.schools if not next_meetings(model, s)]
    assert [s.slug for s in no_meeting] == ["mission-creek-high"]
    school = no_meeting[0]
    page.goto(url(lang, school.path))
    assert featured(page).count() == 0
    none = page.locator("[data-next-none]")
    assert none.is_visible() and top(none) < PHONE["height"]
    text = none.inner_text()
    assert text.startswith(w["none"])
    [team] = [c for c in model.councils if c.school is school]  # its leadership team
    assert f'{w["usually"].format(name=team.get(lang, "name"))} {team.get(lang, "schedule")}' in text
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_and_services_come_before_the_grants_and_milestones_are_closed(page, model, lang):
    page.clock.install(time=BUILT)
    page.goto(url(lang, "schools/lincoln-elementary/"))
    order = [top(page.locator(sel)) for sel in
             ("h1", ".meeting-card--next:visible", "#coordinator", "#services", "#grants")]
    assert order == sorted(order), order
    details = page.locator("details.disclosure")
    assert details.count() == 1 and details.get_attribute("open") is None
    assert details.locator("summary #school-milestones").count() == 1
    items = details.locator(".timeline__item")
    assert items.count() >= 5 and not items.first.is_visible(), "milestones collapsed"
    assert top(details) > top(page.locator("#services"))
    details.locator("summary").click()
    assert items.first.is_visible() and items.last.is_visible()


def test_milestones_open_without_javascript_and_print_open(page_without_js):
    page = page_without_js
    page.goto("schools/lincoln-elementary/")
    items = page.locator("details.disclosure .timeline__item")
    assert not items.first.is_visible()
    page.locator("details.disclosure summary").click()
    assert items.first.is_visible(), "a plain <details>: no script needed"
    page.reload()
    page.emulate_media(media="print")
    assert items.first.is_visible() and items.last.is_visible(), "paper shows every milestone"
    assert page.locator("details.disclosure").get_attribute("open") is None
