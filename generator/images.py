"""Images: every photo named in content is checked, cleaned and resized at build time.

Content names a photo by its path inside ``content/``: in an image field
(``photo:``, ``image:``, schema ``IMAGE``) or in a Markdown body
(``![What it shows](images/lincoln.jpg)``). For each one:

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
from pathlib import Path
from typing import Any, Iterator

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


# ![alt](path) or ![alt](path "title") in Markdown
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")


def body_references(site) -> Iterator[Reference]:
    """Images in Markdown bodies, in each language's own text."""
    for item in site.all_items():
        for lang, source in item.sources.items():
            if not source.body:
                continue
            text = _file_text(site, source)
            for match in MARKDOWN_IMAGE.finditer(source.body):
                pos = text.find(match.group(0))
                line = text.count("\n", 0, pos) + 1 if pos >= 0 else None
                alt = match.group("alt").strip()
                yield Reference(item, (), match.group("src"), source.path, line, "text",
                                {lang: alt} if alt else {}, False)


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
        if not ref.decorative and not ref.alt:
            if ref.path:
                problems.error(ref.file, f"the image {ref.src} has no alt text", field=dotted(ref.path + ("alt",)),
                               line=ref.line, expected="alt: a short description of what the photo shows, "
                               "for people who cannot see it",
                               suggestion=f"add 'alt: ...' under '{dotted(ref.path)}' (in each language's file), "
                                          "or 'decorative: true' if it adds nothing to the page")
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
# Photos in Markdown bodies: marked before MkDocs renders, drawn after sanitising

_MARK = "/__portal_image__/"
_MARKED_IMG = re.compile(r'<img\b[^>]*\bsrc="' + re.escape(_MARK) + r'([^"]+)"[^>]*>')
BODY_SIZES = "(min-width: 44rem) 42rem, 100vw"


def mark_body_images(site, markdown: str) -> str:
    """Point Markdown images that name a processed photo at a marker MkDocs leaves alone."""
    library = getattr(site, "images", None)
    if library is None:
        return markdown

    def swap(match: re.Match) -> str:
        key = library.key(match.group("src"))
        if key is None or key not in library.by_src:
            return match.group(0)
        return f"![{match.group('alt')}]({_MARK}{key})"

    return MARKDOWN_IMAGE.sub(swap, markdown)


def expand_body_images(site, html: str, relative) -> str:
    """Replace each marked <img> with a <picture>; ``relative(rel)`` makes a URL relative to the page."""
    from html import escape as esc

    library = getattr(site, "images", None)
    if library is None:
        return html

    def draw(match: re.Match) -> str:
        image = library.by_src.get(match.group(1))
        if image is None:
            return match.group(0)
        alt = re.search(r'\balt="([^"]*)"', match.group(0))
        alt_attr = alt.group(1) if alt else ""
        fallback = image.fallback
        img = (f'<img src="{esc(relative(fallback.rel))}" width="{fallback.width}" '
               f'height="{fallback.height}" alt="{alt_attr}" loading="lazy" decoding="async"')
        if fallback.format == "svg":
            return img + ">"
        srcset = lambda fmt: ", ".join(f"{esc(relative(v.rel))} {v.width}w" for v in image.sources(fmt))
        return (f'<picture><source type="image/webp" sizes="{BODY_SIZES}" srcset="{srcset("webp")}">'
                f'{img} srcset="{srcset(image.fallback_format)}" sizes="{BODY_SIZES}"></picture>')

    return _MARKED_IMG.sub(draw, html)
