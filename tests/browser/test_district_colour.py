"""The district's colour (portal.yml ``colour:``) across the theme, as families see it: the
header, the navigation bar, buttons and links in that colour or its computed darker shade, in
both languages; and the example, which keeps the theme's teal, looks as it always did."""
from __future__ import annotations

import pytest
from coloraide import Color

from generator.content.colours import palette
from generator.site.build import build
from support import EXAMPLE_NOW, assert_accessible, url

pytestmark = pytest.mark.browser

DISTRICT = "#1d4f91"  # a district blue

# What each part of a page is painted with: the element, and the property read.
PARTS = {
    "header": (".site-header", "backgroundColor"),
    "navigation": (".primary-nav", "backgroundColor"),
    "button": ("main .button", "backgroundColor"),
    "link": ("main .school-card a", "color"),
    "footer": (".site-footer", "backgroundColor"),
}


def painted(page, *names: str) -> dict[str, str]:
    """The computed colour of these parts of the page, as rgb(r, g, b)."""
    return page.evaluate("""parts => Object.fromEntries(parts.map(([name, selector, property]) =>
        [name, getComputedStyle(document.querySelector(selector))[property]]))""",
                         [[name, *PARTS[name]] for name in names])


def rgb(colour: str) -> str:
    red, green, blue = (round(c * 255) for c in Color(colour).convert("srgb")[:3])
    return f"rgb({red}, {green}, {blue})"


def seen(page, lang: str) -> dict[str, str]:
    """The parts as painted on the grants page (the dashboard button) and the schools page
    (each school's card links to its page)."""
    page.goto(url(lang, "grants/"))
    colours = painted(page, "header", "navigation", "button", "footer")
    page.goto(url(lang, "schools/"))
    return {**colours, **painted(page, "link")}


def expected(colour: str) -> dict[str, str]:
    shades = palette(colour)
    return {"header": rgb(shades.brand), "button": rgb(shades.brand), "navigation": rgb(shades.brand_dark),
            "link": rgb(shades.brand_dark), "footer": rgb(shades.tint)}


def test_a_district_colour_colours_the_header_buttons_and_links_in_both_languages(project, browser, serve):
    settings = project.root / "portal.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace('colour: "#0b5d5b"', f'colour: "{DISTRICT}"'),
                        encoding="utf-8")
    site = build(project.root, now=EXAMPLE_NOW).site_dir
    context = browser.new_context(base_url=serve(site), viewport={"width": 390, "height": 844})
    page = context.new_page()
    for lang in ("en", "es"):
        colours = seen(page, lang)
        assert colours == expected(DISTRICT), lang
        assert rgb("#0b5d5b") not in colours.values() and rgb("#063f3e") not in colours.values()
        assert page.locator('meta[name="theme-color"]').get_attribute("content") == DISTRICT
        assert_accessible(page)
    context.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_example_keeps_the_theme_teal_it_always_had(page, lang):
    colours = seen(page, lang)
    assert colours == {"header": "rgb(11, 93, 91)", "button": "rgb(11, 93, 91)", "navigation": "rgb(6, 63, 62)",
                       "link": "rgb(6, 63, 62)", "footer": "rgb(238, 245, 244)"}
