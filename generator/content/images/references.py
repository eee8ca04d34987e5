"""Finding the images content names: in image fields and in Markdown bodies."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Iterator
from urllib.parse import unquote

import markdown

from generator.content.fieldtypes import ListOf, Obj
from generator.content.merge import Source, dotted
from generator.content.schema import IMAGE

# ---------------------------------------------------------------------------
# Finding the images content refers to


def is_image_type(type_: Any) -> bool:
    return type_ is IMAGE or (isinstance(type_, Obj) and {"src", "alt", "decorative"} <= set(type_.fields))


def _walk(type_: Any, value: Any, path: tuple) -> Iterator[tuple[tuple, Any]]:
    if value is None:
        return
    if is_image_type(type_):
        yield path, value
    elif isinstance(type_, Obj) and isinstance(value, dict):
        for name, f in type_.fields.items():
            yield from _walk(f.type, value.get(name), path + (name,))
    elif isinstance(type_, ListOf) and isinstance(value, list):
        for i, entry in enumerate(value):
            yield from _walk(type_.item, entry, path + (i,))


def _dig(data: Any, path: tuple) -> Any:
    for part in path:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and part < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
        if data is None:
            return None
    return data


@dataclass
class Reference:
    """One place in content that names an image."""

    item: Any  # generator.content.model.Item
    path: tuple  # field path, e.g. ("photo",); () for a Markdown body
    src: str
    file: str  # the content file that names it
    line: int | None
    field: str
    alt: dict[str, str] = field(default_factory=dict)  # by language
    decorative: bool = False
    html: bool = False  # a body image written as an <img> tag (not Markdown)


def field_references(site) -> Iterator[Reference]:
    """Every image field in every item (schools' and people's photos, news images...)."""
    for item in site.all_items():
        for name, f in item.ctype.by_name.items():
            default_value = item.data[site.default].get(name)
            for path, value in _walk(f.type, default_value, (name,)):
                if not isinstance(value, dict) or not value.get("src"):
                    continue
                file, line, fld = _where(item, path)
                alt = {}
                for lang in site.languages:
                    text = (_dig(item.data[lang], path) or {}).get("alt")
                    if text:
                        alt[lang] = text
                yield Reference(item, path, str(value["src"]), file, line, fld, alt,
                                bool(value.get("decorative")))


def _where(item, path: tuple) -> tuple[str, int | None, str]:
    """The file, line and field where an image's src is written."""
    for src in item.sources.values():
        raw = _dig(src.data, path)
        if isinstance(raw, str) or (isinstance(raw, dict) and raw.get("src")):
            sub = path + ("src",) if isinstance(raw, dict) else path
            return src.path, src.line(sub), dotted(sub)
    src = next(iter(item.sources.values()))
    return src.path, src.line(path), dotted(path)


# Bodies are rendered as MkDocs renders them (generator.site.project adds toc, which adds no images).
MARKDOWN_EXTENSIONS = ["tables", "attr_list", "def_list", "sane_lists", "smarty", "pymdownx.tasklist",
                       "pymdownx.blocks.caption", "generator.core.body_blocks"]


def body_html(text: str) -> str:
    """A Markdown body as HTML, before sanitising (images in every form are <img> tags here)."""
    return markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS)


class _ImgFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.found.append({k: (v or "") for k, v in attrs})

    handle_startendtag = handle_starttag


def img_tags(html: str) -> list[dict[str, str]]:
    """The attributes of every <img> in ``html`` (entities decoded); not those in comments or code."""
    finder = _ImgFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def body_src(src: str) -> str:
    """A body image's src as a path inside content/ (Markdown writes spaces as %20)."""
    return unquote(src.strip())


def body_references(site) -> Iterator[Reference]:
    """Images in Markdown bodies, in each language's own text: every <img> of the rendered body."""
    for item in site.all_items():
        for lang, source in item.sources.items():
            body = source.body
            if not body or ("![" not in body and "<img" not in body.lower()):
                continue  # no other Markdown makes an image
            text = _file_text(site, source)
            start = max(text.find(body.strip()[:60]), 0)
            cursor: dict[str, int] = {}
            for attrs in img_tags(body_html(body)):
                src = attrs.get("src", "").strip()
                needle = src or "<img"
                pos = text.find(needle, cursor.get(needle, start))
                if pos < 0 and src:
                    pos = text.find(src.replace("&", "&amp;"), start)
                line = line_text = None
                if pos >= 0:
                    cursor[needle] = pos + len(needle)
                    line = text.count("\n", 0, pos) + 1
                    end = text.find("\n", pos)
                    line_text = text[text.rfind("\n", 0, pos) + 1:end if end >= 0 else len(text)]
                alt = attrs.get("alt", "").strip()
                yield Reference(item, (), body_src(src) if src else "", source.path, line, "text",
                                {lang: alt} if alt else {}, False,
                                html="<img" in (line_text or "").lower())


def _file_text(site, source: Source) -> str:
    try:
        return (site.settings.root / source.path).read_text(encoding="utf-8")
    except OSError:
        return ""
