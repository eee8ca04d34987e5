"""Social-sharing cards: a 1200x630 PNG per news post, grant and school, per language.

Drawn with Pillow in the district's colour with the font shipped in
``themes/portal/fonts/`` (DejaVu Sans Bold: Latin with accents, ñ, ¿ and ¡;
nothing is downloaded). The title is wrapped to the width inside the
margins; a title too long for the box is drawn smaller, and if it still does
not fit at the smallest size, cut at a word with an ellipsis.

Cards are cached in ``.cache/cards/`` in the project, named by a hash of
everything drawn (texts, colour, font file, size, layout version): a card is
drawn again only when one of its inputs changes; cards a successful build no
longer uses are deleted (generator.core.cache). They are published once at
``/cards/<lang>/<collection>/<slug>.png`` (and ``/cards/<lang>/site.png`` for
other pages); pages point to them with absolute ``og:image`` URLs.
"""
from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generator.content.model import Item, Site
from generator.core.cache import note_used
from generator.core.i18n import THEME_DIR, Formatter
from generator.core.parallel import parallel_map
from generator.outputs.file import OutputFile

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
FONT_FILE = THEME_DIR / "fonts" / "DejaVuSans-Bold.ttf"
VERSION = 2  # bump when the layout changes, so cached cards are redrawn

# Layout, top to bottom, inside the margins.
DISTRICT_SIZE = 32
LABEL_SIZE = 30
FOOTER_SIZE = 26
TITLE_TOP = MARGIN + 130
TITLE_BOTTOM = HEIGHT - MARGIN - 64
TITLE_SIZES = (72, 66, 60, 54, 50, 46, 42)
LINE_SPACING = 1.18
ELLIPSIS = "…"

SHARED_COLLECTIONS = ("news", "grants", "schools")


@dataclass(frozen=True)
class CardSpec:
    """Everything drawn on one card (the cache key is made from this)."""

    title: str
    district: str
    label: str  # e.g. "News · November 5, 2026"
    footer: str  # the site's host name
    colour: str
    lang: str

    def key(self) -> str:
        h = hashlib.sha256()
        for part in (str(VERSION), f"{WIDTH}x{HEIGHT}", _font_digest(), self.title, self.district,
                     self.label, self.footer, self.colour, self.lang):
            h.update(part.encode("utf-8") + b"\0")
        return h.hexdigest()[:32]


@lru_cache(maxsize=None)
def _font_digest() -> str:
    return hashlib.sha256(FONT_FILE.read_bytes()).hexdigest()


@lru_cache(maxsize=None)
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), size)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))


