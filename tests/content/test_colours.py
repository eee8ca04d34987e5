"""The district's colour: how it is written, the palette made from it, and the colour suggested
when white text on it would be hard to read."""
from __future__ import annotations

import re

import pytest
from coloraide import Color

from generator.content import colours
from generator.content.colours import Colour, brand_problem, contrast, nearest_passing, palette
from generator.content.fieldtypes import Context, Invalid


def hue(colour: str) -> float:
    """The colour's hue in OKLCH, in degrees: what a suggested colour keeps."""
    return Color(colour).convert("oklch").coords(nans=False)[2]


@pytest.mark.parametrize("written, read", [
    ("#0b5d5b", "#0b5d5b"), ("#0B5D5B", "#0b5d5b"), ("#abc", "#aabbcc"), ("#1D4", "#11dd44"),
    ("  #7a3b12 ", "#7a3b12"),
])
def test_a_colour_is_read_as_lower_case_rrggbb(written, read):
    assert Colour().coerce(written, Context()) == read


@pytest.mark.parametrize("written, suggestion", [
    ("0b5d5b", 'colour: "#0b5d5b"'),  # the # left out
    (123456, 'colour: "#123456"'),  # YAML reads six digits as a number
    ("navy", 'colour: "#000080"'),  # a colour's name
    ("rgb(29 79 145)", 'colour: "#1d4f91"'),
    ("#12345", "from your district's style guide"),  # five digits: no colour
    ("#0b5d5g", "from your district's style guide"),
    ("#0b5d5b80", 'colour: "#0b5d5b"'),  # with transparency, which the header cannot have
])
def test_a_colour_written_otherwise_is_refused_with_what_to_write(written, suggestion):
    with pytest.raises(Invalid) as refused:
        Colour().coerce(written, Context())
    assert "is not a colour written as #rrggbb" in refused.value.message
    assert '"#0b5d5b"' in refused.value.expected
    assert suggestion in refused.value.suggestion


def test_contrast_is_the_wcag_ratio():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#767676") == pytest.approx(4.54, abs=0.01)
    assert colours.ratio(4.4999) == "4.49:1"  # rounded down: a failing ratio never reads 4.50


def test_the_default_teal_gives_the_shades_the_theme_always_had():
    assert palette("#0b5d5b") == colours.Palette(brand="#0b5d5b", brand_dark="#063f3e",
                                                 tint="#eef5f4", focus="#ffbf47")


# Colours white text can be read on, across the hues and up to the lightest that pass: dark
# greys, saturated blues and reds, a mid grey just passing (where the yellow focus ring would
# not stand out from the header), black.
ACCEPTED = ["#0b5d5b", "#7a3b12", "#1d4f91", "#000000", "#767676", "#0000ff", "#ee0000",
            "#2e7d32", "#6b21a8", "#a36b00", "#0f857c", "#c2185b", "#5a5a00", "#0077d8"]


@pytest.mark.parametrize("brand", ACCEPTED)
def test_every_pair_of_colours_the_theme_uses_passes_wcag_aa(brand):
    assert brand_problem(brand) is None
    shades = palette(brand)
    failing = [(p.where, round(p.contrast, 2)) for p in shades.pairs() if not p.passes]
    assert failing == []
    assert {p.where for p in shades.pairs()} >= {
        "white text on the header and buttons", "links on the page", "links on light boxes",
        "the focus ring on the header", "the focus ring's dark edge on the page"}


def test_a_focus_ring_that_would_not_stand_out_from_the_header_is_made_lighter():
    shades = palette("#767676")
    assert contrast(colours.FOCUS, "#767676") < 3
    assert shades.focus != colours.FOCUS and contrast(shades.focus, "#767676") >= 3
    assert hue(shades.focus) == pytest.approx(hue(colours.FOCUS), abs=3)


@pytest.mark.parametrize("brand", ["#4fb3a9", "#f0a000", "#3399ff", "#ff0000", "#ffff00", "#ffffff",
                                   "#aabbcc", "#e91e63"])
def test_a_colour_too_light_for_white_text_is_refused_with_the_nearest_that_passes(brand):
    problem = brand_problem(brand)
    assert problem is not None
    assert "too light for the white text of the header and buttons" in problem.message
    assert "4.5:1" in problem.expected
    better = nearest_passing(brand)
    assert f'use "{better}"' in problem.suggestion
    # It passes, keeps the district's hue, and is the nearest: a little lighter fails.
    assert contrast("#ffffff", better) >= 4.5
    assert brand_problem(better) is None
    if Color(brand).convert("oklch")["chroma"] > 0.02:
        assert hue(better) == pytest.approx(hue(brand), abs=2)
    lightness, chroma, angle = Color(better).convert("oklch").coords(nans=False)
    lighter = Color("oklch", [lightness + 0.01, chroma, angle]).fit("srgb").to_string(hex=True)
    assert contrast("#ffffff", lighter) < 4.5
    assert Color(better).convert("oklch")["lightness"] < Color(brand).convert("oklch")["lightness"]


def test_a_colour_that_passes_is_not_refused():
    assert brand_problem("#0b5d5b") is None
    assert brand_problem("#767676") is None  # 4.54:1, just enough


def test_editors_are_told_how_a_colour_is_written():
    pattern = re.compile(Colour().json_schema()["pattern"])
    assert pattern.search("#0b5d5b") and pattern.search("#ABC")
    assert not pattern.search("teal") and not pattern.search("0b5d5b") and not pattern.search("#0b5d5b80")
