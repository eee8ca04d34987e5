"""Charts, timelines, navigation, tap targets, the school filter and contact details on a cheap
phone (390 px), on a desktop (1280 px), in both languages and in forced colours (Windows high
contrast). The accessibility review found chart labels running into their values, table
captions cut off inside their scrollers, a grant timeline wider than the phone with 10 px
labels, SVG labels vanishing and every navigation item looking current in forced colours, a
19 px tall link on person pages, a filter count off screen and e-mail addresses split mid-word."""
from __future__ import annotations

import pytest

from support import url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]
WIDTHS = [390, 1280]
DASHBOARD = "grants/dashboard/"
GRANT = "grants/ccspp-implementation-2024/"
PERSON = "people/leticia-ramirez/"
SCHOOL = "schools/mission-creek-high/"
# One page of each kind, for the navigation and the tap targets.
EVERY_KIND = ["", "schools/", SCHOOL, "people/", PERSON, "meetings/", "grants/", GRANT, DASHBOARD,
              "news/", "pages/"]


def at(page, width: int, path: str, forced: bool = False):
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    if forced:
        page.emulate_media(forced_colors="active")
    response = page.goto(path)
    assert response.ok, path
    return page


# -- charts -------------------------------------------------------------------------------

# For every chart: the boxes of its labels and values, and of the chart itself.
CHART_BOXES = """() => [...document.querySelectorAll('.chart__svg')].map(svg => {
  const box = e => { const r = e.getBoundingClientRect();
    return {text: e.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  return {id: svg.getAttribute('aria-labelledby'), chart: box(svg),
          labels: [...svg.querySelectorAll('.chart__label')].map(box),
          values: [...svg.querySelectorAll('.chart__value')].map(box)};
})"""


