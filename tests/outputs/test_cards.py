"""Social sharing: Open Graph and Twitter meta on every page, and the 1200x630 card images."""
from __future__ import annotations

import re
from html import unescape

import frontmatter
import pytest
from PIL import Image, ImageChops, ImageDraw

from generator.outputs import cards
from support import REPO

SITE_URL = "https://communityschools.valleverde.example.org/"
CONTENT = REPO / "content"
SHARED = ("news", "grants", "schools")
TITLE_FIELD = {"news": "title", "grants": "name", "schools": "name"}


def spec(title: str, lang: str = "en", **kw) -> cards.CardSpec:
    base = dict(title=title, district="Valle Verde Unified School District", label="News · May 22, 2024",
                footer="communityschools.valleverde.example.org", colour="#0b5d5b", lang=lang)
    base.update(kw)
    return cards.CardSpec(**base)


def ink_box(img: Image.Image, colour: str) -> tuple[int, int, int, int] | None:
    """The box around everything drawn on the card (pixels differing from the background)."""
    background = Image.new("RGB", img.size, tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)))
    return ImageChops.difference(img.convert("RGB"), background).getbbox()


def title_box(title: str, lang: str = "en") -> tuple[int, int, int, int]:
    """The box the title's pixels cover: the card drawn with and without a title, compared."""
    with_title = cards.draw(spec(title, lang))
    without = cards.draw(spec("", lang))
    return ImageChops.difference(with_title, without).getbbox()


def example_titles() -> list[tuple[str, str]]:
    """(language, title) of every news post, grant and school in the example content."""
    out = []
    for lang in ("en", "es"):
        for collection in SHARED:
            for f in sorted((CONTENT / lang / collection).glob("*.md")):
                title = frontmatter.load(f).metadata.get(TITLE_FIELD[collection])
                if title:
                    out.append((lang, str(title)))
    return out


def test_longest_example_title_stays_inside_the_margins():
    lang, longest = max(example_titles(), key=lambda lt: cards.font(cards.TITLE_SIZES[0]).getlength(lt[1]))
    assert len(longest) > 60
    left, top, right, bottom = title_box(longest, lang)
    m = cards.MARGIN
    assert left >= m and right <= cards.WIDTH - m, (left, right)
    assert top >= cards.TITLE_TOP - 5 and bottom <= cards.TITLE_BOTTOM, (top, bottom)
    # the whole card (district name, label, footer) stays inside the margins too
    box = ink_box(cards.draw(spec(longest, lang)), "#0b5d5b")
    assert box[0] >= m and box[1] >= m and box[2] <= cards.WIDTH - m and box[3] <= cards.HEIGHT - m, box
    layout = cards.layout_title(longest)
    assert not layout.truncated and " ".join(layout.lines) == " ".join(longest.split())


def test_too_long_title_is_shrunk_then_cut_with_an_ellipsis():
    medium = "Valle Verde wins a grant " * 4
    assert cards.layout_title(medium).size < cards.TITLE_SIZES[0]
    huge = "Community schools " * 30 + "Supercalifragilisticexpialidocious" * 4
    layout = cards.layout_title(huge)
    assert layout.truncated and layout.size == cards.TITLE_SIZES[-1]
    assert layout.lines[-1].endswith(cards.ELLIPSIS)
    left, top, right, bottom = title_box(huge)
    assert left >= cards.MARGIN and right <= cards.WIDTH - cards.MARGIN
    assert bottom <= cards.TITLE_BOTTOM
    box = ink_box(cards.draw(spec(huge, district="Distrito " * 20)), "#0b5d5b")
    assert box[2] <= cards.WIDTH - cards.MARGIN and box[3] <= cards.HEIGHT - cards.MARGIN


