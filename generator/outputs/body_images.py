"""Photos in page bodies: marked while MkDocs renders, drawn from the processed image after sanitising."""
from __future__ import annotations

import re
from html import escape as _esc

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generator.content.images.references import body_src, img_tags

# ---------------------------------------------------------------------------
# Photos in bodies: marked while MkDocs renders, drawn from the processed image after sanitising

_MARK = "/__portal_image__/"
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|//")
BODY_SIZES = "(min-width: 44rem) 42rem, 100vw"


class _MarkImages(Treeprocessor):
    """Point body images (inline and reference-style) at a marker MkDocs leaves alone.

    MkDocs would otherwise look for ``images/x.jpg`` next to the page, warn that it
    is missing and leave the path as written. Raw <img> tags are not in this tree;
    they are found in the HTML (expand_body_images)."""

    def run(self, root):
        for el in root.iter("img"):
            src = el.get("src") or ""
            if src and not _ADDRESS.match(src) and not src.startswith(("/", "\\")):
                el.set("src", _MARK + src)
        return None


class BodyImagesExtension(Extension):
    """Markdown extension for pages (named in the generated mkdocs.yml)."""

    def extendMarkdown(self, md):
        # after inline patterns (20) make the images, before MkDocs' relative links (0)
        md.treeprocessors.register(_MarkImages(md), "portal_images", 5)


def makeExtension(**kwargs):  # noqa: N802  (Markdown's name)
    return BodyImagesExtension(**kwargs)


def expand_body_images(site, html: str, url, picture: bool = True) -> str:
    """Draw every <img> of a sanitised body from its processed image.

    ``url(rel)`` makes the address of a published file (relative to the page, or
    absolute in a feed). ``picture``: a responsive <picture> (pages), else one
    <img> of the fallback variant (feeds). An <img> whose file did not go through
    the pipeline - which ``portal check`` refuses - is never published: it is
    left out."""
    library = getattr(site, "images", None)
    if library is None:
        return html

    def draw(match: re.Match) -> str:
        found = img_tags(match.group(0))
        attrs = found[0] if found else {}
        src = attrs.get("src", "").strip()
        if src.startswith(_MARK):
            src = src[len(_MARK):]
        image = None
        if src and not _ADDRESS.match(src) and not src.startswith(("/", "\\")):
            image = library.get(body_src(src))
        if image is None:
            return ""
        extra = "".join(f' {name}="{_esc(attrs[name])}"' for name in ("title", "lang") if attrs.get(name))
        fallback = image.fallback
        img = (f'<img src="{_esc(url(fallback.rel))}" width="{fallback.width}" '
               f'height="{fallback.height}" alt="{_esc(attrs.get("alt", ""))}"{extra}')
        if not picture:
            return img + ">"
        img += ' loading="lazy" decoding="async"'
        if fallback.format == "svg":
            return img + ">"
        srcset = lambda fmt: ", ".join(f"{_esc(url(v.rel))} {v.width}w" for v in image.sources(fmt))
        return (f'<picture><source type="image/webp" sizes="{BODY_SIZES}" srcset="{srcset("webp")}">'
                f'{img} srcset="{srcset(image.fallback_format)}" sizes="{BODY_SIZES}"></picture>')

    return _IMG_TAG.sub(draw, html)
