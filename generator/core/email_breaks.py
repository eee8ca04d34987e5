"""E-mail addresses that go onto another line only where a reader expects it.

An address keeps to one line where it fits. On a line too narrow for all of it (a phone at
320 px with large text) it goes on after its "@"; only a part too long for the line by itself
breaks, after one of its dots, never inside a word. Each part is a box of its own
(``.email__part`` in styles/base.css) with ``<wbr>`` after the "@" and the dots. The theme's
contact links (partials/macros.html ``email_link``) and addresses staff write in page bodies
(:func:`breakable_emails`) are drawn the same way.
"""
from __future__ import annotations

import html
import re

from markupsafe import Markup

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TAG = re.compile(r"(<[^>]*>)")
_MAILTO = re.compile(r'<a\b[^>]*\bhref="mailto:([^"?]+)')
_KEEP_AS_WRITTEN = ("pre", "code")  # code is shown exactly as typed


def email_parts(address: str) -> Markup:
    """The address's text as its two breakable parts (the name up to "@", then the domain)."""
    name, _, domain = str(address).rpartition("@")

    def part(text: str) -> str:
        return f'<span class="email__part">{html.escape(text).replace(".", ".<wbr>")}</span>'

    return Markup(f"{part(name + '@')}<wbr>{part(domain)}")


def breakable_emails(html_text: str) -> str:
    """Every address in a sanitised body's text drawn as :func:`email_parts` in an
    ``<span class="email">``. A link whose text is its own address is named by the address
    (``aria-label``): the parts' boxes would otherwise put a space into its name."""
    out: list[str] = []
    link = None  # (index in out of the open mailto link, its address)
    kept = 0
    for piece in _TAG.split(html_text):
        if piece.startswith("<"):
            name = re.match(r"</?([a-zA-Z0-9]+)", piece)
            tag = name[1].lower() if name else ""
            if tag in _KEEP_AS_WRITTEN and not piece.endswith("/>"):
                kept += -1 if piece.startswith("</") else 1
            mailto = _MAILTO.match(piece)
            if mailto:
                link = (len(out), html.unescape(mailto[1]))
            elif tag == "a" and piece.startswith("</"):
                link = None
            out.append(piece)
        elif kept > 0 or "@" not in piece:
            out.append(piece)
        else:
            if link and html.unescape(piece.strip()) == link[1] and "aria-label" not in out[link[0]]:
                label = html.escape(link[1], quote=True)
                out[link[0]] = out[link[0]].replace("<a ", f'<a aria-label="{label}" ', 1)
            out.append(EMAIL.sub(lambda m: f'<span class="email">{email_parts(html.unescape(m[0]))}</span>',
                                 piece))
    return "".join(out)