def intersect(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def inside(inner: dict, outer: dict, slack: float = 0.5) -> bool:
    return (inner["left"] >= outer["left"] - slack and inner["right"] <= outer["right"] + slack
            and inner["top"] >= outer["top"] - slack and inner["bottom"] <= outer["bottom"] + slack)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_chart_labels_never_overlap_their_values(page, lang, width):
    """"Step 2: Coordinating and providing services" ran into "4 of 6" at every width: each
    label now has its own line, above its bar and value, and stays inside the chart."""
    at(page, width, url(lang, DASHBOARD))
    charts = page.evaluate(CHART_BOXES)
    assert len(charts) == 3
    for chart in charts:
        assert chart["labels"] and len(chart["labels"]) == len(chart["values"]), chart["id"]
        overlaps = [(label["text"], value["text"]) for label in chart["labels"] for value in chart["values"]
                    if intersect(label, value)]
        assert not overlaps, (chart["id"], overlaps)
        outside = [e["text"] for e in chart["labels"] + chart["values"] if not inside(e, chart["chart"])]
        assert not outside, (chart["id"], "cut off at the chart's edge", outside)


# -- captions -----------------------------------------------------------------------------

# Each table's name as a reader sees it: the visible boxes showing exactly its caption's text,
# and whether each lies wholly inside the screen and inside every box that clips it.
SHOWN_CAPTIONS = """() => [...document.querySelectorAll('table')].map(table => {
  const text = table.caption.textContent.trim();
  const viewport = document.documentElement.clientWidth;
  const shown = [...document.querySelectorAll('caption, p, div, span, h2, h3')]
    .filter(e => e.textContent.trim() === text)
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1
                   && getComputedStyle(e).visibility !== 'hidden'; })
    .map(e => {
      const r = e.getBoundingClientRect();
      let whole = r.left >= -0.5 && r.right <= viewport + 0.5;
      for (let up = e.parentElement; up; up = up.parentElement) {
        const s = getComputedStyle(up);
        if (s.overflowX !== 'visible' || s.clip !== 'auto') {
          const c = up.getBoundingClientRect();
          whole = whole && r.left >= c.left - 0.5 && r.right <= c.right + 0.5;
        }
      }
      return whole;
    });
  return [text, shown];
})"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_table_captions_are_shown_whole_outside_their_scrollers(page, lang, width):
    """On a phone the captions of the wide dashboard tables were cut off inside the boxes that
    scroll sideways: each table's name is now shown whole, on the screen, outside them."""
    at(page, width, url(lang, DASHBOARD))
    tables = page.evaluate(SHOWN_CAPTIONS)
    assert len(tables) >= 4
    cut = [text for text, shown in tables if not any(shown)]
    assert not cut, cut
    names = [page.get_by_role("table", name=text).count() for text, _ in tables]
    assert names == [1] * len(tables), "each table keeps its caption as its name"


# -- the grant timeline -------------------------------------------------------------------

# Every shown part of the timeline: how far it reaches past the timeline's box, and how big its
# text is on the screen (SVG text scaled with its picture).
TIMELINE_PARTS = """() => {
  const figure = document.querySelector('.grant-timeline');
  const edge = figure.getBoundingClientRect();
  const parts = [...figure.querySelectorAll('*')].filter(e => e.getClientRects().length
    && getComputedStyle(e).visibility !== 'hidden' && !e.closest('title, desc'));
  const scale = e => { const svg = e.closest('svg'); if (!svg || !svg.viewBox.baseVal.width) return 1;
    return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; };
  const texts = parts.filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
  return {
    wider: parts.map(e => [e.tagName + '.' + (e.getAttribute('class') || ''), e.getBoundingClientRect().right - edge.right])
                .filter(([, over]) => over > 0.5),
    scrolls: parts.filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
                  .map(e => e.getAttribute('class')),
    small: texts.map(e => [e.textContent.trim(), parseFloat(getComputedStyle(e).fontSize) * scale(e)])
                .filter(([, px]) => px < 14),
    texts: texts.length,
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_grant_timeline_is_read_without_sideways_scrolling(page, lang, width):
    """The timeline was 544 px wide in a 358 px box, with 9.8 to 11.3 px labels. On a phone it
    now runs down the page; on a desktop it runs across, and fits. Its text is at least 14 px."""
    at(page, width, url(lang, GRANT))
    parts = page.evaluate(TIMELINE_PARTS)
    assert parts["texts"] >= 10, "the timeline shows its milestones' dates and steps"
    assert parts["page"] <= 0, "the page scrolls sideways"
    assert not parts["wider"], parts["wider"]
    assert not parts["scrolls"], parts["scrolls"]
    assert not parts["small"], parts["small"]


def test_grant_timeline_on_a_phone_runs_down_the_page_in_date_order(page):
    """On a phone the timeline is a picture running down the screen: one row per milestone,
    earliest first, each with its date, its state and its step, and today's line among them."""
    at(page, 390, url("en", GRANT))
    picture = page.get_by_role("img", name="Timeline of the milestones of Community Schools Implementation Grant")
    assert picture.is_visible()
    rows = page.locator(".grant-timeline [data-timeline-milestone]")
    assert rows.count() == 14
    boxes = [rows.nth(i).bounding_box() for i in range(rows.count())]
    assert all(a["y"] + a["height"] <= b["y"] + 0.5 for a, b in zip(boxes, boxes[1:])), "one below the other"
    dates = [rows.nth(i).get_attribute("data-date") for i in range(rows.count())]
    assert dates == sorted(dates)
    late = page.locator('.grant-timeline [data-timeline-milestone="step-1-mission-creek-coordinator"]')
    assert late.text_content().split() == ["Aug", "15,", "2026", "·", "Late", "1.", "Structures"]
    today = page.locator(".grant-timeline__down .grant-timeline__today-label").bounding_box()
    before = sum(d <= "2026-11-23" for d in dates)
    assert boxes[before - 1]["y"] < today["y"] < boxes[before]["y"], "today between the rows before and after it"


# -- forced colours -----------------------------------------------------------------------

# The computed fill and stroke of every shown SVG shape and text, and CanvasText's colour.
SVG_PAINT = """() => {
  const probe = document.createElement('span');
  probe.style.color = 'CanvasText';
  document.body.append(probe);
  const canvasText = getComputedStyle(probe).color;
  probe.remove();
  const shown = [...document.querySelectorAll('main svg text, main svg .mark')]
    .filter(e => e.getClientRects().length && e.getBoundingClientRect().width > 0);
  return {canvasText,
          texts: shown.filter(e => e.tagName === 'text').map(e => [e.textContent.trim(), getComputedStyle(e).fill]),
          marks: shown.filter(e => e.tagName !== 'text').map(e => [e.getAttribute('class'), getComputedStyle(e).stroke])};
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [DASHBOARD, "grants/friday-programmes-foundation-grant/"])
def test_svg_labels_stay_visible_in_forced_colours(page, lang, path):
    """In Windows high contrast the charts' and timelines' labels kept the theme's dark grey on
    the user's (often black) background and disappeared: they now take the user's text colour."""
    for width in WIDTHS:
        paint = at(page, width, url(lang, path), forced=True).evaluate(SVG_PAINT)
        assert paint["texts"], (path, width, "the page has a picture with labels")
        wrong = [(text, fill) for text, fill in paint["texts"] if fill != paint["canvasText"]]
        assert not wrong, (path, width, paint["canvasText"], wrong)
        unseen = [(mark, stroke) for mark, stroke in paint["marks"] if stroke != paint["canvasText"]]
        assert not unseen, (path, width, unseen)


# How each item of the main navigation is marked: its visible borders, outline, background
# (different from the bar's), underline; and whether it is the current one.
NAV_MARKS = """() => {
  const bar = getComputedStyle(document.querySelector('.primary-nav')).backgroundColor;
  const clear = c => c === 'transparent' || /, 0\\)$/.test(c);
  return [...document.querySelectorAll('.primary-nav a')].map(a => {
    const s = getComputedStyle(a);
    const marks = [];
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      if (s['border' + side + 'Style'] !== 'none' && parseFloat(s['border' + side + 'Width']) > 0
          && !clear(s['border' + side + 'Color'])) marks.push('border-' + side);
    }
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) marks.push('outline');
    if (!clear(s.backgroundColor) && s.backgroundColor !== bar) marks.push('background');
    if (s.textDecorationLine !== 'none') marks.push('underline');
    return {text: a.textContent.trim(), current: a.hasAttribute('aria-current'), marks};
  });
}"""


@pytest.mark.parametrize("forced", [False, True], ids=["normal", "forced colours"])
@pytest.mark.parametrize("width", WIDTHS)
def test_only_the_current_navigation_item_looks_current(page, width, forced):
    """In forced colours all five navigation items showed the bar that marks the current one:
    now only the item of the page's section is marked, on every kind of page."""
    current_seen = 0
    for path in EVERY_KIND:
        items = at(page, width, url("es", path), forced=forced).evaluate(NAV_MARKS)
        assert len(items) == 5, path
        for item in items:
            assert bool(item["marks"]) == item["current"], (path, item)
        current_seen += sum(item["current"] for item in items)
    assert current_seen >= 9, "the pages of every section mark their item"


