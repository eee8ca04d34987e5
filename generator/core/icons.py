"""Icons: small line drawings shipped with the theme, shown inline.

Each icon is one file, ``themes/portal/icons/<name>.svg`` (24x24, drawn with
``currentColor`` so it takes the text colour). Settings name icons by file
name (a service's ``icon: food``); an unknown name is a settings error.
Icons are decoration next to a text label: they are rendered with
``aria-hidden="true"`` and ``focusable="false"``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

from generator.core.i18n import THEME_DIR

ICONS_DIR = THEME_DIR / "icons"
_INNER = re.compile(r"<svg\b[^>]*>(.*)</svg>", re.S)


@lru_cache(maxsize=None)
def icons() -> dict[str, str]:
    """Every icon the theme ships: name -> the SVG's inner drawing."""
    out = {}
    for path in sorted(ICONS_DIR.glob("*.svg")):
        match = _INNER.search(path.read_text(encoding="utf-8"))
        if match:
            out[path.stem] = match.group(1).strip()
    return out


def icon_names() -> list[str]:
    return sorted(icons())


def render(name: str, css_class: str = "icon") -> Markup:
    """The icon as inline SVG, hidden from assistive technology (its label is next to it)."""
    inner = icons().get(name) or icons().get("service", "")
    return Markup(
        f'<svg class="{escape(css_class)}" aria-hidden="true" focusable="false" viewBox="0 0 24 24" '
        'width="24" height="24" fill="none" stroke="currentColor" stroke-width="2" '
        f'stroke-linecap="round" stroke-linejoin="round">{inner}</svg>')