def _mix(a: tuple, b: tuple, t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def _width(text: str, f: ImageFont.FreeTypeFont) -> float:
    return f.getlength(text)


def fit_line(text: str, f: ImageFont.FreeTypeFont, width: int) -> str:
    """``text`` on one line, cut with an ellipsis if it is wider than ``width``."""
    if _width(text, f) <= width:
        return text
    while text and _width(text.rstrip() + ELLIPSIS, f) > width:
        text = text[:-1]
    return text.rstrip(" ,.;:-–—") + ELLIPSIS


def wrap(text: str, f: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap; a word wider than the line is broken between characters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if _width(candidate, f) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while _width(word, f) > width:
            cut = len(word)
            while cut > 1 and _width(word[:cut], f) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


@dataclass
class TitleLayout:
    size: int
    lines: list[str]
    line_height: int
    truncated: bool


def layout_title(title: str, width: int = WIDTH - 2 * MARGIN,
                 height: int = TITLE_BOTTOM - TITLE_TOP) -> TitleLayout:
    """The largest size at which the whole title fits; else the smallest size, cut with an ellipsis."""
    for size in TITLE_SIZES:
        f = font(size)
        lh = round(size * LINE_SPACING)
        lines = wrap(title, f, width)
        if len(lines) * lh <= height:
            return TitleLayout(size, lines, lh, False)
    size = TITLE_SIZES[-1]
    f = font(size)
    lh = round(size * LINE_SPACING)
    max_lines = max(1, height // lh)
    lines = wrap(title, f, width)[:max_lines]
    last = lines[-1]
    while last and _width(last + ELLIPSIS, f) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = last.rstrip(" ,.;:-–—") + ELLIPSIS
    return TitleLayout(size, lines, lh, True)


def draw(spec: CardSpec) -> Image.Image:
    bg = _rgb(spec.colour)
    white = (255, 255, 255)
    soft = _mix(bg, white, 0.82)  # readable on the colour, quieter than the title
    img = Image.new("RGB", (WIDTH, HEIGHT), bg)
    d = ImageDraw.Draw(img)
    inner = WIDTH - 2 * MARGIN

    # A band of white at the top left, then the district's name and what the page is.
    d.rectangle((MARGIN, MARGIN, MARGIN + 96, MARGIN + 8), fill=white)
    d.text((MARGIN, MARGIN + 26), fit_line(spec.district, font(DISTRICT_SIZE), inner),
           font=font(DISTRICT_SIZE), fill=white)
    if spec.label:
        d.text((MARGIN, MARGIN + 72), fit_line(spec.label, font(LABEL_SIZE), inner),
               font=font(LABEL_SIZE), fill=soft)

    layout = layout_title(spec.title)
    f = font(layout.size)
    y = TITLE_TOP
    for line in layout.lines:
        d.text((MARGIN, y), line, font=f, fill=white)
        y += layout.line_height

    ff = font(FOOTER_SIZE)
    ascent, descent = ff.getmetrics()  # so that descenders (y, g) stay above the bottom margin
    d.text((MARGIN, HEIGHT - MARGIN - ascent - descent), fit_line(spec.footer, ff, inner), font=ff,
           fill=soft)
    return img


def render(spec: CardSpec, cache_dir: Path | None) -> bytes:
    """The card as PNG bytes, from the cache when its inputs have not changed."""
    cached = cache_dir / f"{spec.key()}.png" if cache_dir else None
    if cached and cached.exists():
        return cached.read_bytes()
    buf = io.BytesIO()
    draw(spec).save(buf, "PNG", optimize=False, compress_level=6)
    data = buf.getvalue()
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        tmp.replace(cached)
    return data


# -- what each page's card shows -------------------------------------------------


def card_path(lang: str, item: Item | None) -> str:
    """Where a page's card is published (below the site root)."""
    if item is not None and item.collection in SHARED_COLLECTIONS:
        return f"cards/{lang}/{item.collection}/{item.slug}.png"
    return f"cards/{lang}/site.png"


def _host(site: Site) -> str:
    url = site.settings.site_url
    return url.split("://", 1)[-1].rstrip("/")


def _site_title(site: Site, lang: str) -> str | None:
    """The home file's heading in this language, for the site's own sharing card."""
    heading = site.home.get(lang, "heading") if site.home else None
    return str(heading) if heading is not None and heading.lang == lang else None


def card_spec(site: Site, lang: str, item: Item | None, t) -> CardSpec:
    s = site.settings
    fmt = Formatter(lang, None, t, **site.settings.formatting(lang))
    district = s.localized(s.district_name, lang)
    if item is None:
        title, label = _site_title(site, lang) or district, t("cards.site")
    else:
        title = str(item.title(lang))
        if item.collection == "news":
            label = t("cards.news", date=fmt.date(item.date, "long"))
        elif item.collection == "grants" and item.is_awarded:
            label = t("cards.grant", amount=fmt.money(item.get(lang, "amount"),
                                                      item.get(lang, "currency") or "USD"))
        elif item.collection == "grants":  # not awarded: no amount that reads as money received
            label = t("cards.grant_status", status=t(f"grant_status.{item.status}"))
        else:
            label = t("cards.school")
    return CardSpec(title=title, district=district, label=label, footer=_host(site),
                    colour=s.colour, lang=lang)


def card_files(site: Site, messages_for) -> list[OutputFile]:
    cache = site.settings.root / ".cache" / "cards"
    jobs: list[tuple[str, CardSpec]] = []
    for lang in site.languages:
        t = messages_for(lang)
        jobs.append((card_path(lang, None), card_spec(site, lang, None, t)))
        for collection in SHARED_COLLECTIONS:
            for item in site.items[collection].values():
                jobs.append((card_path(lang, item), card_spec(site, lang, item, t)))
    new = list({spec.key(): spec for _, spec in jobs if not (cache / f"{spec.key()}.png").exists()}.values())
    parallel_map(partial(render, cache_dir=cache), new, report="cards")  # drawn on every core into the cache
    images = [render(spec, cache) for _, spec in jobs]
    note_used(site, "cards", (f"{spec.key()}.png" for _, spec in jobs))  # the rest is pruned after the build
    return [OutputFile(rel, data, None, f"card {rel}") for (rel, _), data in zip(jobs, images)]
