"""Sanitising HTML written by staff: page bodies and inline Markdown fields."""
from __future__ import annotations

import re

import nh3

from generator.core.body_blocks import CLASSES

# Markdown written by staff may use these; anything else (scripts, styles,
# event handlers, iframes) is removed from the rendered body.
ALLOWED_TAGS = set(nh3.ALLOWED_TAGS) | {"h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd",
                                         "table", "thead", "tbody", "tr", "th", "td", "figure",
                                         "figcaption", "hr", "sup", "sub", "abbr", "input", "label"}
ALLOWED_ATTRIBUTES = {tag: {"id", "lang", "title"} for tag in ALLOWED_TAGS}
ALLOWED_ATTRIBUTES["a"] = {"href", "hreflang", "lang", "title", "id"}
ALLOWED_ATTRIBUTES["img"] = {"src", "alt", "width", "height", "loading", "lang"}
ALLOWED_ATTRIBUTES["th"] = {"scope", "colspan", "rowspan", "id"}
ALLOWED_ATTRIBUTES["td"] = {"colspan", "rowspan"}
ALLOWED_ATTRIBUTES["abbr"] = {"title", "lang"}
# A checklist's boxes (generator.core.body_blocks): whatever an <input> says, it is shown as a
# checkbox nobody can change, ticked or not (_checkbox).
ALLOWED_ATTRIBUTES["input"] = {"checked"}


# nh3 leaves class="" where it removed every class; text never holds "<", so these find tags only.
_EMPTY_CLASS = re.compile(r'(<[a-z][a-z0-9]*\b[^<>]*?) class=""')
_INPUT = re.compile(r"<input\b([^<>]*)>")


def _checkbox(match: re.Match) -> str:
    ticked = " checked" if "checked" in match.group(1) else ""
    return f'<input type="checkbox" disabled{ticked}>'


def sanitize(html: str) -> str:
    """Staff HTML with only the tags, attributes and layout classes (body_blocks.CLASSES, each on
    its own element) the theme knows; everything else is removed."""
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, allowed_classes=CLASSES,
                      url_schemes={"http", "https", "mailto", "tel", "webcal"})
    return _INPUT.sub(_checkbox, _EMPTY_CLASS.sub(r"\1", clean))
