"""Processing one image with Pillow, with a cache, and many on every core.

``process_file(path, settings, cache_dir)``: decode, orient, convert to sRGB, resize to
``settings.widths``, encode WebP and JPEG (PNG with transparency), never writing metadata;
results are cached as ``<sha256>-<width>.<ext>`` and ``<sha256>.json`` in ``cache_dir``.
``stats`` counts the images processed and found in the cache, in this process.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import struct
import threading
from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from generator.content.images.avatars import AVATAR_SIZES, draw_avatar
from generator.content.images.image import (
    EXTENSIONS,
    PUBLISH_DIR,
    RASTER_FORMATS,
    VERSION,
    ImageError,
    ProcessedImage,
    Variant,
)
from generator.content.images.inspect import _bomb, _damaged, inspect
from generator.content.images.svg import RULES as SVG_RULES, clean_svg
from generator.content.settings import ImageSettings
from generator.core.parallel import parallel_map

stats: Counter = Counter()  # "processed" and "cached": images made vs found in the cache
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
        """What else the result depends on (a cached result made otherwise is not used).

        A drawing's key names the SVG rules it was checked by, so a drawing cached
        under older rules is checked again rather than published from the cache."""
        if self.kind == "svg":
            return f"svg-v{VERSION}-rules{SVG_RULES}"
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
    return _store(cache, job.digest, job.key(settings), manifest)


def _work(job: _Job, cache: Path, settings: ImageSettings) -> dict | ImageError:
    """One job's manifest, or the problem with its image (run in a worker process)."""
    try:
        return _run(job, cache, settings)
    except ImageError as exc:
        return exc
    except Exception as exc:  # an unusual file Pillow reads but cannot convert: say so, no traceback
        return ImageError("the image could not be converted for the web",
                          expected="an ordinary JPEG, PNG, WebP or GIF photo",
                          found=f"{type(exc).__name__}: {exc}",
                          suggestion="open it in a photo app and export it again as JPEG")


def _run_all(jobs: list[_Job], cache: Path, settings: ImageSettings) -> dict[str, dict | ImageError]:
    """Process every job not in the cache, on every core; digest -> manifest or ImageError."""
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
    for job, result in zip(todo, parallel_map(partial(_work, cache=cache, settings=settings), todo,
                                              report="images")):
        results[job.digest] = result
        if not isinstance(result, ImageError):
            stats["processed"] += 1
    return results


def process_file(path: Path, settings: ImageSettings, cache_dir: Path, src: str = "") -> ProcessedImage:
    """Check and process one file (using the cache); raises ImageError."""
    data, kind = inspect(path, settings)
    digest = hashlib.sha256(data).hexdigest()
    result = _run_all([_Job(digest, kind, data)], cache_dir, settings)[digest]
    if isinstance(result, ImageError):
        raise result
    return _processed(src or path.name, path.stem, digest, result, cache_dir)