# -- tap targets --------------------------------------------------------------------------

def target_size_violations(page) -> list:
    """axe's WCAG 2.2 target-size rule: every link and control is 24 by 24 px, or has room."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["target-size"]}})
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_links_and_controls_are_big_enough_to_tap(page, lang, width):
    """On a person page the school link was 211 by 19 px with 3.4 px of room (axe target-size)."""
    failures = []
    for path in [PERSON, "people/maria-elena-vargas/", SCHOOL, "schools/", DASHBOARD, GRANT, "people/"]:
        at(page, width, url(lang, path))
        failures += [(path, v) for v in target_size_violations(page)]
    assert not failures, failures


# Every link and control that stands alone (not within a sentence of text): its size.
ALONE = """() => [...document.querySelectorAll('main a, main button, main summary, .site-footer a')]
  .filter(e => e.getClientRects().length && !e.closest('svg'))
  .filter(e => { const box = e.parentElement.closest('p, li, dd, dt, td, th, h1, h2, h3, h4, div, figcaption');
                 return !box || box.textContent.trim() === e.textContent.trim(); })
  .map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.width, r.height]; })"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_links_standing_alone_are_24_px_at_least(page, lang, width):
    """Links on their own (an e-mail address or a school in a list of facts, a person's name on a
    card, the footer's links) were as tall as their letters, 19 px: now a whole line, 24 px."""
    checked, small = 0, []
    for path in [PERSON, SCHOOL, "schools/", "people/", GRANT, DASHBOARD]:
        sizes = at(page, width, url(lang, path)).evaluate(ALONE)
        checked += len(sizes)
        small += [(path, text, w, h) for text, w, h in sizes if w < 24 or h < 24]
    assert checked > 100
    assert not small, small


# The primary actions of the pages: 44 px tall (and wide) at least.
PRIMARY = ".button, .filter__option, .lang-switch a, .save-contact a, .target, .pagination a"
SIZES = """(selector) => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length)
  .map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.width, r.height]; })"""


