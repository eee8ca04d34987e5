"""A processed image and its variants, and the error a photo that cannot be published raises."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

VERSION = "1"  # bump when processing changes, so cached images are made again
PUBLISH_DIR = "images"
RASTER_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")  # JPEG includes MPO (some phone cameras write it)
MEDIA_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png", "svg": "image/svg+xml"}
EXTENSIONS = {"webp": "webp", "jpeg": "jpg", "png": "png", "svg": "svg"}


class ImageError(Exception):
    """A photo that cannot be published, in words staff can act on."""

    def __init__(self, message: str, expected: str = "", found: str = "", suggestion: str = ""):
        super().__init__(message)
        self.message = message
        self.expected = expected
        self.found = found
        self.suggestion = suggestion

    def __reduce__(self):
        # made in a worker process (generator.core.parallel): arrive with every detail
        return type(self), (self.message, self.expected, self.found, self.suggestion)


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
