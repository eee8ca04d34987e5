"""Print and touch: phone numbers and e-mail addresses never split across lines, flyers and
meeting pages reflow at 320 px with WCAG 1.4.12 text spacing, and the links people tap on a
meeting (map, join online, call) are at least 44 px tall."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from support import url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]
BUILT = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)  # tests/support.py EXAMPLE_NOW
PAPER_WIDTH = 703  # CSS px between the 12 mm margins of an A4 sheet, narrower than US Letter
# WCAG 1.4.12: what a reader's own style sheet may set; the page must lose nothing with it.
TEXT_SPACING = ("* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
                " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }")

# How many lines each phone number and e-mail address (or, given "parts", each part of an
# address) takes: the distinct bottoms of the boxes its text is laid out in.
LINES = """(selector) => [...document.querySelectorAll(selector)]
  .filter(e => e.getClientRects().length)
  .map(e => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const bottoms = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
    return [e.textContent.trim(), bottoms.size];
  })"""
NUMBERS = "a[href^='tel:']:not(:has(.phone)), .phone"
# A constructed style sheet, as a reader's own would be: the pages' Content-Security-Policy
# (netlify.toml, sent by the test server) refuses an inline <style>, not the CSS object model.
ADD_SHEET = """(css) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }"""
ADDRESSES = "a[href^='mailto:']"


def meeting_pages(model, flyer: bool) -> list[str]:
    """Every meeting's page, or every flyer (only meetings that have not ended have one)."""
    meetings = model.upcoming_meetings if flyer else model.meetings
    return [url(lang, m.path + ("flyer/" if flyer else "")) for m in meetings for lang in LANGS]


def split(page, selector: str) -> list:
    return [(text, n) for text, n in page.evaluate(LINES, selector) if n != 1]


@pytest.mark.parametrize("flyer", [True, False], ids=["flyer", "meeting page"])
def test_printed_phone_numbers_and_e_mail_addresses_stay_on_one_line(page, model, flyer):
    """The bilingual flyer printed e-mail addresses and phone numbers split across lines."""
    page.set_viewport_size({"width": PAPER_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    checked, failures = 0, []
    for path in meeting_pages(model, flyer):
        page.goto(path)
        found = page.evaluate(LINES, f"{NUMBERS}, {ADDRESSES}")
        checked += len(found)
        failures += [(path, text, n) for text, n in found if n != 1]
    assert checked > 20, "the example's meetings have phone numbers and addresses to print"
    assert not failures, failures


@pytest.mark.parametrize("width", [320, 390])
def test_at_phone_width_with_text_spacing_pages_reflow_and_numbers_stay_whole(page, model, width):
    """Every flyer and meeting page, in both languages, with WCAG 1.4.12 text spacing: nothing
    wider than the screen (flyers with an online link used to overflow: the link is one long
    word). A long address may go to a second line, but only before its "@": the name and the
    domain each stay whole. On school and people pages (an address beside a person's photo)
    phone numbers stay whole and no address widens the page."""
    page.set_viewport_size({"width": width, "height": 800})
    meetings = meeting_pages(model, True) + meeting_pages(model, False)
    others = [url(lang, s.path) for s in model.schools for lang in LANGS] + [url(lang, "people/") for lang in LANGS]
    failures = []
    for path in meetings + others:
        page.goto(path)
        page.evaluate(ADD_SHEET, TEXT_SPACING)
        whole = f"{NUMBERS}, .email__part" if path in meetings else NUMBERS
        failures += [(path, text, n) for text, n in split(page, whole)]
        scroll, client = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            failures.append((path, "wider than the screen", scroll, client))
    assert not failures, failures
    assert any(m.get("en", "online") for m in model.meetings), "some flyers have an online link"


def tap_heights(scope) -> dict[str, list[float]]:
    """Heights of the map, join-online and call links in scope."""
    links = {"map": "a[href^='https://www.openstreetmap.org/']", "join": "a[href^='https://meet.']",
             "call": "a[href^='tel:']"}
    heights = {}
    for name, selector in links.items():
        found = scope.locator(selector)
        heights[name] = [found.nth(i).bounding_box()["height"] for i in range(found.count())
                         if found.nth(i).is_visible()]
    return heights


@pytest.mark.parametrize("lang", LANGS)
def test_map_join_and_call_links_are_44_px_tall(page, model, lang):
    """They were 19 px tall: hard to hit with a thumb."""
    page.clock.install(time=BUILT)
    inviting = [m for m in model.upcoming_meetings if not m.is_called_off]
    kinds = set()
    for m in inviting:
        page.goto(url(lang, m.path))
        for name, heights in tap_heights(page.locator("main")).items():
            assert all(h >= 44 for h in heights), (m.slug, name, heights)
            kinds |= {name} if heights else set()
    assert kinds == {"map", "join", "call"}
    for school in ("lincoln-elementary", "valle-verde-high"):
        page.goto(url(lang, f"schools/{school}/"))
        heights = tap_heights(page.locator(".meeting-card--next:visible"))
        assert all(heights.values()), (school, heights)
        assert all(h >= 44 for hs in heights.values() for h in hs), (school, heights)