@pytest.mark.parametrize("lang", LANGS)
def test_primary_actions_are_44_px_at_least(page, lang):
    checked, small = 0, []
    for path in [PERSON, SCHOOL, "schools/", "meetings/", "news/"]:
        sizes = at(page, 390, url(lang, path)).evaluate(SIZES, PRIMARY)
        checked += len(sizes)
        small += [(path, text, w, h) for text, w, h in sizes if w < 44 or h < 44]
    assert checked > 20
    assert not small, small


# -- the school directory's filter -----------------------------------------------------------

def in_view(page, selector: str) -> bool:
    return page.evaluate("""(selector) => { const e = document.querySelector(selector);
      const r = e.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""", selector)


@pytest.mark.parametrize("lang", LANGS)
def test_school_filter_count_is_on_screen_after_tapping_a_chip(page, lang):
    """On a phone the count of schools found came below the remaining chips, off screen, so a
    tap on a chip seemed to do nothing: the count is now on the screen, next to the chips."""
    at(page, 390, url(lang, "schools/"))
    chips = page.locator(".filter__option[data-filter='level']")
    chips.nth(1).scroll_into_view_if_needed()
    page.evaluate("() => window.scrollBy(0, document.querySelector('.filter').getBoundingClientRect().top)")
    chips.nth(1).click()
    status = page.locator("[data-filter-status]")
    assert status.inner_text().strip(), "the count is announced"
    assert status.get_attribute("role") == "status"
    assert in_view(page, "[data-filter-status]"), "the count is on the screen"
    box, chip = status.bounding_box(), chips.nth(1).bounding_box()
    assert not intersect({"left": box["x"], "right": box["x"] + box["width"], "top": box["y"],
                          "bottom": box["y"] + box["height"]},
                         {"left": chip["x"], "right": chip["x"] + chip["width"], "top": chip["y"],
                          "bottom": chip["y"] + chip["height"]}), "the count hides no chip"


# -- e-mail addresses and phone numbers ----------------------------------------------------------

# Each e-mail address and phone number shown: its text line by line, as laid out.
LINES_OF = """(selector) => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length)
  .map(e => {
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    const lines = [];
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = [...range.getClientRects()].find(r => r.width > 0);
        if (!rect) continue;
        const top = Math.round(rect.top);
        if (last === null || Math.abs(top - last) > 2) { lines.push(''); last = top; }
        lines[lines.length - 1] += node.data[i];
      }
    }
    const wraps = [e, ...e.querySelectorAll('*')].map(x => getComputedStyle(x).overflowWrap);
    return [e.textContent.trim(), lines, wraps.includes('anywhere')];
  })"""
# A phone number: a link of its own, or the number in a link that says what it is for.
NUMBERS = "a[href^='tel:']:not(:has(.phone)), .phone"
# A reader's own style sheet (WCAG 1.4.12 text spacing), added as the CSP allows.
SPACING = """() => { const sheet = new CSSStyleSheet();
  sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important;'
                    + ' word-spacing: 0.16em !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [320, 390])
def test_e_mail_addresses_and_phone_numbers_never_break_mid_word(page, lang, width):
    """"leticia.ramirez@valleverde.e / xample.org": an address now goes onto another line only
    after its "@" or a dot, and only when it must; a phone number stays on one line."""
    checked, broken = 0, []
    for path in [PERSON, "people/", SCHOOL, "schools/lincoln-elementary/"]:
        at(page, width, url(lang, path))
        page.evaluate(SPACING)
        for text, lines, anywhere in page.evaluate(LINES_OF, "a[href^='mailto:']"):
            checked += 1
            if anywhere or any(line[-1] not in "@." for line in lines[:-1]):
                broken.append((path, text, lines, anywhere))
        broken += [(path, text, lines) for text, lines, _ in page.evaluate(LINES_OF, NUMBERS)
                   if len(lines) != 1]
    assert checked >= 16, "the pages show the people's and the district's addresses"
    assert not broken, broken


@pytest.mark.parametrize("lang", LANGS)
def test_an_address_staff_typed_in_a_page_breaks_only_after_its_at_or_a_dot(page, lang):
    """'How to join' gives the office's address in its text: at 320 px, with a reader's wider
    spacing, it goes onto another line only after its "@" or a dot, like the contact links."""
    at(page, 320, url(lang, "how-to-join/"))
    page.evaluate(SPACING)
    shown = page.evaluate(LINES_OF, ".prose .email")
    assert [text for text, _, _ in shown] == ["communityschools@valleverde.example.org"]
    for text, lines, anywhere in shown:
        assert not anywhere and all(line[-1] in "@." for line in lines[:-1]), lines
