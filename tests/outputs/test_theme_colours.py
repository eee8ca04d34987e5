"""The district's colours in the published stylesheet: the ``:root`` variables made from
portal.yml's ``colour:``, first in assets/portal.css, the same bytes for the same colour."""
from __future__ import annotations

import re

from generator.content import colours
from generator.core.theme_files import STYLES_DIR
from generator.outputs.theme_colours import colour_variables

DISTRICT_VARIABLES = ("--brand", "--brand-dark", "--tint", "--focus")


def variables(css: str) -> dict[str, str]:
    return dict(re.findall(r"(--[a-z-]+):\s*(#[0-9a-f]{6})", css))


def test_the_stylesheet_starts_with_the_districts_colours(example_site):
    css = (example_site / "assets" / "portal.css").read_text(encoding="utf-8")
    first_rule = css[:css.index("}") + 1]
    assert variables(first_rule) == {"--brand": "#0b5d5b", "--brand-dark": "#063f3e",
                                     "--tint": "#eef5f4", "--focus": "#ffbf47"}


def test_the_second_example_has_its_own_colours(second_example_site):
    css = (second_example_site / "assets" / "portal.css").read_text(encoding="utf-8")
    shades = colours.palette("#7a3b12")
    assert variables(css[:css.index("}") + 1]) == {
        "--brand": "#7a3b12", "--brand-dark": shades.brand_dark, "--tint": shades.tint,
        "--focus": shades.focus}
    assert "#0b5d5b" not in css and "#063f3e" not in css


def test_the_base_styles_leave_the_districts_colours_to_the_settings():
    base = variables((STYLES_DIR / "base.css").read_text(encoding="utf-8"))
    assert not set(DISTRICT_VARIABLES) & set(base)
    # The fixed colours the contrast check counts on are the ones the theme uses.
    assert base["--ink"] == colours.INK and base["--muted"] == colours.MUTED


def test_the_same_colour_gives_the_same_bytes():
    assert colour_variables("#1d4f91") == colour_variables("#1d4f91")
    assert variables(colour_variables("#1d4f91"))["--brand"] == "#1d4f91"
    assert colour_variables("#1d4f91") != colour_variables("#7a3b12")
