"""Short Markdown written by staff in a field (an agenda item): inline HTML for pages, plain text
for calendars.

Only inline Markdown is read (``**bold**``, ``*emphasis*``, ``[link](https://...)``,
```code```): a field is one line of a list, so block syntax (headings, lists, quotes) stays
text. The HTML is sanitised exactly like page bodies (generator.core.sanitize.sanitize).
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

from generator.core.sanitize import sanitize

_MD: markdown.Markdown | None = None


def _markdown() -> markdown.Markdown:
    """A Markdown parser that knows paragraphs only, so everything else is inline."""
    global _MD
    if _MD is None:
        md = markdown.Markdown(extensions=[])
        for name in ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist",
                     "quote", "reference"):
            md.parser.blockprocessors.deregister(name, strict=False)
        _MD = md
    return _MD


@lru_cache(maxsize=16384)
def _html(text: str) -> str:
    """The Markdown of one field as HTML, made once per text: an agenda item is shown on its
    meeting's page, its flyer and in its calendars, in every language that shows it."""
    md = _markdown()
    out = md.reset().convert(text)
    out = out.strip()
    if out.startswith("<p>") and out.endswith("</p>"):
        out = out[3:-4]
    return out.replace("</p>\n<p>", "<br>\n")


def inline_html(text) -> Markup:
    """A field's inline Markdown as sanitised HTML (safe to print in a template)."""
    if text is None:
        return Markup("")

    return Markup(_sanitized(str(text)))


@lru_cache(maxsize=16384)
def _sanitized(text: str) -> str:
    """Sanitised once per text, like the HTML it comes from."""
    return sanitize(_html(text))


_LINK = re.compile(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>(.*?)</a>', re.S)


def plain_text(text) -> str:
    """A field's Markdown as plain text: '**vote** on the [budget](https://x)' ->
    'vote on the budget (https://x)'."""
    if text is None:
        return ""
    rendered = _html(str(text))

    def link(match: re.Match) -> str:
        href, label = html.unescape(match.group(1)), match.group(2)
        shown = html.unescape(nh3.clean(label, tags=set())).strip()
        if href in (shown, "mailto:" + shown, "tel:" + shown) or not re.match(r"(https?|mailto|tel):", href):
            return label
        return f"{label} ({match.group(1)})"

    rendered = _LINK.sub(link, rendered)
    return html.unescape(nh3.clean(rendered, tags=set())).strip()