def glyph(ch: str, size: int = 64) -> bytes:
    f = cards.font(size)
    img = Image.new("L", (size * 2, size * 2), 0)
    ImageDraw.Draw(img).text((size // 2, size // 4), ch, font=f, fill=255)
    return img.tobytes()


def test_shipped_font_draws_spanish_characters_not_boxes():
    assert cards.FONT_FILE.is_relative_to(REPO / "themes" / "portal" / "fonts")
    assert (cards.FONT_FILE.parent / "LICENSE").read_text().count("Bitstream") >= 2
    assert cards.FONT_FILE.stat().st_size < 1_000_000
    missing = glyph("\U000F0000")  # a private-use character no font has: the missing-glyph box
    assert glyph("\U000F0001") == missing
    spanish = "".join(t for lang, t in example_titles() if lang == "es")
    specials = set("ñÑáéíóúÁÉÍÓÚüÜ¿¡") & set(spanish)
    assert {"ñ", "¡", "ó"} <= specials, "the example has a Spanish title with ñ, accents and ¡"
    for ch in sorted(set(spanish) - {" "}) + list("ñÑáéíóúüÜ¿¡«»"):
        assert glyph(ch) != missing, f"{ch!r} would be drawn as a box"
    # and the accented letter is not just the plain letter
    assert glyph("ñ") != glyph("n") and glyph("ó") != glyph("o")


def test_spanish_card_in_the_site_is_drawn_with_the_shipped_font(example_site):
    from generator.content.pipeline import build_site
    from generator.core.i18n import Messages
    from support import EXAMPLE_NOW

    site, _ = build_site(REPO, now=EXAMPLE_NOW, drafts=True)
    post = site.items["news"]["summer-learning-grant-awarded"]
    card_spec = cards.card_spec(site, "es", post, Messages("es", "en"))
    assert "ñ" in card_spec.title and "¡" in card_spec.title and card_spec.label.startswith("Noticias")
    drawn = cards.draw(card_spec)
    # the same title with its special letters replaced by a missing glyph looks different
    boxed = cards.draw(cards.CardSpec(**{**card_spec.__dict__,
                                         "title": card_spec.title.replace("ñ", "\U000F0000").replace("¡", "\U000F0000")}))
    assert ImageChops.difference(drawn, boxed).getbbox() is not None
    # a published Spanish card is exactly what the shipped font draws
    published = site.items["news"]["friday-programmes-and-bronco-market"]
    spec_es = cards.card_spec(site, "es", published, Messages("es", "en"))
    on_site = Image.open(example_site / "cards" / "es" / "news" / "friday-programmes-and-bronco-market.png")
    assert ImageChops.difference(on_site.convert("RGB"), cards.draw(spec_es)).getbbox() is None


def test_every_card_is_1200_by_630_and_every_shared_page_has_one(example_site):
    pngs = sorted((example_site / "cards").rglob("*.png"))
    for png in pngs:
        with Image.open(png) as im:
            assert im.size == (1200, 630), png
            assert im.format == "PNG"
    from generator.content.pipeline import build_site
    from support import EXAMPLE_NOW

    site, _ = build_site(REPO, now=EXAMPLE_NOW)
    expected = {f"cards/{lang}/site.png" for lang in site.languages}
    for lang in site.languages:
        for collection in SHARED:
            expected |= {f"cards/{lang}/{collection}/{slug}.png" for slug in site.items[collection]}
    assert {p.relative_to(example_site).as_posix() for p in pngs} == expected


def meta(html: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html):
        out.setdefault(key, []).append(value)
    return out


@pytest.mark.parametrize("lang, locale, alternate", [("en", "en_US", "es_US"), ("es", "es_US", "en_US")])
def test_news_grants_and_schools_have_open_graph_and_twitter_meta(example_site, lang, locale, alternate):
    from generator.content.pipeline import build_site
    from support import EXAMPLE_NOW

    site, _ = build_site(REPO, now=EXAMPLE_NOW)
    prefix = "" if lang == "en" else f"{lang}/"
    for collection in SHARED:
        for item in site.items[collection].values():
            html = (example_site / prefix / item.path / "index.html").read_text(encoding="utf-8")
            m = meta(html)
            title = str(item.title(lang))
            assert unescape(m["og:title"][0]) == title and unescape(m["twitter:title"][0]) == title
            assert m["og:description"][0].strip() and m["twitter:description"] == m["og:description"]
            image = m["og:image"][0]
            assert image == f"{SITE_URL}cards/{lang}/{collection}/{item.slug}.png"
            assert (example_site / image[len(SITE_URL):]).exists()
            assert m["og:image:width"] == ["1200"] and m["og:image:height"] == ["630"]
            assert title in unescape(m["og:image:alt"][0])
            assert m["og:url"] == [SITE_URL + prefix + item.path]
            assert m["og:locale"] == [locale] and m["og:locale:alternate"] == [alternate]
            assert m["og:type"] == ["article" if collection == "news" else "website"]
            assert m["twitter:card"] == ["summary_large_image"] and m["twitter:image"] == [image]
    home = meta((example_site / prefix / "index.html").read_text(encoding="utf-8"))
    assert home["og:image"] == [f"{SITE_URL}cards/{lang}/site.png"]


def test_cards_are_drawn_again_only_when_their_inputs_change(tmp_path, monkeypatch):
    drawn = []
    real_draw = cards.draw
    monkeypatch.setattr(cards, "draw", lambda s: drawn.append(s.title) or real_draw(s))
    first = cards.render(spec("A title"), tmp_path)
    again = cards.render(spec("A title"), tmp_path)
    assert drawn == ["A title"] and first == again
    cards.render(spec("A new title"), tmp_path)
    cards.render(spec("A title", colour="#1d4f91"), tmp_path)
    cards.render(spec("A title", lang="es"), tmp_path)
    assert len(drawn) == 4
    assert len(list(tmp_path.glob("*.png"))) == 4


def test_a_build_reuses_cached_cards(tmp_path, monkeypatch):
    import shutil

    from generator.content.pipeline import build_site
    from generator.core.i18n import Messages
    from support import EXAMPLE_NOW

    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(REPO / "portal.yml", root / "portal.yml")
    shutil.copytree(REPO / "content", root / "content")
    site, _ = build_site(root, now=EXAMPLE_NOW)
    messages = {lang: Messages(lang, "en") for lang in site.languages}.__getitem__
    monkeypatch.setenv("PORTAL_JOBS", "1")  # cards drawn in this process, where they are counted
    drawn = []
    real_draw = cards.draw
    monkeypatch.setattr(cards, "draw", lambda s: drawn.append(s) or real_draw(s))
    files = cards.card_files(site, messages)
    assert len(drawn) == len(files) > 20
    assert len(list((root / ".cache" / "cards").glob("*.png"))) == len(files)
    drawn.clear()
    again = cards.card_files(site, messages)
    assert drawn == [] and [f.data for f in again] == [f.data for f in files]
    # a changed title redraws that card only (in each language that shows the new title)
    post = root / "content" / "en" / "news" / "a-friday-that-feels-like-ours.md"
    post.write_text(post.read_text().replace("title: A Friday that feels like ours", "title: A Friday of our own"))
    site, _ = build_site(root, now=EXAMPLE_NOW)
    cards.card_files(site, messages)
    assert sorted(s.lang for s in drawn) == ["en", "es"] and {s.title for s in drawn} == {"A Friday of our own"}
