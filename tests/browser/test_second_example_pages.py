"""The second example project (examples/mesa-alta-high) in a real browser, in both languages:
its home page, its school page with everyone who serves it, its grants with the pending
application shown apart, and a meeting in Mountain Time. Each page also passes axe."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]
BUILT = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)  # tests/support.py EXAMPLE_NOW
MEETING = "meetings/2026-12-10-mesa-alta-leadership-team/"
WORDS = {
    "en": {"district": "Mesa Alta Consolidated Schools", "zone": "Mountain Standard Time",
           "time": "5:30 PM", "day": "Thursday, December 10, 2026", "others": "Also serving this school",
           "coordinator": "Community school coordinator", "applied": "Applied for",
           "requested": "$120,000 requested", "awarded": "$375,000 awarded in 1 grant",
           "pending": "$120,000 requested in 1 grant application",
           "liaison": "Family Liaison", "manager": "Director of Student and Family Services"},
    "es": {"district": "Escuelas Consolidadas de Mesa Alta",
           "zone": "hora estándar de las Montañas Rocosas", "time": "5:30 p.m.",
           "day": "jueves, 10 de diciembre de 2026", "others": "También atienden esta escuela",
           "coordinator": "Coordinación de escuela comunitaria", "applied": "Solicitada",
           "requested": "$120,000 solicitados", "awarded": "$375,000 concedidos en 1 subvención",
           "pending": "$120,000 solicitados en 1 solicitud de subvención",
           "liaison": "Enlace con las Familias",
           "manager": "Director de Servicios para Alumnos y Familias"},
}


def plain(text: str) -> str:
    """Text as one line of words, Babel's narrow and no-break spaces ("5:30\u202fPM") too."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.fixture
def page(second_page):
    """A phone-sized page on the second site, its clock at the moment the site was built."""
    second_page.clock.install(time=BUILT)
    return second_page


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_names_the_district_and_its_next_meeting_in_mountain_time(page, lang):
    w = WORDS[lang]
    page.goto(url(lang, ""))
    assert page.locator("html").get_attribute("lang") == lang
    assert w["district"] in page.locator("header").inner_text()
    card = page.locator("section", has=page.locator("#next-meeting")).locator(".meeting-card:visible").first
    text = plain(card.inner_text())
    assert w["day"] in text and w["time"] in text and w["zone"] in text
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGS)
def test_school_page_shows_its_coordinator_and_everyone_who_serves_it(page, lang):
    w = WORDS[lang]
    page.goto(url(lang, "schools/mesa-alta-high/"))
    coordinator = page.locator("section", has=page.locator("#coordinator"))
    assert coordinator.get_by_role("heading", name=w["coordinator"]).is_visible()
    assert coordinator.get_by_role("link", name="Inés Baca", exact=True).is_visible()
    mail = coordinator.get_by_role("link", name="ines.baca@mesaalta.example.org")
    assert mail.get_attribute("href") == "mailto:ines.baca@mesaalta.example.org"
    others = page.locator("section", has=page.locator("#people"))
    assert others.get_by_role("heading", name=w["others"], exact=True).is_visible()
    cards = others.locator(".person-card")
    assert cards.count() == 2
    assert "Tomás Quintana" in cards.nth(0).inner_text() and w["manager"] in cards.nth(0).inner_text()
    assert "Rafaela Montoya" in cards.nth(1).inner_text() and w["liaison"] in cards.nth(1).inner_text()
    phone = cards.nth(1).get_by_role("link", name="(555) 020-2020")
    assert phone.get_attribute("href") == "tel:+15550202020"
    assert page.locator("[data-coordinator-hiring]").count() == 0, "the post is filled"
    assert_accessible(page)
    cards.nth(1).get_by_role("link", name="Rafaela Montoya", exact=True).click()
    page.wait_for_url(re.compile(r"/people/rafaela-montoya/$"))
    schools = page.locator("main dl")
    assert schools.get_by_role("link", name=re.compile("Mesa Alta")).count() == 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_pending_application_is_shown_apart_from_the_money_awarded(page, lang):
    w = WORDS[lang]
    page.goto(url(lang, "grants/"))
    application = page.locator(".grant-card", has=page.locator('[data-grant-status="applied"]'))
    assert application.count() == 1
    card = plain(application.inner_text())
    assert w["applied"] in card and w["requested"] in card
    assert page.locator('[data-grant-status="active"]').count() == 1
    assert_accessible(page)
    page.goto(url(lang, "grants/dashboard/"))
    main = plain(page.locator("main").inner_text())
    assert w["awarded"] in main and w["pending"] in main
    assert_accessible(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_meeting_page_gives_the_time_in_mountain_time(page, lang):
    w = WORDS[lang]
    page.goto(url(lang, MEETING))
    when = page.locator("time").first
    assert when.get_attribute("datetime") == "2026-12-10T17:30:00-07:00"
    main = plain(page.locator("main").inner_text())
    assert w["day"] in main and w["time"] in main and w["zone"] in main
    assert page.locator("[data-meeting-ended]").is_hidden(), "still to come when the site was built"
    assert_accessible(page)


def test_a_past_meeting_page_shows_its_minutes(page):
    page.goto("meetings/2026-11-12-mesa-alta-leadership-team/")
    assert page.get_by_role("heading", name="Minutes").is_visible()
    assert "Juniper Mesa Health Foundation" in page.locator("main").inner_text()


def test_every_page_of_the_second_site_passes_axe_at_phone_and_desktop_width(second_page,
                                                                            second_example_site):
    """The gate of test_every_page.py, walked over the second site: its own data (one school,
    one application, its services) must not hide a violation either."""
    from axe_playwright_python.sync_playwright import Axe

    from test_every_page import PAGE_TIMEOUT_MS, WIDTHS, axe_violations, every_page

    page = second_page
    paths = every_page(second_example_site)
    assert {"index.html", "es/index.html", "schools/mesa-alta-high/index.html"} <= set(paths)
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    axe_script = Axe().axe_script
    failures = []
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[0][0], "height": WIDTHS[0][1]})
        response = page.goto(path)
        assert response.ok, f"/{path}: HTTP {response.status}"
        page.evaluate(axe_script)
        for width, height in WIDTHS:
            page.set_viewport_size({"width": width, "height": height})
            results = axe_violations(page)
            if results.violations_count:
                failures.append(f"/{path} at {width} px: {results.generate_report()}")
    assert not failures, f"{len(failures)} page views with violations:\n\n" + "\n\n".join(failures)
