"""Images: every photo named in content is checked, cleaned and resized at build time.

Content names a photo by its path inside ``content/``: in an image field
(``photo:``, ``image:``, schema ``IMAGE``) or in a Markdown body. Body images
are found in the body's rendered HTML, so every form counts: inline
``![What it shows](images/lincoln.jpg)``, reference-style ``![alt][x]`` with
``[x]: images/lincoln.jpg``, and raw ``<img src="images/lincoln.jpg" alt="...">``.
A body image must be a file in ``content/`` too: a picture from another site
would make every visitor's browser contact that site, so it is an error. On
pages and in feeds every ``<img>`` of a body is drawn from the processed
image; one that is not (which the check has already refused) is left out. For
each image:

* **check** (``portal check`` too): the path stays inside ``content/``; the file
  exists and is not larger than ``images.max_bytes``; it is a JPEG, PNG, WebP
  or GIF that Pillow reads in full (not truncated, not a decompression bomb
  by Pillow's ``Image.MAX_IMAGE_PIXELS``), or an SVG without scripts, event
  handlers or references to other files; it has alt text unless marked
  ``decorative: true``. Each problem names the content file, the field and
  the image file.
* **process**: orientation applied (EXIF), colours converted to sRGB, resized
  to every width of ``images.widths`` up to the photo's own, saved as WebP
  plus a JPEG fallback (PNG when the picture has transparency). Nothing of
  the original's metadata is written: no EXIF (so no GPS position, no camera
  serial numbers), no XMP, no ICC profile, no comments.
* **cache**: results go to ``.cache/images/<sha256>-<width>.<format>`` with a
  ``<sha256>.json`` manifest, keyed by the file's content hash. A photo whose
  bytes and settings have not changed is not decoded again; new photos are
  processed in a thread pool (Pillow releases the GIL while decoding,
  resizing and encoding, so every core is used).
* **publish**: once for all languages, at
  ``/images/<name>-<hash>-<width>.<format>`` (the hash makes every address
  safe to cache for ever).

People without a photo get an initials avatar drawn with Pillow (white
letters on a dark colour, contrast at least 4.5:1), cached the same way.

This module is the site's side (what content names, alt text, what is
published); the work on one file - Pillow, SVG safety, the cache, the pool -
is in generator.imaging.

API for the rest of the generator (news images, social cards):

* ``image_for(site, src)`` -> :class:`ProcessedImage` or None, for a path as
  written in content (``images/lincoln.jpg``);
* ``avatar_for(site, person)`` -> :class:`ProcessedImage` (photo-less people);
* :class:`ProcessedImage`: ``width``, ``height``, ``variants`` (each with
  ``width``, ``height``, ``format``, ``rel`` - the published path - and
  ``path`` - the processed file in the cache, metadata-free, readable with
  Pillow), ``sources(fmt)``, ``fallback``, ``largest(fmt)``;
* ``process_file(path, settings, cache_dir)`` -> :class:`ProcessedImage`
  for a file outside any site (raises :class:`ImageError`);
* ``stats``: how many images were processed and how many came from the cache
  in this process (tests use it).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html import escape as _esc
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .derive import OutputFile
from .errors import Problems
from .imaging import (AVATAR_SIZES, VERSION, ImageError, ProcessedImage, _Job, _processed, _run_all,
                      avatar_colour, initials, inspect, resolve)
from .imaging import Variant, process_file, stats  # noqa: F401  (part of this module's API)
from .merge import Source, dotted
from .schema import IMAGE, ListOf, Obj

CACHE_DIR = Path(".cache") / "images"


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

    item: Any  # generator.model.Item
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


# Bodies are rendered as MkDocs renders them (generator.project adds toc, which adds no images).
MARKDOWN_EXTENSIONS = ["tables", "attr_list", "def_list", "sane_lists", "smarty"]


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


def _avatar_job(person, lang: str) -> tuple[_Job, str]:
    """The avatar a photo-less person gets (cached by its letters and colour)."""
    name = str(person.title(lang))
    letters = initials(name)
    colour = avatar_colour(person.slug)
    digest = hashlib.sha256(f"avatar\0{VERSION}\0{letters}\0{colour}\0{AVATAR_SIZES}".encode()).hexdigest()
    return _Job(digest, "avatar", (letters, colour)), name


# ---------------------------------------------------------------------------
# The site's images: checked in the rules step, published by a file producer


@dataclass
class ImageLibrary:
    """Every processed image of one build (``site.images``)."""

    content_dir: Path
    by_src: dict[str, ProcessedImage] = field(default_factory=dict)
    avatars: dict[str, ProcessedImage] = field(default_factory=dict)  # person slug -> avatar
    owners: dict[str, set] = field(default_factory=dict)  # key -> {(collection, slug)} that name it

    def key(self, src: str) -> str | None:
        try:
            return (self.content_dir / src.strip()).resolve().relative_to(
                self.content_dir.resolve()).as_posix()
        except (ValueError, OSError):
            return None

    def get(self, src: str) -> ProcessedImage | None:
        key = self.key(src)
        return self.by_src.get(key) if key else None

    def all(self) -> list[ProcessedImage]:
        return list(self.by_src.values()) + list(self.avatars.values())


def cache_dir(site) -> Path:
    return site.settings.root / CACHE_DIR


def check_images(site, problems: Problems) -> None:
    """Rule: every image named in content is a safe, readable file; alt text where needed.

    Processes what is not cached yet, and leaves the results in ``site.images``.
    """
    settings = site.settings.images
    content = site.settings.content_dir
    cache = cache_dir(site)
    library = ImageLibrary(content)
    refs = list(field_references(site)) + list(body_references(site))
    wanted: dict[str, tuple[str, str, str]] = {}  # key -> (digest, stem, src)
    users: dict[str, list[Reference]] = {}
    jobs: list[_Job] = []

    def report(ref: Reference, exc: ImageError, shown: str) -> None:
        problems.error(ref.file, f"{shown}: {exc.message}" if shown else exc.message, field=ref.field,
                       line=ref.line, expected=exc.expected, found=exc.found, suggestion=exc.suggestion)

    failed: dict[str, ImageError] = {}
    for ref in refs:
        if not ref.src:
            problems.error(ref.file, "an image in the text names no file", field=ref.field, line=ref.line,
                           expected="a photo in content/, like ![What it shows](images/photo.jpg)",
                           found="<img> without src",
                           suggestion="give its path, like images/photo.jpg, or remove it")
            continue
        if not ref.decorative and not ref.alt:
            if ref.path:
                problems.error(ref.file, f"the image {ref.src} has no alt text", field=dotted(ref.path + ("alt",)),
                               line=ref.line, expected="alt: a short description of what the photo shows, "
                               "for people who cannot see it",
                               suggestion=f"add 'alt: ...' under '{dotted(ref.path)}' (in each language's file), "
                                          "or 'decorative: true' if it adds nothing to the page")
            elif ref.html:
                problems.error(ref.file, f"the image {ref.src} has no alt text", field=ref.field, line=ref.line,
                               expected='alt="what the photo shows" in the <img> tag',
                               suggestion=f'write <img src="{ref.src}" alt="a short description">')
            else:
                problems.error(ref.file, f"the image {ref.src} has no alt text", field=ref.field, line=ref.line,
                               expected="a description between the brackets: ![What the photo shows](...)",
                               suggestion=f"write ![a short description]({ref.src})")
        try:
            path = resolve(content, ref.src)
        except ImageError as exc:
            report(ref, exc, "")
            continue
        key = path.relative_to(content.resolve()).as_posix()
        users.setdefault(key, []).append(ref)
        library.owners.setdefault(key, set()).add((ref.item.collection, ref.item.slug))
        if key in wanted or key in failed:
            continue
        try:
            data, kind = inspect(path, settings)
        except ImageError as exc:
            failed[key] = exc
            continue
        digest = hashlib.sha256(data).hexdigest()
        wanted[key] = (digest, path.stem, ref.src)
        jobs.append(_Job(digest, kind, data))

    avatar_people = {}
    for person in site.items.get("people", {}).values():
        if person.get(site.default, "photo") is None:
            job, _ = _avatar_job(person, site.default)
            avatar_people[person.slug] = job
            jobs.append(job)

    results = _run_all(jobs, cache, settings)
    for key, (digest, stem, src) in wanted.items():
        result = results[digest]
        if isinstance(result, ImageError):
            failed[key] = result
        else:
            library.by_src[key] = _processed(key, stem, digest, result, cache)
    for key, exc in failed.items():
        for ref in users[key]:  # every file that names the image hears about it
            report(ref, exc, f"content/{key}")
    for slug, job in avatar_people.items():
        result = results[job.digest]
        if isinstance(result, dict):
            library.avatars[slug] = _processed("", f"avatar-{slug}", job.digest, result, cache)
    site.images = library


def image_for(site, src: str) -> ProcessedImage | None:
    """The processed image for a path as written in content (None if unknown)."""
    library = getattr(site, "images", None)
    return library.get(src) if library else None


def avatar_for(site, person) -> ProcessedImage | None:
    library = getattr(site, "images", None)
    return library.avatars.get(person.slug) if library else None


def published_images(site) -> list[ProcessedImage]:
    """Images named by items that are published (not by a draft or a post dated later), and avatars."""
    library = getattr(site, "images", None)
    if library is None:
        return []
    out = [image for key, image in library.by_src.items()
           if any(slug in site.items.get(coll, {}) for coll, slug in library.owners.get(key, ()))]
    return out + [a for slug, a in library.avatars.items() if slug in site.items.get("people", {})]


def image_files(site, messages_for) -> list[OutputFile]:
    """FILE_PRODUCER: every variant of every published image, once, at /images/."""
    out, seen = [], set()
    for image in published_images(site):
        for v in image.variants:
            if v.rel not in seen:
                seen.add(v.rel)
                out.append(OutputFile(v.rel, v.path.read_bytes(), None, f"image {image.src or v.rel}"))
    return out


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
