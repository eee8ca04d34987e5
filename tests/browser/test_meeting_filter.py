"""Finding meetings by school and by who meets, and telling them apart, in a real browser, with
and without JavaScript (themes/portal/partials/meeting_filter.html, portal.js "meeting filter")."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

SCHOOL = "lincoln-elementary"
OTHER_SCHOOL = "cesar-chavez-k8"
BODY = "family-workshop"  # a gathering that is not a council's meeting
BUILT = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)  # tests/support.py EXAMPLE_NOW
AFTER_DECEMBER_8 = datetime(2026, 12, 9, 12, 0, tzinfo=timezone.utc)  # Lincoln's last meeting has ended
WORDS = {"en": {"school": "School", "body": "Who meets", "all_schools": "All schools",
                "workshop": "Family workshop", "sac": "Site advisory council"},
         "es": {"school": "Escuela", "body": "Quién se reúne", "all_schools": "Todas las escuelas",
                "workshop": "Taller para familias", "sac": "Consejo asesor escolar"}}


def shown(page) -> set[str]:
    """The meetings (file names) whose cards are visible in the page's upcoming and past lists."""
    cards = page.locator("[data-meeting-list] .meeting-card")
    out = set()
    for i in range(cards.count()):
        if cards.nth(i).is_visible():
            href = cards.nth(i).locator(".card__title a").get_attribute("href")
            out.add(href.rstrip("/").rsplit("/", 1)[-1])
    return out


def of_school(model, slug: str) -> set[str]:
    return {m.slug for m in model.meetings if m.school is not None and m.school.slug == slug}


def who(m) -> str:
    """Who meets, as /meetings/bodies/<who>/ names it: the council's file name, else the group."""
    return m.council.slug if m.council is not None else m.group.replace("_", "-")


def of_body(model, body: str) -> set[str]:
    return {m.slug for m in model.meetings if who(m) == body}


