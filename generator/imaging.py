"""Imaging: checking, cleaning and resizing one image file with Pillow, with a cache.

The site-level part (which images content names, alt text, publishing) is
generator.images; this module knows about files only:

* ``inspect(path, settings)``: size limit, kind, pixel count (decompression
  bombs, by Pillow's ``Image.MAX_IMAGE_PIXELS``), without decoding;
* ``clean_svg(data)``: an SVG without scripts, handlers or outside references,
  stripped of metadata;
* ``process_file(path, settings, cache_dir)``: decode, orient, convert to sRGB,
  resize to ``settings.widths``, encode WebP and JPEG (PNG with transparency),
  never writing metadata; results cached as ``<sha256>-<width>.<ext>`` and
  ``<sha256>.json`` in ``cache_dir``;
* ``draw_avatar(letters, colour)``: an initials avatar;
* ``stats``: images processed and found in the cache, in this process.

Every failure is an :class:`ImageError` in words staff can act on.
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
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from .errors import did_you_mean
from .i18n import THEME_DIR
from .settings import ImageSettings

VERSION = "1"  # bump when processing changes, so cached images are made again
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
# Checking one file


def resolve(content_dir: Path, src: str) -> Path:
    """The file a content path names; ImageError if it is not a file inside content/."""
    text = src.strip()
    if (text.startswith(("/", "\\")) and not text.startswith("//")) or re.match(r"[A-Za-z]:[\\/]", text):
        raise ImageError("the path must be written from the content/ folder, not from the disk's root",
                         expected="a path inside content/, like images/lincoln.jpg", found=f'"{text}"',
                         suggestion=f'write "images/{PurePosixPath(text.replace(chr(92), "/")).name}"')
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", text)
    if scheme or text.startswith("//"):
        web = text.startswith("//") or scheme.group(1).lower() in ("http", "https")
        raise ImageError("a photo must be a file in the content/ folder, not a web address: a picture "
                         "loaded from another site would tell that site about every visitor who opens "
                         "the page" if web else
                         f"a photo must be a file in the content/ folder, not a '{scheme.group(1)}:' address",
                         expected="a path inside content/, like images/lincoln.jpg", found=f'"{text}"',
                         suggestion="save the photo (with permission to use it) in content/images/ "
                                    "and write its path, like images/photo.jpg")
    root = content_dir.resolve()
    path = (content_dir / text).resolve()
    if not path.is_relative_to(root):
        link = _link_leaving(content_dir, text)
        if link is not None:
            shown = "content/" + link.relative_to(content_dir).as_posix()
            raise ImageError(f"{shown} is a link to {path}, which is outside the content/ folder",
                             expected="a photo file inside content/, not a link to one elsewhere",
                             found=f'{shown} -> {path}',
                             suggestion=f"copy the photo itself into content/images/ in place of the link "
                                        f"{shown}")
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


def _link_leaving(content_dir: Path, text: str) -> Path | None:
    """The symbolic link inside content/ through which ``text`` leaves it (None if the path itself does)."""
    base = Path(os.path.abspath(content_dir))
    written = Path(os.path.normpath(base / text))
    if not written.is_relative_to(base):
        return None
    current = base
    for part in written.relative_to(base).parts:
        current = current / part
        if current.is_symlink() and not current.resolve().is_relative_to(content_dir.resolve()):
            return current
    return None


def _size_text(n: int) -> str:
    if n < 1000:
        return "1 byte" if n == 1 else f"{n} bytes"
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} KB"


ACCEPTED = "JPEG, PNG, WebP or GIF photos, and safe SVG drawings"


def other_format(data: bytes) -> str | None:
    """The name of a well-known image format the site does not accept (TIFF, BMP, HEIC...), if ``data`` is one."""
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if data[:2] == b"BM" and len(data) > 18 and int.from_bytes(data[14:18], "little") in (12, 40, 52, 56, 64, 108, 124):
        return "BMP"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
            return "HEIC"
        if brand in (b"avif", b"avis"):
            return "AVIF"
    if data[:4] == b"8BPS":
        return "Photoshop (PSD)"
    if data[:5] == b"%PDF-":
        return "PDF"
    return None


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
            kind = other_format(data)
            if kind:
                raise ImageError(f"{kind} images are not accepted: the site takes {ACCEPTED}",
                                 expected="a JPEG, PNG, WebP or GIF photo, or a safe SVG drawing",
                                 found=f"a {kind} file of {_size_text(size)}",
                                 suggestion="open it in a photo app and export it as JPEG (photos) "
                                            "or PNG (drawings, screenshots)") from None
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
