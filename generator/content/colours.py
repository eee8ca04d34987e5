"""The district's colour and the theme's palette made from it, checked for WCAG AA contrast.

``colour:`` in ``portal.yml`` is the one colour a district gives. The header and buttons are
that colour with white text on it; every other colour that follows the district (the darker
shade of links, the navigation bar and hover, the light tint behind boxes, the focus ring) is
computed from it here, so a district never has to pick shades, and each shade is checked
against every colour it meets on a page (:meth:`Palette.pairs`).

Only the district's own colour can be refused: when white text on it is hard to read, no
shade could fix the header. The suggestion then is the nearest colour that passes, found by
darkening it in OKLCH, a perceptual space where changing the lightness keeps the hue, so the
district still recognises its colour. A computed shade that would fail is moved until it
passes instead. All colour maths (OKLCH, gamut mapping, WCAG 2.1 contrast) is coloraide's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from coloraide import Color

from generator.content.fieldtypes import Invalid, Str
from generator.core.errors import show

TEXT = 4.5  # WCAG AA contrast for text (1.4.3)
GRAPHICS = 3.0  # WCAG AA contrast for focus rings and the parts of a chart (1.4.11)

WHITE = "#ffffff"
INK = "#1b1f23"  # the theme's text colour (base styles: --ink)
MUTED = "#4a5560"  # the theme's quieter text (--muted), also shown on the tint
FOCUS = "#ffbf47"  # the focus ring's yellow, kept while it stands out from the header

# How the shades are made, in OKLCH (lightness 0-1, chroma, hue): tuned so that the theme's
# original teal #0b5d5b gives exactly the shades it always had (#063f3e and #eef5f4).
DARK_STEP, DARK_CHROMA = 0.10, 0.76  # the dark shade: this much darker, this much of the chroma
TINT_LIGHTNESS, TINT_CHROMA = 0.964, 0.10  # the tint: this light, a tenth of the chroma
NUDGE = 0.01  # how far a computed shade moves, each time, until it passes


def contrast(a: str, b: str) -> float:
    """The WCAG 2.1 contrast ratio of two colours, from 1 to 21."""
    return Color(a).contrast(b, method="wcag21")


def ratio(value: float) -> str:
    """A contrast ratio as people read it, rounded down so a failing one never shows as passing."""
    return f"{int(value * 100) / 100:.2f}:1"


def _hex(lightness: float, chroma: float, hue: float) -> str:
    """An OKLCH colour as the nearest sRGB colour that CSS and pictures can show, as #rrggbb.

    Out-of-range colours lose chroma, never lightness or hue (coloraide's oklch-chroma
    mapping with no tolerance for clipping; named so that a newer library default cannot
    change a site's bytes)."""
    colour = Color("oklch", [min(max(lightness, 0.0), 1.0), chroma, hue])
    return colour.fit("srgb", method="oklch-chroma", jnd=0).convert("srgb").to_string(hex=True)


def _oklch(colour: str) -> tuple[float, float, float]:
    lightness, chroma, hue = Color(colour).convert("oklch").coords(nans=False)
    return lightness, chroma, hue


def _moved(colour: str, step: float, passes: Callable[[str], bool]) -> str:
    """``colour`` made lighter (step > 0) or darker until ``passes``; white or black at the end."""
    lightness, chroma, hue_ = _oklch(colour)
    candidate = colour
    while not passes(candidate) and 0.0 < lightness < 1.0:
        lightness += step
        candidate = _hex(lightness, chroma, hue_)
    return candidate


def nearest_passing(colour: str, against: str = WHITE, minimum: float = TEXT) -> str:
    """The lightest colour of the same hue, no lighter than ``colour``, with ``minimum``
    contrast against a light ``against``: the nearest that passes, by lightness alone.

    Found by halving the range of lightness between black (which passes) and the colour
    (which does not), comparing the colours as they will be written (#rrggbb)."""
    lightness, chroma, hue_ = _oklch(colour)
    low, high = 0.0, lightness
    for _ in range(30):
        middle = (low + high) / 2
        if contrast(_hex(middle, chroma, hue_), against) >= minimum:
            low = middle
        else:
            high = middle
    return _hex(low, chroma, hue_)


@dataclass(frozen=True)
class Pair:
    """Two colours the theme puts together, where, and the contrast they need."""

    where: str
    front: str
    back: str
    minimum: float

    @property
    def contrast(self) -> float:
        return contrast(self.front, self.back)

    @property
    def passes(self) -> bool:
        return self.contrast >= self.minimum


@dataclass(frozen=True)
class Palette:
    """The colours of the theme that follow the district's colour (CSS ``--brand`` and so on)."""

    brand: str  # the header, buttons, the current page of a list, chart bars
    brand_dark: str  # links, the navigation bar, buttons on hover, the chosen filter
    tint: str  # light boxes: the footer, related links, filters, stats, tags
    focus: str  # the focus ring (with a dark edge), the skip link, the language offer

    def pairs(self) -> Iterator[Pair]:
        """Every pair of these colours the theme uses, with the contrast WCAG AA asks of it."""
        yield Pair("white text on the header and buttons", WHITE, self.brand, TEXT)
        yield Pair("white text on the navigation bar and buttons under the pointer", WHITE,
                   self.brand_dark, TEXT)
        yield Pair("links on the page", self.brand_dark, WHITE, TEXT)
        yield from _on_tint(self.tint, self.brand_dark)
        yield Pair("chart bars on their track", self.brand, self.tint, GRAPHICS)
        yield Pair("the focus ring on the header", self.focus, self.brand, GRAPHICS)
        yield Pair("the focus ring on the navigation bar", self.focus, self.brand_dark, GRAPHICS)
        yield Pair("the focus ring's dark edge on the page", INK, WHITE, GRAPHICS)
        yield Pair("text on the skip link and the language offer", INK, self.focus, TEXT)


def _on_tint(tint: str, brand_dark: str) -> Iterator[Pair]:
    yield Pair("links on light boxes", brand_dark, tint, TEXT)
    yield Pair("text on light boxes", INK, tint, TEXT)
    yield Pair("quieter text on light boxes", MUTED, tint, TEXT)


def palette(brand: str) -> Palette:
    """The theme's palette for a district colour that white text can be read on.

    Each shade starts as a fixed step from the brand in OKLCH and, for a colour where that
    step is not enough, moves (the tint lighter, the dark shade darker, the focus ring
    lighter) until each of its pairs passes. At the end of their way the tint is white, the
    dark shade black and the focus ring white, and those pass with any brand colour that
    passes itself, so a district is never refused for a shade."""
    lightness, chroma, hue_ = _oklch(brand)
    tint = _moved(_hex(TINT_LIGHTNESS, chroma * TINT_CHROMA, hue_), NUDGE,
                  lambda c: contrast(MUTED, c) >= TEXT and contrast(brand, c) >= GRAPHICS)
    dark = _moved(_hex(lightness - DARK_STEP, chroma * DARK_CHROMA, hue_), -NUDGE,
                  lambda c: contrast(c, tint) >= TEXT)
    focus = _moved(FOCUS, NUDGE, lambda c: contrast(c, brand) >= GRAPHICS)
    return Palette(brand=brand, brand_dark=dark, tint=tint, focus=focus)


def brand_problem(brand: str) -> Invalid | None:
    """Why the district's colour cannot be used (white text on it is hard to read), or None."""
    found = contrast(WHITE, brand)
    if found >= TEXT:
        return None
    better = nearest_passing(brand)
    return Invalid(
        f"this colour is too light for the white text of the header and buttons (contrast "
        f"{ratio(found)})",
        f"a colour that white text can be read on (contrast at least {TEXT}:1, WCAG AA), since "
        "the header and buttons show white text on it",
        f'use "{better}" (contrast {ratio(contrast(WHITE, better))}), the nearest colour that '
        "passes: the same colour, darker")


class Colour(Str):
    """A colour written as web pages write it, #rgb or #rrggbb, read as lower-case #rrggbb."""

    label = "colour"
    expected = 'a colour like "#0b5d5b" (# and three or six digits 0-9 or letters a-f), in quotes'
    example = "#0b5d5b"

    def coerce(self, value, ctx):
        text = super().coerce(value, ctx)
        if re.fullmatch(r"#([0-9a-fA-F]{3}){1,2}", text):
            return Color(text).to_string(hex=True).lower()
        raise Invalid(f"{show(text)} is not a colour written as #rrggbb", self.expected,
                      _how_to_write(text))

    def json_schema(self):
        return {"type": "string", "pattern": "^#([0-9a-fA-F]{3}){1,2}$"}


def _how_to_write(text: str) -> str:
    """What to write instead: the same colour as #rrggbb where it can be read otherwise."""
    if re.fullmatch(r"([0-9a-fA-F]{3}){1,2}", text):
        return f'start it with # and put it in quotes: colour: "#{text.lower()}"'
    try:
        written = Color(text).convert("srgb").set("alpha", 1).to_string(hex=True, fit=True)
    except ValueError:
        return 'copy the colour\'s code (like "#0b5d5b") from your district\'s style guide'
    return f'write it as its code, in quotes: colour: "{written}" (the same colour as {show(text)})'
