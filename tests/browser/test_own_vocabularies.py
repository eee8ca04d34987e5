"""What families see of a district's own vocabularies (portal.yml meeting_groups, grant_kinds,
milestone_steps), in both languages, in a real browser; and that the example, which names none,
still shows California's four implementation steps."""
from __future__ import annotations

import re

import pytest

from support import EXAMPLE_NOW, assert_accessible, own_vocabulary_project, url
from test_phones_and_forced_colours import TIMELINE_PARTS

pytestmark = pytest.mark.browser

OWN = {
    "en": {"group": "Resource day", "kind": "State implementation grant",
           "steps": ["Key practice: shared leadership", "Key practice: family engagement"],
           "short": "Leadership"},
    "es": {"group": "Día de recursos", "kind": "Subvención estatal de implementación",
           "steps": ["Práctica clave: liderazgo compartido", "Práctica clave: participación familiar"],
           "short": "Liderazgo"},
}
CALIFORNIA = {
    "en": ["Step 1: Building structures", "Step 2: Coordinating and providing services",
           "Step 3: Training and support", "Step 4: New and expanded practices"],
    "es": ["Paso 1: Crear las estructuras", "Paso 2: Coordinar y ofrecer servicios",
           "Paso 3: Capacitación y apoyo", "Paso 4: Prácticas nuevas o ampliadas"],
}


@pytest.fixture
def own(browser, own_vocabulary_url):
    context = browser.new_context(base_url=own_vocabulary_url, viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_group_of_its_own_is_a_body_to_find_meetings_by(own, lang):
    words = OWN[lang]
    own.goto(url(lang, "meetings/"))
    body = own.locator('.filter__option[data-filter="body"][data-value="resource-day"]')
    assert " ".join(body.inner_text().split()) == f"{words['group']} (1)"
    body.click()
    own.wait_for_url(re.compile(r"resource(-|_)day"))
    cards = own.locator("article.meeting-card:visible")
    assert cards.count() == 1 and words["group"] in cards.first.inner_text()
    own.goto(url(lang, "meetings/2026-12-12-alder-resources/"))
    assert words["group"] in own.locator("h1").inner_text()
    assert_accessible(own)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_grant_and_dashboard_show_the_districts_own_steps_in_its_order(own, lang):
    words = OWN[lang]
    own.goto(url(lang, "grants/state-grant/"))
    assert own.get_by_text(words["kind"], exact=True).first.is_visible()
    headings = [h.strip() for h in own.locator("h3").all_inner_texts()]
    assert headings[:2] == words["steps"]
    assert not own.get_by_text(re.compile(r"(Step|Paso) 1")).count()
    assert_accessible(own)
    own.goto(url(lang, "grants/dashboard/"))
    table = own.locator("#table-steps")
    assert [r.strip() for r in table.locator("tbody th").all_inner_texts()] == words["steps"]
    assert own.locator("#table-schools thead th").nth(1).inner_text() == words["short"]
    assert_accessible(own)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_example_still_shows_californias_four_steps(page, lang):
    page.goto(url(lang, "grants/dashboard/"))
    rows = page.locator("#table-steps tbody th").all_inner_texts()
    assert [r.strip() for r in rows] == CALIFORNIA[lang]
    page.goto(url(lang, "grants/ccspp-implementation-2024/"))
    for label in CALIFORNIA[lang]:
        assert page.get_by_role("heading", name=label).is_visible()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_long_step_label_without_a_short_one_stays_whole_on_a_phone_timeline(
        browser, serve, tmp_path, lang):
    """A district's own step label with no short form is drawn whole on a phone's timeline, on
    as many lines as it needs, instead of running past the picture's edge."""
    from generator.site.build import build

    project = own_vocabulary_project(tmp_path / "proj")
    long = {"en": "Key practice two: family and community engagement in every school",
            "es": "Práctica clave dos: participación de las familias y la comunidad"}
    settings = project.root / "portal.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        'label: {en: "Key practice: family engagement", es: "Práctica clave: participación familiar"}',
        'label: {en: "%(en)s", es: "%(es)s"}' % long), encoding="utf-8")
    site = build(project.root, now=EXAMPLE_NOW).site_dir
    context = browser.new_context(base_url=serve(site), viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(url(lang, "grants/state-grant/"))
    parts = page.evaluate(TIMELINE_PARTS)
    steps = [" ".join(step.locator("tspan").all_text_contents())
             for step in page.locator(".grant-timeline__down .grant-timeline__step").all()]
    context.close()
    assert not parts["wider"], f"runs past the picture's edge: {parts['wider']}"
    assert long[lang] in steps, steps
