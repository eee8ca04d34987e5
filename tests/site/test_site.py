"""The built example site, read as files: complete, valid, self-contained."""
from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest

from support import EXAMPLE_NOW, REPO

CONTENT = REPO / "content"
LANGS = ["en", "es"]


def unpublished_news() -> set[str]:
    """News files that are drafts or dated after the example's "now" (they get no page)."""
    out = set()
    for f in (CONTENT / "en" / "news").glob("*.md"):
        text = f.read_text(encoding="utf-8").split("---", 2)[1]
        date = re.search(r"^date:\s*(\S+)", text, re.M)
        if re.search(r"^draft:\s*true", text, re.M) or (date and date.group(1) > EXAMPLE_NOW[:10]):
            out.add(f.stem)
    return out


def item_paths() -> set[str]:
    """URL paths of every published content item, from the files in content/<lang>/."""
    paths = set()
    skip = unpublished_news()
    for lang in LANGS:
        for f in (CONTENT / lang).glob("*/**/*.md"):
            collection = f.relative_to(CONTENT / lang).parts[0]
            if collection == "news" and f.stem in skip:
                continue
            paths.add(f"{f.stem}/" if collection == "pages" else f"{collection}/{f.stem}/")
    return paths


def page(site: Path, lang: str, path: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_item_has_a_page_at_the_same_path_in_every_language(example_site):
    paths = item_paths()
    assert len(paths) >= 35
    for path in paths:
        for lang in LANGS:
            prefix = "" if lang == "en" else f"{lang}/"
            assert (example_site / prefix / path / "index.html").exists(), f"/{prefix}{path} is missing"


def test_each_listing_exists_in_every_language(example_site):
    for lang in LANGS:
        for path in ("", "schools/", "people/", "meetings/", "grants/", "news/", "pages/"):
            assert page(example_site, lang, path)


def test_html_lang_matches_the_language_folder(example_site):
    for f in all_pages(example_site):
        rel = f.relative_to(example_site).as_posix()
        expected = "es" if rel.startswith("es/") else "en"
        assert f'<html lang="{expected}"' in f.read_text(encoding="utf-8"), rel


def test_each_language_has_its_own_not_found_page(example_site):
    en = (example_site / "404.html").read_text(encoding="utf-8")
    es = (example_site / "es/404.html").read_text(encoding="utf-8")
    assert "Page not found" in en and "Página no encontrada" in es
    assert 'href="/es/"' in es  # absolute links: the page is served at any missing address


def test_pages_are_valid_html(example_site):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    for f in all_pages(example_site):
        try:
            parser.parse(f.read_text(encoding="utf-8"))
        except html5lib.html5parser.ParseError as exc:  # pragma: no cover - shown on failure
            pytest.fail(f"{f.relative_to(example_site)}: {exc}")
        ids = re.findall(r'\sid="([^"]+)"', f.read_text(encoding="utf-8"))
        dupes = {i for i in ids if ids.count(i) > 1}
        assert not dupes, f"{f.relative_to(example_site)}: duplicate ids {dupes}"


def test_no_inline_script_style_or_handlers(example_site):
    """The site ships a strict Content-Security-Policy: nothing inline."""
    for f in all_pages(example_site):
        html = f.read_text(encoding="utf-8")
        rel = f.relative_to(example_site)
        # JSON-LD data blocks are not scripts (never executed, allowed by the CSP); nothing else inline.
        assert not re.search(r'<script(?![^>]*\s(?:src=|type="application/ld\+json"))[^>]*>', html), \
            f"inline script in {rel}"
        assert not re.search(r"<style[\s>]", html), f"style element in {rel}"
        assert not re.search(r"\sstyle=", html), f"style attribute in {rel}"
        assert not re.search(r"\son[a-z]+=", html), f"event handler in {rel}"


def test_nothing_is_loaded_from_another_host(example_site):
    for f in all_pages(example_site):
        html = f.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|img|link|iframe|source|video|audio)\b[^>]*>", html):
            if re.search(r'rel="(?:alternate|canonical)"', tag):
                continue  # links to our own pages, not loaded
            for url in re.findall(r'(?:src|href|srcset)="([^"]+)"', tag):
                assert not re.match(r"(?:https?:)?//", url), f"{f.relative_to(example_site)} loads {url}"


def test_untranslated_item_is_published_in_spanish_and_marked(example_site):
    english_only = [p for p in item_paths()
                    if not (CONTENT / "es" / (p.split("/")[0] if p.count("/") > 1 else "pages")).joinpath(
                        p.rstrip("/").split("/")[-1] + ".md").exists()]
    assert english_only, "the example keeps at least one item without a Spanish file"
    for path in english_only:
        html = page(example_site, "es", path)
        assert "todavía no está traducida al español" in html
        assert 'lang="en"' in html
        body = (CONTENT / "en").glob(f"*/**/{path.rstrip('/').split('/')[-1]}.md")
        if next(body).read_text(encoding="utf-8").split("---", 2)[2].strip():
            assert '<div class="prose" lang="en">' in html


def test_spanish_pages_use_spanish_interface_and_dates(example_site):
    html = page(example_site, "es", "meetings/")
    assert "Próximas reuniones" in html
    assert re.search(r"(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d+ de", html)
    assert re.search(r"\d:\d\d\s?[ap]\.\s?m\.", html), "12-hour times with a. m./p. m."


def test_language_switcher_points_to_the_same_page(example_site):
    for path in ("schools/lincoln-elementary/", "meetings/"):
        html = page(example_site, "es", path)
        depth = path.count("/") + 1
        assert f'href="{"../" * depth}{path}" hreflang="en"' in html
        en = page(example_site, "en", path)
        assert f'href="{"../" * (depth - 1)}es/{path}" hreflang="es"' in en


def test_cards_say_when_their_words_are_in_another_language(example_site):
    """A Spanish reader sees at a glance that a listed post is still in English."""
    html = page(example_site, "es", "news/")
    card = re.search(r'<article class="card news-card">(?:(?!</article>).)*A Friday that feels like ours'
                     r'(?:(?!</article>).)*</article>', html, re.S)
    assert card, "the English-only post is listed in Spanish"
    assert '<span lang="en">A Friday that feels like ours</span>' in card.group(0)
    assert 'badge--lang">en inglés</span>' in card.group(0)
    assert "badge--lang" not in page(example_site, "en", "news/")


def test_every_page_declares_a_text_direction(example_site):
    for f in all_pages(example_site):
        head = f.read_text(encoding="utf-8")[:300]
        assert re.search(r'<html lang="[a-z-]+" dir="(ltr|rtl)">', head), f.relative_to(example_site)
        assert "<meta charset=\"utf-8\">" in head, f"{f.relative_to(example_site)}: charset in the first bytes"


def test_only_meetings_that_have_not_ended_have_a_print_flyer(example_site):
    """A flyer is printed to post before a meeting: one that has ended has no flyer page, no link
    to one and no place in the sitemap, while one still to come keeps all three."""
    past, upcoming = "meetings/2026-11-19-district-advisory-council/", "meetings/2026-12-08-lincoln-sac/"
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGS:
        prefix = "" if lang == "en" else f"{lang}/"
        assert not (example_site / prefix / past / "flyer").exists()
        assert "flyer/" not in page(example_site, lang, past)
        assert f"/{prefix}{past}flyer/<" not in sitemap
        assert (example_site / prefix / upcoming / "flyer" / "index.html").is_file()
        assert '<a href="flyer/">' in page(example_site, lang, upcoming)
        assert f"/{prefix}{upcoming}flyer/<" in sitemap