def of_kind(model, kind: str) -> set[str]:
    """Every meeting of one kind of body (the site advisory councils of every school)."""
    return {m.slug for m in model.meetings if m.group == kind}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_choosing_a_school_and_a_body_filters_meetings_in_place(page, model, lang):
    w = WORDS[lang]
    page.clock.install(time=BUILT)
    page.goto(url(lang, "meetings/"))
    everything = {m.slug for m in model.meetings}
    assert shown(page) == everything
    schools = page.get_by_role("navigation", name=w["school"], exact=True)
    bodies = page.get_by_role("navigation", name=w["body"], exact=True)

    schools.locator(f'a[data-value="{SCHOOL}"]').click()
    lincoln = of_school(model, SCHOOL)
    assert shown(page) == lincoln and 0 < len(lincoln) < len(everything)
    assert not shown(page) & of_school(model, OTHER_SCHOOL), "another school's meetings are hidden"
    assert page.url.endswith(f"/meetings/?school={SCHOOL}"), "the page stays; the choice is in the address"
    assert schools.locator(f'a[data-value="{SCHOOL}"]').get_attribute("aria-current") == "true"
    status = page.get_by_role("status").inner_text()
    assert status == (f"Showing {len(lincoln)} of {len(everything)} meetings" if lang == "en"
                      else f"Se muestran {len(lincoln)} de {len(everything)} reuniones")
    assert_accessible(page)

    # School and body combine; "All schools" undoes the school.
    schools.locator(f'a[data-value="{OTHER_SCHOOL}"]').click()
    bodies.get_by_role("link", name=re.compile("^" + w["workshop"])).click()
    both = of_school(model, OTHER_SCHOOL) & of_body(model, BODY)
    assert shown(page) == both and both
    assert not shown(page) & of_kind(model, "site_advisory_council")
    schools.get_by_role("link", name=w["all_schools"], exact=True).click()
    assert shown(page) == of_body(model, BODY)
    # A past month with none of the chosen meetings is hidden with its heading.
    for i in range(page.locator(".meeting-month").count()):
        month = page.locator(".meeting-month").nth(i)
        assert month.is_visible() == (month.locator(".meeting-card:visible").count() > 0)

    page.reload()
    assert shown(page) == of_body(model, BODY), "a reload keeps the choice"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_filter_works_on_meetings_the_browser_moved_to_past(page, model, lang):
    page.clock.install(time=AFTER_DECEMBER_8)
    page.goto(url(lang, f"meetings/?school={SCHOOL}"))
    lincoln = of_school(model, SCHOOL)
    assert shown(page) == lincoln
    past = page.locator('[data-meetings="past"]')
    assert past.locator('.meeting-card:has(.card__title a[href$="2026-12-08-lincoln-sac/"])').is_visible(), \
        "the meeting that ended is filtered where the browser moved it"
    assert page.locator('[data-meetings="upcoming"] .meeting-card:visible').count() == 0
    assert page.locator("[data-meetings-none]").is_visible(), "no upcoming Lincoln meeting, and it says so"
    page.get_by_role("navigation", name=WORDS[lang]["school"], exact=True) \
        .get_by_role("link", name=WORDS[lang]["all_schools"], exact=True).click()
    assert page.locator('[data-meetings="upcoming"] .meeting-card:visible').count() > 0
    assert page.locator("[data-meetings-none]").is_hidden()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_filter_links_lead_to_pages_without_javascript(page_without_js, model, lang):
    page, w = page_without_js, WORDS[lang]
    page.goto(url(lang, "meetings/"))
    page.get_by_role("navigation", name=w["school"], exact=True).locator(f'a[data-value="{SCHOOL}"]').click()
    page.wait_for_url(re.compile(rf"/schools/{SCHOOL}/meetings/$"))
    assert shown(page) == of_school(model, SCHOOL)
    page.get_by_role("navigation", name=w["body"], exact=True) \
        .get_by_role("link", name=re.compile("^" + w["workshop"])).click()
    page.wait_for_url(re.compile(r"/meetings/bodies/family-workshop/$"))
    assert shown(page) == of_body(model, BODY)
    assert w["workshop"] in page.locator("h1").inner_text()
    assert not shown(page) & of_kind(model, "site_advisory_council")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_body_has_a_page_listing_only_its_meetings(page, model, lang):
    bodies = sorted({who(m) for m in model.meetings})
    assert "lincoln-elementary-site-advisory-council" in bodies and "family-workshop" in bodies
    for group in bodies:
        response = page.goto(url(lang, f"meetings/bodies/{group}/"))
        assert response.ok, group
        assert shown(page) == of_body(model, group), group
        current = page.locator('a[data-filter="body"][aria-current="page"]')
        assert current.count() == 1 and current.get_attribute("data-value") == group
        assert page.get_by_role("status").count() == 0, "only /meetings/ filters in place"
        assert_accessible(page)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_meeting_cards_can_be_told_apart(page, model, lang):
    page.clock.install(time=BUILT)
    page.goto(url(lang, "meetings/"))
    titles = page.locator("[data-meeting-list] .meeting-card .card__title a").all_inner_texts()
    assert len(titles) == len(model.meetings)
    assert len(set(titles)) == len(titles), "no two cards have the same title"
    assert not [t for t in titles if re.fullmatch(r"(December meeting|Reunión de diciembre)", t)]
    lincoln = page.locator('.meeting-card:has(.card__title a[href$="2026-12-08-lincoln-sac/"])').first
    assert lincoln.locator(".card__title").inner_text().startswith(
        "Lincoln Site Advisory Council · Tue, Dec 8" if lang == "en" else "Consejo Asesor Escolar de Lincoln · mar, 8 de dic")
    assert WORDS[lang]["sac"] not in lincoln.inner_text(), "the council's own name, not the generic one"
    # A card with a title of its own names who meets under it, in the text colour, in bold.
    titled = page.locator('.meeting-card:has(.card__title a[href$="2026-10-28-sierra-vista-sac-special/"])').first
    body = titled.locator(".card__body-name")
    assert body.inner_text() == ("Sierra Vista Site Advisory Council" if lang == "en"
                                 else "Consejo Asesor Escolar de Sierra Vista")
    style = body.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).fontWeight]")
    assert style == ["rgb(27, 31, 35)", "700"]

