"""Links in page bodies to items and files: marked while Markdown renders, pointed at the right
address for the page's language after sanitising (generator.content.links says what they mean)."""
from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import quote, unquote

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generator.content.images.references import MARKDOWN_EXTENSIONS
from generator.content.links import Target, is_staff_link, resolve
from generator.derive.views import lang_prefix

_MARK = "/__portal_link__/"
_MARKED = re.compile(r'href="' + re.escape(_MARK) + r'([^"]*)"')


class _MarkLinks(Treeprocessor):
    """Point staff links (to content files, into files/) at a marker MkDocs leaves alone.

    MkDocs would otherwise look for ``../grants/x.md`` in the folder of generated pages,
    which is not laid out like content/, and warn or link to the wrong place."""

    def run(self, root):
        for el in root.iter("a"):
            href = el.get("href") or ""
            if is_staff_link(href):
                el.set("href", _MARK + quote(href, safe=""))
        return None


class BodyLinksExtension(Extension):
    """Markdown extension for pages (named in the generated mkdocs.yml) and feeds."""

    def extendMarkdown(self, md):
        # after inline patterns (20) make the links, before MkDocs' relative links (0)
        md.treeprocessors.register(_MarkLinks(md), "portal_links", 4)


def makeExtension(**kwargs):  # noqa: N802  (Markdown's name)
    return BodyLinksExtension(**kwargs)


def marked_body_html(text: str) -> str:
    """A body as HTML with its staff links marked, for outputs outside MkDocs (feeds)."""
    return markdown.markdown(text, extensions=[*MARKDOWN_EXTENSIONS, BodyLinksExtension()])


def target_path(site, target: Target, lang: str) -> str:
    """The published path of what a link points at, in ``lang``: 'es/grants/x/', 'files/a.pdf'."""
    if target.is_file:
        return target.name
    prefix = lang_prefix(site, lang)
    if target.collection is None:
        return prefix
    if target.name is None:
        return f"{prefix}{target.collection}/"
    return prefix + site.items[target.collection][target.name].path


def expand_body_links(site, html: str, collection: str, lang: str, url) -> str:
    """Point every marked link of a sanitised body, written in a ``collection`` item, at its
    page in ``lang`` (or its published file). ``url(path)`` makes the address (relative to the
    page, or absolute in a feed). ``portal check`` has refused links that point nowhere; should
    one get here, it keeps the address as the staff member wrote it."""

    def point(match: re.Match) -> str:
        href = unquote(unescape(match.group(1)))
        link = resolve(site, collection, href)
        if link is None or link.target is None:
            return f'href="{escape(href)}"'
        return f'href="{escape(url(target_path(site, link.target, lang)) + link.target.fragment)}"'

    return _MARKED.sub(point, html)
