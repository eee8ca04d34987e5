"""A council's or team's page, and where schools and meetings lead to it, in a real browser, in
both languages: who sits on it, when it meets, how to join, what every meeting covers, its
meetings and minutes, and its calendar. A council is not a person: no photo or initials, no
office hours, no contact card."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]
BUILT = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)  # tests/support.py EXAMPLE_NOW
TEAM = "mission-creek-high-leadership-team"
WORDS = {
    "en": {"members": "Members", "agenda": "Every meeting covers", "minutes": "Minutes of past meetings",
           "calendar": "Its calendar", "kind": "Site leadership team", "seats": "(4 seats)",
           "office": "Office hours", "save": "Save contact", "body": "Council or team",
           "councils": "Councils and teams", "old": "Advisory council", "district": "The whole district"},
    "es": {"members": "Integrantes", "agenda": "En cada reunión", "minutes": "Actas de reuniones pasadas",
           "calendar": "Su calendario", "kind": "Equipo de liderazgo escolar", "seats": "(4 lugares)",
           "office": "Horario de atención", "save": "Guardar contacto", "body": "Consejo o equipo",
           "councils": "Consejos y equipos", "old": "Consejo asesor", "district": "Todo el distrito"},
}


def section(page, heading: str):
    return page.locator(f'section:has(> h2:text-is("{heading}"))')


@pytest.mark.parametrize("lang", LANGS)
def test_a_team_page_shows_its_members_schedule_agenda_meetings_minutes_and_calendar(page, model, lang):
    page.clock.install(time=BUILT)
    w, team = WORDS[lang], model.items["councils"][TEAM]
    page.goto(url(lang, f"councils/{TEAM}/"))
    assert page.locator("h1").inner_text() == team.get(lang, "name")
    assert page.locator(".lead").first.inner_text() == w["kind"]
    school = page.locator(".eyebrow a")
    assert school.get_attribute("href").endswith("schools/mission-creek-high/")
    text = page.locator("main").inner_text()
    assert team.get(lang, "schedule") in text and team.get(lang, "how_to_join") in text

    members = section(page, w["members"]).locator("li")
    roles = [str(m["role"]) for m in team.get(lang, "members")]
    assert members.count() == len(roles) == 8
    assert members.nth(0).inner_text() == f"{roles[0]}: Carla Benítez"
    coordinator = members.nth(1).get_by_role("link", name="Joseph Dela Cruz")
    assert coordinator.get_attribute("href").endswith("people/joseph-dela-cruz/")
    assert w["seats"] in members.nth(5).inner_text()  # students

    agenda = section(page, w["agenda"]).locator("ol > li").all_inner_texts()
    assert agenda == [str(a) for a in team.get(lang, "agenda")]

    held = [m for m in model.meetings if m.council is team]
    assert held, "the team has met"
    minutes = section(page, w["minutes"]).locator("a")
    assert minutes.count() == len([m for m in held if m.has_minutes and m.has_ended])
    assert minutes.first.get_attribute("href").endswith(f"meetings/{held[-1].slug}/#notes")
    cards = page.locator("[data-meeting-list] .meeting-card .card__title a")
    assert {h.rstrip("/").rsplit("/", 1)[-1] for h in
            [cards.nth(i).get_attribute("href") for i in range(cards.count())]} == {m.slug for m in held}

    ics = section(page, w["calendar"]).locator("a.calendar-links__https")
    assert ics.get_attribute("href").endswith(f"calendar/bodies/{TEAM}.ics")
    assert page.request.get(page.url.split("councils/")[0] + f"calendar/bodies/{TEAM}.ics").ok

    # Not a person: no photo or initials, no office hours, no contact card.
    assert page.locator("main img, main svg.avatar, .person-head, .person-card").count() == 0
    assert w["office"] not in text and w["save"] not in text
    assert page.locator('a[href$=".vcf"], a[type="text/vcard"]').count() == 0
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_district_council_says_it_is_district_wide_and_lists_every_body(page, model, lang):
    w = WORDS[lang]
    page.goto(url(lang, "councils/district-advisory-council/"))
    assert page.locator(".eyebrow").inner_text() == w["district"]
    page.goto(url(lang, "councils/"))
    links = page.locator("main .link-grid a")
    assert links.count() == len(model.councils)
    assert links.first.inner_text() == model.councils[0].get(lang, "name")
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_school_page_shows_its_councils_linked_in_place_of_the_old_block(page, model, lang):
    w = WORDS[lang]
    page.goto(url(lang, "schools/lincoln-elementary/"))
    councils = page.locator("section#councils, section[aria-labelledby='councils']")
    assert councils.locator("h2").inner_text() == w["councils"]
    council = model.items["councils"]["lincoln-elementary-site-advisory-council"]
    link = councils.get_by_role("link", name=council.get(lang, "name"), exact=True)
    assert link.get_attribute("href").endswith("councils/lincoln-elementary-site-advisory-council/")
    assert council.get(lang, "schedule") in councils.inner_text()
    assert council.get(lang, "how_to_join") in councils.inner_text()
    assert page.locator(f'h2:text-is("{w["old"]}")').count() == 0, "no generic council heading"
    assert page.locator('section[aria-labelledby="council"]').count() == 0, "no old council block"


@pytest.mark.parametrize("lang", LANGS)
def test_a_meeting_page_links_to_its_body(page, model, lang):
    w = WORDS[lang]
    page.goto(url(lang, "meetings/2026-11-04-mission-creek-leadership-team/"))
    body = page.locator(f'dt:text-is("{w["body"]}") + dd a')
    assert body.inner_text() == model.items["councils"][TEAM].get(lang, "name")
    assert body.get_attribute("href").endswith(f"councils/{TEAM}/")
    page.goto(url(lang, "meetings/2027-01-13-chavez-family-workshop/"))
    assert page.locator(f'dt:text-is("{w["body"]}")').count() == 0, "a workshop has no body"
