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
import io
import json
import os
import re
import struct
import threading
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from .derive import OutputFile
from .errors import Problems, did_you_mean
from .i18n import THEME_DIR
from .merge import Source, dotted
from .schema import IMAGE, ListOf, Obj
from .settings import ImageSettings

VERSION = "1"  # bump when processing changes, so cached images are made again
CACHE_DIR = Path(".cache") / "images"
PUBLISH_DIR = "images"
RASTER_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")  # JPEG includes MPO (some phone cameras write it)
MEDIA_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png", "svg": "image/svg+xml"}
EXTENSIONS = {"webp": "webp", "jpeg": "jpg", "png": "png", "svg": "svg"}
AVATAR_SIZES = (128, 256)
FONT_FILE = THEME_DIR / "fonts" / "DejaVuSans-Bold.ttf"
# Avatar backgrounds: each has a contrast of at least 4.5:1 with white text (a test checks).
AVATAR_COLOURS = ("#0b5d5b", "#1d4f91", "#6b3fa0", "#8a1f3d", "#7a4a00", "#2f5d1e",
                  "#005f73", "#5b3a29")

stats: Counter = Counter()  # "processed" and "cached": images made vs found in the cache
_stats_lock = threading.Lock()


class ImageError(Exception):
    """A photo that cannot be published, in words staff can act on."""

    def __init__(self, message: str, expected: str = "", found: str = "", suggestion: str = ""):
        super().__init__(message)
        self.message = message
        self.expected = expected
        self.found = found
        self.suggestion = suggestion


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    format: str  # "webp", "jpeg", "png" or "svg"
    rel: str  # the published path below the site root, e.g. images/lincoln-3fa2b1c9d0-960.webp
    path: Path  # the processed file in the cache

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


@dataclass(frozen=True)
class ProcessedImage:
    src: str  # the path inside content/, e.g. images/lincoln.jpg ("" for avatars)
    digest: str  # sha256 of the original file (or of an avatar's inputs)
    width: int  # after orientation, before resizing
    height: int
    variants: tuple[Variant, ...]

    def sources(self, fmt: str) -> list[Variant]:
        """The variants of one format, narrowest first."""
        return sorted((v for v in self.variants if v.format == fmt), key=lambda v: v.width)

    @property
    def formats(self) -> list[str]:
        return sorted({v.format for v in self.variants})

    @property
    def fallback_format(self) -> str:
        for fmt in ("jpeg", "png", "svg"):
            if self.sources(fmt):
                return fmt
        return self.variants[0].format

    @property
    def fallback(self) -> Variant:
        """The variant for ``<img src>``: the fallback format, about 960 pixels wide."""
        options = self.sources(self.fallback_format)
        fitting = [v for v in options if v.width <= 960]
        return fitting[-1] if fitting else options[0]

    def largest(self, fmt: str | None = None) -> Variant:
        options = self.sources(fmt or self.fallback_format)
        return options[-1]


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


# ---------------------------------------------------------------------------
# Checking one file


def resolve(content_dir: Path, src: str) -> Path:
    """The file a content path names; ImageError if it is not a file inside content/."""
    text = src.strip()
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text) or text.startswith("//"):
        raise ImageError("a photo must be a file in the content/ folder, not a web address",
                         expected="a path inside content/, like images/lincoln.jpg", found=f'"{text}"',
                         suggestion="save the photo (with permission to use it) in content/images/ "
                                    "and write its path, like images/photo.jpg")
    if text.startswith(("/", "\\")) or re.match(r"[A-Za-z]:[\\/]", text):
        raise ImageError("the path must be written from the content/ folder, not from the disk's root",
                         expected="a path inside content/, like images/lincoln.jpg", found=f'"{text}"',
                         suggestion=f'write "images/{PurePosixPath(text.replace(chr(92), "/")).name}"')
    root = content_dir.resolve()
    path = (content_dir / text).resolve()
    if not path.is_relative_to(root):
        raise ImageError("the path points outside the content/ folder",
                         expected="a path inside content/, like images/lincoln.jpg", found=f'"{text}"',
                         suggestion="copy the photo into content/images/ and write images/<its name>")
    if not path.is_file():
        near = [p.relative_to(root).as_posix() for p in (root / "images").glob("*")] \
            if (root / "images").is_dir() else []
        raise ImageError(f"there is no file content/{text}", expected="the path of a file inside content/",
                         found=f'"{text}"',
                         suggestion=did_you_mean(text, near) if near else
                         "put the photo in content/images/ and check the spelling of its name")
    return path


