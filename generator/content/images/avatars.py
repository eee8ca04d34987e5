"""Initials avatars for people without a photo: white letters on a dark colour (contrast 4.5:1 or more)."""
from __future__ import annotations

import hashlib
import re

from PIL import Image, ImageDraw, ImageFont

from generator.core.i18n import THEME_DIR

AVATAR_SIZES = (128, 256)
FONT_FILE = THEME_DIR / "fonts" / "DejaVuSans-Bold.ttf"
# Avatar backgrounds: each has a contrast of at least 4.5:1 with white text (a test checks).
AVATAR_COLOURS = ("#0b5d5b", "#1d4f91", "#6b3fa0", "#8a1f3d", "#7a4a00", "#2f5d1e",
                  "#005f73", "#5b3a29")
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
