"""Checking one image file before it is decoded: where it is, its size, its kind, its pixel count.

``inspect(path, settings)`` applies the size limit, tells the kind (raster or SVG) and refuses
decompression bombs (by Pillow's ``Image.MAX_IMAGE_PIXELS``) without decoding the picture.
"""
from __future__ import annotations

import io
import os
import re
import struct
import warnings
from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError

from generator.content.images.image import RASTER_FORMATS, ImageError
from generator.content.settings import ImageSettings
from generator.core.errors import did_you_mean

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