def _size_text(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} KB"


def inspect(path: Path, settings: ImageSettings) -> tuple[bytes, str]:
    """Read a file and check it cheaply (size, kind, pixel count); return (data, kind).

    kind is "svg" or "raster". Raster images are fully decoded later, in the
    pool, which finds truncated files.
    """
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise ImageError(f"the file is {_size_text(size)}, more than the limit of "
                         f"{_size_text(settings.max_bytes)}",
                         expected=f"a photo of at most {_size_text(settings.max_bytes)}",
                         found=f"{size:,} bytes",
                         suggestion="export a smaller copy (2000 pixels wide is plenty for the web), "
                                    "or raise images.max_bytes in portal.yml")
    data = path.read_bytes()
    if path.suffix.lower() == ".svg" or data.lstrip()[:5] in (b"<?xml", b"<svg ", b"<svg>") \
            or data.lstrip()[:4] == b"<svg":
        return data, "svg"
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=RASTER_FORMATS) as im:
                im.size  # noqa: B018  (the header is read; the pixels are not)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _bomb(str(exc)) from None
        except UnidentifiedImageError:
            raise ImageError("this file is not a picture that can be published",
                             expected="a JPEG, PNG, WebP or GIF photo, or a safe SVG drawing",
                             found=f"{_size_text(size)} that Pillow cannot read as an image",
                             suggestion="open it in a photo app and export it as JPEG") from None
        except (OSError, SyntaxError, ValueError, EOFError, struct.error) as exc:
            raise _damaged(exc) from None
    return data, "raster"


def _bomb(detail: str) -> ImageError:
    pixels = re.search(r"\((\d+) pixels\)", detail)
    return ImageError("the image has too many pixels to open safely (a possible decompression bomb)",
                      expected=f"at most {Image.MAX_IMAGE_PIXELS:,} pixels (Pillow's limit)",
                      found=f"{int(pixels.group(1)):,} pixels" if pixels else "more than the limit",
                      suggestion="resize it to at most 4000 pixels on its longest side")


def _damaged(exc: BaseException) -> ImageError:
    detail = str(exc) or type(exc).__name__
    truncated = "truncated" in detail or isinstance(exc, EOFError)
    return ImageError("the image is incomplete (the file is truncated)" if truncated
                      else "the image is damaged and cannot be read",
                      expected="a complete JPEG, PNG, WebP or GIF file", found=detail,
                      suggestion="copy the original photo again (the copy may have been cut short)")


# ---------------------------------------------------------------------------
# SVG: accepted only when it cannot run anything or load anything

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_ALLOWED_DATA = re.compile(r"data:image/(png|jpeg|gif|webp);base64,", re.I)


