"""Columns, callouts, checklists and tables written in Markdown, as families see them: on a phone
(390 px) and a computer (1280 px), in both languages, in forced colours (Windows high contrast)."""
from __future__ import annotations

import re

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]
WIDTHS = {"phone": 390, "wide": 1280}
PILLARS = "four-pillars/"
JOIN = "how-to-join/"
ABOUT = "about/"
CAPTIONS = {"en": "The four practices at a glance", "es": "Las cuatro prácticas en breve"}
# The callouts and the checklist of content/<lang>/pages/how-to-join.md.
CALLOUTS = {"en": ["You do not need to speak English", "Note"],
            "es": ["No necesita hablar inglés", "Nota"]}
CHECKLIST = {"en": [("Find your school\u2019s council on the schools page.", True),
                    ("Tell the coordinator you are coming, and whether you need childcare or interpretation.", False),
                    ("Read the agenda, on paper or on this website.", False)],
             "es": [("Busque el consejo de su escuela en la página de escuelas.", True),
                    ("Avísele al coordinador que va a venir, y si necesita cuidado de niños o interpretación.", False),
                    ("Lea la agenda, en papel o en este sitio.", False)]}

# Every word of the element's text that the browser drew on more than one line.
WORDS_BROKEN = """(root) => {
  const broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def screen(request, browser, base_url):
    """A page at a phone's or a computer's width."""
    context = browser.new_context(base_url=base_url, viewport={"width": WIDTHS[request.param], "height": 900})
    page = context.new_page()
    page.width_name = request.param
    yield page
    context.close()


def no_sideways_scrolling(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), \
        "the page scrolls sideways"


@pytest.mark.parametrize("lang", LANGS)
def test_the_four_pillars_are_side_by_side_on_a_computer_and_stacked_on_a_phone(screen, lang):
    screen.goto(url(lang, PILLARS))
    boxes = [item.bounding_box() for item in screen.locator(".prose .columns__item").all()]
    assert len(boxes) == 4
    if screen.width_name == "wide":
        assert all(abs(box["y"] - boxes[0]["y"]) < 2 for box in boxes), "the pillars start at one height"
        assert all(b["x"] >= a["x"] + a["width"] for a, b in zip(boxes, boxes[1:])), "left to right, apart"
    else:
        assert all(b["y"] >= a["y"] + a["height"] for a, b in zip(boxes, boxes[1:])), "one under the other"
        assert all(abs(box["x"] - boxes[0]["x"]) < 2 for box in boxes)
    headings = screen.locator(".prose .columns__item h3").all_inner_texts()
    assert len(headings) == 4 and all(headings)
    no_sideways_scrolling(screen)
    assert_accessible(screen)


@pytest.mark.parametrize("lang", LANGS)
def test_cards_are_a_grid_on_a_computer_and_stacked_on_a_phone(screen, lang):
    screen.goto(url(lang, ABOUT))
    cards = screen.locator(".prose .columns--cards > .columns__item")
    boxes = [card.bounding_box() for card in cards.all()]
    assert len(boxes) == 5
    rows = {round(box["y"]) for box in boxes}
    if screen.width_name == "wide":
        assert 2 <= len(rows) <= 3, "two or three cards across"
    else:
        assert len(rows) == 5, "one card under the other"
    for card in cards.all():
        assert card.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    no_sideways_scrolling(screen)
    assert_accessible(screen)


@pytest.mark.parametrize("lang", LANGS)
def test_table_words_are_never_broken_and_a_wide_table_scrolls_in_its_own_box(screen, lang):
    screen.goto(url(lang, PILLARS))
    table = screen.locator(".prose table")
    assert table.count() == 1
    assert table.evaluate(WORDS_BROKEN) == []
    box = screen.locator(".prose .table-wrap")
    assert box.get_attribute("tabindex") == "0"
    assert box.get_attribute("role") == "region"
    assert re.fullmatch(r"(Table|Tabla) 1", box.get_attribute("aria-label") or "")
    caption = screen.locator(".prose figure > figcaption")
    assert caption.inner_text().strip() == CAPTIONS[lang]
    assert caption.evaluate("e => !e.closest('.table-wrap')"), "the caption is outside the scrolling box"
    shown, width = caption.bounding_box(), screen.viewport_size["width"]
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= width, "the whole caption is on the screen"
    no_sideways_scrolling(screen)


@pytest.mark.parametrize("lang", LANGS)
def test_callouts_are_notes_named_by_their_title(screen, lang):
    screen.goto(url(lang, JOIN))
    for title in CALLOUTS[lang]:
        note = screen.get_by_role("note", name=title, exact=True)
        assert note.count() == 1, title
        assert note.is_visible()
        assert note.locator(".callout__title").inner_text() == title
    no_sideways_scrolling(screen)
    assert_accessible(screen)


@pytest.mark.parametrize("lang", LANGS)
def test_a_checklist_is_announced_as_checkboxes_checked_or_not(screen, lang):
    screen.goto(url(lang, JOIN))
    boxes = screen.get_by_role("checkbox")
    assert boxes.count() == len(CHECKLIST[lang])
    for words, done in CHECKLIST[lang]:
        box = screen.get_by_role("checkbox", name=words, exact=True)
        assert box.is_checked() is done, words
        assert box.is_disabled(), "families cannot tick the page's list"
    assert "[ ]" not in screen.locator(".prose").inner_text()
    assert "[x]" not in screen.locator(".prose").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_callouts_keep_their_borders_in_forced_colours_and_print(screen, lang):
    screen.goto(url(lang, JOIN))
    for media in ({"forced_colors": "active"}, {"media": "print", "forced_colors": "none"}):
        screen.emulate_media(**media)
        for note in screen.locator(".callout").all():
            style = note.evaluate("e => { const s = getComputedStyle(e);"
                                  " return [s.borderLeftStyle, parseFloat(s.borderLeftWidth),"
                                  " s.borderTopStyle, parseFloat(s.borderTopWidth)]; }")
            assert style[0] == "solid" and style[1] >= 4, (media, style)
            assert style[2] == "solid" and style[3] >= 1, (media, style)
    screen.emulate_media(media="screen", forced_colors="active")
    screen.goto(url(lang, PILLARS))
    assert_accessible(screen)
