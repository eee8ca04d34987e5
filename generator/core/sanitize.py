"""Sanitising HTML written by staff: page bodies and inline Markdown fields."""
from __future__ import annotations

import nh3

# Markdown written by staff may use these; anything else (scripts, styles,
# event handlers, iframes) is removed from the rendered body.
ALLOWED_TAGS = set(nh3.ALLOWED_TAGS) | {"h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd",
                                         "table", "thead", "tbody", "tr", "th", "td", "figure",
                                         "figcaption", "hr", "sup", "sub", "abbr"}
ALLOWED_ATTRIBUTES = {tag: {"id", "lang", "title"} for tag in ALLOWED_TAGS}
ALLOWED_ATTRIBUTES["a"] = {"href", "hreflang", "lang", "title", "id"}
ALLOWED_ATTRIBUTES["img"] = {"src", "alt", "width", "height", "loading", "lang"}
ALLOWED_ATTRIBUTES["th"] = {"scope", "colspan", "rowspan", "id"}
ALLOWED_ATTRIBUTES["td"] = {"colspan", "rowspan"}
ALLOWED_ATTRIBUTES["abbr"] = {"title", "lang"}


def sanitize(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto", "tel", "webcal"})