def clean_svg(data: bytes) -> tuple[bytes, int, int]:
    """A safe copy of an SVG drawing, with its size; ImageError when it is not safe."""
    if re.search(r"<!DOCTYPE|<!ENTITY", data.decode("utf-8", "replace"), re.I):
        raise ImageError("the SVG declares a DOCTYPE or entities, which can hide content",
                         expected="a plain SVG drawing", found="<!DOCTYPE ...> or <!ENTITY ...>",
                         suggestion="export it again as plain SVG (in Inkscape: Save as > Optimized SVG)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ImageError("the SVG file cannot be read", expected="a well-formed SVG drawing",
                         found=str(exc), suggestion="export it again from your drawing app") from None
    if _local(root.tag) != "svg":
        raise ImageError("the file is not an SVG drawing", expected="an <svg> file",
                         found=f"<{_local(root.tag)}>")
    for el in root.iter():
        tag = _local(el.tag) if isinstance(el.tag, str) else ""
        if tag.lower() in ("script", "foreignobject", "iframe", "embed", "object", "handler"):
            raise ImageError(f"the SVG contains a <{tag}> element, which could run code on the site",
                             expected="a drawing without scripts", found=f"<{tag}>",
                             suggestion="remove the script, or export the drawing as PNG")
        for name, value in el.attrib.items():
            local = _local(name)
            if local.lower().startswith("on"):
                raise ImageError(f"the SVG has an event handler ({local}=...), which could run code",
                                 expected="a drawing without scripts", found=f'{local}="{value[:40]}"',
                                 suggestion="remove the attribute, or export the drawing as PNG")
            if local == "href" and not (value.startswith("#") or _ALLOWED_DATA.match(value)):
                raise ImageError("the SVG refers to another file or address, which browsers would load",
                                 expected="a drawing that contains everything it shows",
                                 found=f'href="{value[:60]}"',
                                 suggestion="embed the picture in the drawing, or export it as PNG")
            if re.search(r"javascript:|url\(\s*['\"]?(?!#)|@import", value, re.I):
                raise ImageError("the SVG refers to another file or to script in a style",
                                 expected="a drawing that contains everything it shows",
                                 found=f'{local}="{value[:60]}"', suggestion="export it again as plain SVG")
        if tag == "style" and re.search(r"javascript:|url\(\s*['\"]?(?!#)|@import", el.text or "", re.I):
            raise ImageError("the SVG's style loads another file", expected="a self-contained drawing",
                             found=(el.text or "")[:60].strip(), suggestion="export it again as plain SVG")
    _strip_svg_metadata(root)
    width, height = _svg_size(root)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=False), width, height


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _ns(name: str) -> str:
    return name[1:].split("}", 1)[0] if name.startswith("{") else ""


def _strip_svg_metadata(root: ET.Element) -> None:
    """Drop <metadata> and anything an editor added in its own namespace (names, paths, GPS...)."""
    for parent in list(root.iter()):
        for child in list(parent):
            if not isinstance(child.tag, str) or _local(child.tag) == "metadata" or \
                    _ns(child.tag) not in ("", SVG_NS):
                parent.remove(child)
        for name in list(parent.attrib):
            if _ns(name) not in ("", SVG_NS, XLINK_NS):
                del parent.attrib[name]


def _svg_size(root: ET.Element) -> tuple[int, int]:
    def number(value):
        m = re.fullmatch(r"\s*([0-9.]+)\s*(px)?\s*", value or "")
        return float(m.group(1)) if m else None

    w, h = number(root.get("width")), number(root.get("height"))
    if w and h:
        return round(w), round(h)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            return round(float(box[2])), round(float(box[3]))
        except ValueError:
            pass
    raise ImageError("the SVG has no size", expected="width and height, or a viewBox",
                     suggestion='add viewBox="0 0 800 600" (its drawing area) to the <svg> element')


# ---------------------------------------------------------------------------
# Processing and the cache


def _settings_key(settings: ImageSettings) -> str:
    return f"v{VERSION}-w{','.join(map(str, settings.widths))}-q{settings.quality}"


def _target_widths(width: int, widths: tuple[int, ...]) -> list[int]:
    out = sorted({w for w in widths if w < width} | {min(width, max(widths))})
    return out


def _has_alpha(im: Image.Image) -> bool:
    return im.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        im.mode == "P" and "transparency" in im.info)


