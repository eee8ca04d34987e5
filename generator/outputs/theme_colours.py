"""The district's colours as CSS: the ``:root`` variables that the theme's styles use.

The palette is made and checked in the content stage (generator.content.colours) from
``colour:`` in ``portal.yml``; here it becomes the first rule of the published stylesheet.
It is a rule in the stylesheet, not a ``<style>`` in each page, because the Content-Security-
Policy allows no inline styles. Only the colours that follow the district are written here;
the others (text, lines, warnings) are fixed in the base styles.
"""
from __future__ import annotations

from generator.content.colours import palette


def colour_variables(colour: str) -> str:
    """The ``:root`` rule with the theme's district colours for ``colour`` (always the same
    text for the same colour, so builds stay byte for byte the same)."""
    shades = palette(colour)
    return (f"/* The district's colours, made from colour: \"{colour}\" in portal.yml. */\n"
            ":root {\n"
            f"  --brand: {shades.brand};\n"
            f"  --brand-dark: {shades.brand_dark};\n"
            f"  --tint: {shades.tint};\n"
            f"  --focus: {shades.focus};\n"
            "}\n")