def _to_srgb(im: Image.Image) -> Image.Image:
    """Colours converted to sRGB with the photo's ICC profile (phones often use Display P3)."""
    alpha = _has_alpha(im)
    icc = im.info.get("icc_profile")
    if icc:
        try:
            from PIL import ImageCms

            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            target = ImageCms.createProfile("sRGB")
            base = im.convert("RGBA") if alpha and im.mode != "RGBA" else im
            if base.mode not in ("RGB", "RGBA", "CMYK", "L"):
                base = base.convert("RGB")
            return ImageCms.profileToProfile(base, source, target, outputMode="RGBA" if alpha else "RGB")
        except Exception:  # a broken profile: keep the colours as they are
            pass
    return im.convert("RGBA" if alpha else "RGB")


def _encode(im: Image.Image, fmt: str, quality: int) -> bytes:
    im.info = {}  # never carry metadata (comments, XMP, EXIF, ICC) into the output
    buf = io.BytesIO()
    if fmt == "webp":
        im.save(buf, "WEBP", quality=quality, method=4)
    elif fmt == "jpeg":
        im.save(buf, "JPEG", quality=quality, optimize=True, progressive=True)
    else:
        im.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _variant_file(cache: Path, digest: str, width: int, fmt: str) -> Path:
    return cache / f"{digest}-{width}.{EXTENSIONS[fmt]}"


def _render_raster(im: Image.Image, digest: str, cache: Path, widths: list[int],
                   quality: int) -> list[dict]:
    alpha = _has_alpha(im)
    fallback = "png" if alpha else "jpeg"
    out = []
    for w in widths:
        h = max(1, round(im.height * w / im.width))
        resized = im if w == im.width else im.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)
        flat = resized
        if fallback == "jpeg" and resized.mode != "RGB":
            flat = resized.convert("RGB")
        for fmt, picture in (("webp", resized), (fallback, flat)):
            picture = picture.copy()
            _write(_variant_file(cache, digest, w, fmt), _encode(picture, fmt, quality))
            out.append({"width": w, "height": h, "format": fmt})
    return out


def _process_raster(data: bytes, digest: str, cache: Path, settings: ImageSettings) -> dict:
    """Decode, orient, convert and resize one photo; write its variants; return its manifest."""
    try:
        with Image.open(io.BytesIO(data), formats=RASTER_FORMATS) as im:
            if im.format in ("JPEG", "MPO"):
                side = max(settings.widths)
                im.draft(im.mode, (side, side))  # decode at a reduced scale when that is enough
            im.load()
            oriented = ImageOps.exif_transpose(im)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _bomb(str(exc)) from None
    except (OSError, SyntaxError, ValueError, EOFError, struct.error) as exc:
        raise _damaged(exc) from None
    picture = _to_srgb(oriented)
    widths = _target_widths(picture.width, settings.widths)
    variants = _render_raster(picture, digest, cache, widths, settings.quality)
    return {"width": picture.width, "height": picture.height, "variants": variants}


def _process_svg(data: bytes, digest: str, cache: Path) -> dict:
    cleaned, w, h = clean_svg(data)
    _write(_variant_file(cache, digest, w, "svg"), cleaned)
    return {"width": w, "height": h, "variants": [{"width": w, "height": h, "format": "svg"}]}


def _manifest_path(cache: Path, digest: str) -> Path:
    return cache / f"{digest}.json"


def _cached(cache: Path, digest: str, key: str) -> dict | None:
    try:
        manifest = json.loads(_manifest_path(cache, digest).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("key") != key:
        return None
    for v in manifest.get("variants", []):
        if not _variant_file(cache, digest, v["width"], v["format"]).is_file():
            return None
    return manifest


def _store(cache: Path, digest: str, key: str, manifest: dict) -> dict:
    manifest = {"key": key, **manifest}
    _write(_manifest_path(cache, digest), json.dumps(manifest, indent=1).encode("utf-8"))
    return manifest


def _processed(src: str, stem: str, digest: str, manifest: dict, cache: Path) -> ProcessedImage:
    name = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "image"
    variants = tuple(
        Variant(v["width"], v["height"], v["format"],
                f"{PUBLISH_DIR}/{name}-{digest[:10]}-{v['width']}.{EXTENSIONS[v['format']]}",
                _variant_file(cache, digest, v["width"], v["format"]))
        for v in manifest["variants"])
    return ProcessedImage(src, digest, manifest["width"], manifest["height"], variants)


@dataclass
class _Job:
    digest: str
    kind: str  # "raster", "svg" or "avatar"
    data: Any  # bytes, or the avatar's (initials, colour)

    def key(self, settings: ImageSettings) -> str:
        """What else the result depends on (a cached result made otherwise is not used)."""
        return f"avatar-v{VERSION}" if self.kind == "avatar" else _settings_key(settings)


def _run(job: _Job, cache: Path, settings: ImageSettings) -> dict:
    if job.kind == "svg":
        manifest = _process_svg(job.data, job.digest, cache)
    elif job.kind == "avatar":
        initials, colour = job.data
        picture = draw_avatar(initials, colour, max(AVATAR_SIZES))
        manifest = {"width": picture.width, "height": picture.height,
                    "variants": _render_raster(picture, job.digest, cache, list(AVATAR_SIZES), 85)}
    else:
        manifest = _process_raster(job.data, job.digest, cache, settings)
    with _stats_lock:
        stats["processed"] += 1
    return _store(cache, job.digest, job.key(settings), manifest)


def _run_all(jobs: list[_Job], cache: Path, settings: ImageSettings) -> dict[str, dict | ImageError]:
    """Process every job not in the cache, in parallel; digest -> manifest or ImageError."""
    results: dict[str, dict | ImageError] = {}
    todo = []
    for job in {j.digest: j for j in jobs}.values():
        manifest = _cached(cache, job.digest, job.key(settings))
        if manifest is not None:
            results[job.digest] = manifest
            stats["cached"] += 1
        else:
            todo.append(job)
    if not todo:
        return results
    cache.mkdir(parents=True, exist_ok=True)

    def work(job: _Job):
        try:
            return _run(job, cache, settings)
        except ImageError as exc:
            return exc
        except Exception as exc:  # an unusual file Pillow reads but cannot convert: say so, no traceback
            return ImageError("the image could not be converted for the web",
                              expected="an ordinary JPEG, PNG, WebP or GIF photo",
                              found=f"{type(exc).__name__}: {exc}",
                              suggestion="open it in a photo app and export it again as JPEG")

    if len(todo) == 1:
        results[todo[0].digest] = work(todo[0])
    else:
        with ThreadPoolExecutor(max_workers=min(len(todo), os.cpu_count() or 1)) as pool:
            for job, result in zip(todo, pool.map(work, todo)):
                results[job.digest] = result
    return results


def process_file(path: Path, settings: ImageSettings, cache_dir: Path, src: str = "") -> ProcessedImage:
    """Check and process one file (using the cache); raises ImageError."""
    data, kind = inspect(path, settings)
    digest = hashlib.sha256(data).hexdigest()
    result = _run_all([_Job(digest, kind, data)], cache_dir, settings)[digest]
    if isinstance(result, ImageError):
        raise result
    return _processed(src or path.name, path.stem, digest, result, cache_dir)


# ---------------------------------------------------------------------------
# Initials avatars


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio between two sRGB colours."""
    def lum(rgb):
        def chan(c):
            c = c / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b_ = (chan(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def avatar_colour(key: str) -> str:
    return AVATAR_COLOURS[int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % len(AVATAR_COLOURS)]


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if FONT_FILE.exists():
        return ImageFont.truetype(str(FONT_FILE), size)
    return ImageFont.load_default(size=size)


def draw_avatar(letters: str, colour: str, size: int = 256) -> Image.Image:
    """White initials on a square of ``colour`` (shown as a circle by the theme's CSS)."""
    im = Image.new("RGB", (size, size), _rgb(colour))
    draw = ImageDraw.Draw(im)
    draw.text((size / 2, size / 2), letters, fill=(255, 255, 255),
              font=_font(int(size * (0.42 if len(letters) < 2 else 0.38))), anchor="mm")
    return im


def _avatar_job(person, lang: str) -> tuple[_Job, str]:
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
