"""News feeds (Atom and RSS, per language and per school) as a feed reader sees them."""
from __future__ import annotations

import re
import time
from pathlib import Path

import feedparser
import pytest

from support import REPO

SITE_URL = "https://communityschools.valleverde.example.org/"
LANGS = ["en", "es"]


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def published_news(model) -> list:
    return model.news  # drafts and posts dated after "now" are not in the model


def local_file(site: Path, url: str) -> Path:
    """The built file an absolute URL of the site points to."""
    assert url.startswith(SITE_URL), url
    rel = url[len(SITE_URL):].split("#")[0]
    path = site / rel
    return path / "index.html" if rel.endswith("/") or rel == "" else path


@pytest.fixture(scope="module")
def model():
    from generator.content.pipeline import build_site
    from support import EXAMPLE_NOW

    site, _ = build_site(REPO, now=EXAMPLE_NOW)
    return site


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_news_feed_parses_newest_first_with_absolute_links(example_site, model, lang, fmt):
    path = example_site / prefix(lang) / "feeds" / f"news.{fmt}"
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("atom10" if fmt == "atom" else "rss20")
    assert feed.feed.get("language", lang).startswith(lang)
    assert feed.feed.link == SITE_URL + prefix(lang) + "news/"
    posts = published_news(model)
    assert len(feed.entries) == len(posts) >= 4
    # newest first, and in the same order as the site's listing
    dates = [time.mktime(e.published_parsed) for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert [e.link for e in feed.entries] == [SITE_URL + prefix(lang) + p.path for p in posts]
    for entry, post in zip(feed.entries, posts):
        assert entry.title == str(post.title(lang))
        assert entry.link.startswith(SITE_URL)
        assert local_file(example_site, entry.link).exists(), entry.link
        assert entry.id == entry.link
        html = entry.content[0].value if entry.get("content") else entry.summary
        for url in re.findall(r'(?:href|src)="([^"]+)"', html):
            assert re.match(r"(https?|mailto|tel):", url), f"relative link {url!r} in {entry.link}"
            if url.startswith(SITE_URL):
                assert local_file(example_site, url).exists(), f"{url} (in {entry.link}) is not on the site"


def test_spanish_feed_has_spanish_titles(example_site, model):
    feed = feedparser.parse((example_site / "es" / "feeds" / "news.atom").read_bytes())
    assert feed.feed.title.startswith("Distrito Escolar Unificado de Valle Verde")
    translated = [p for p in model.news if p.has_file("es")]
    assert translated
    titles = {e.link: e.title for e in feed.entries}
    for post in translated:
        assert titles[SITE_URL + "es/" + post.path] == str(post.title("es"))


def test_untranslated_posts_are_marked_in_the_spanish_feed(example_site, model):
    english_only = [p for p in model.news if not p.has_file("es")]
    assert english_only, "the example keeps one post without Spanish"
    feed = feedparser.parse((example_site / "es" / "feeds" / "news.atom").read_bytes())
    entries = {e.link: e for e in feed.entries}
    for post in english_only:
        entry = entries[SITE_URL + "es/" + post.path]
        assert entry.title_detail.language == "en"
        content = entry.content[0].value
        assert "todavía no está traducida al español" in content
        assert '<div lang="en">' in content
        # the notice is in the feed's language, not the entry's
        notice = re.search(r'<p lang="es">(.*?)</p>', content, re.S)
        assert notice and "todavía no está traducida al español" in notice.group(1), content[:300]
        assert content.index('<p lang="es">') < content.index('<div lang="en">')
    for post in model.news:
        if post.has_file("es"):
            assert entries[SITE_URL + "es/" + post.path].title_detail.language == "es"


@pytest.mark.parametrize("lang", LANGS)
def test_each_school_has_feeds_with_only_its_news(example_site, model, lang):
    for school in model.schools:
        for fmt in ("atom", "rss"):
            feed = feedparser.parse((example_site / prefix(lang) / "feeds" / "schools" /
                                     f"{school.slug}.{fmt}").read_bytes())
            assert not feed.bozo, (school.slug, feed.bozo_exception)
            expected = [SITE_URL + prefix(lang) + n.path for n in model.news if school in n.schools]
            assert [e.link for e in feed.entries] == expected, school.slug
    assert any(n.schools for n in model.news)


def autodiscovery(html: str) -> dict[str, str]:
    links = {}
    for tag in re.findall(r"<link\b[^>]*>", html):
        if 'rel="alternate"' in tag and "type=" in tag:
            mime = re.search(r'type="([^"]+)"', tag).group(1)
            href = re.search(r'href="([^"]+)"', tag).group(1)
            assert re.search(r'title="[^"]+"', tag), tag
            links.setdefault(mime, []).append(href)
    return links


@pytest.mark.parametrize("lang", LANGS)
def test_news_pages_and_home_advertise_the_feeds(example_site, lang):
    for path in ("news/", "news/page/2/", "", "news/a-friday-that-feels-like-ours/"):
        html = (example_site / prefix(lang) / path / "index.html").read_text(encoding="utf-8")
        links = autodiscovery(html)
        assert links.get("application/atom+xml") == [SITE_URL + prefix(lang) + "feeds/news.atom"], path
        assert links.get("application/rss+xml") == [SITE_URL + prefix(lang) + "feeds/news.rss"], path
        for hrefs in links.values():
            for href in hrefs:
                assert local_file(example_site, href).exists()


def test_school_page_advertises_its_own_feed(example_site):
    html = (example_site / "es" / "schools" / "lincoln-elementary" / "index.html").read_text(encoding="utf-8")
    atom = autodiscovery(html)["application/atom+xml"]
    assert SITE_URL + "es/feeds/schools/lincoln-elementary.atom" in atom
    assert SITE_URL + "es/feeds/news.atom" in atom


INLINE_POST = "district-awarded-community-schools-grant"  # has an inline photo in its body, in both languages


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_inline_images_in_feeds_are_the_processed_photos(example_site, lang, fmt):
    from PIL import Image

    body = (REPO / "content" / lang / "news" / f"{INLINE_POST}.md").read_text(encoding="utf-8")
    assert "](images/" in body, "the example post keeps an inline photo"
    feed = feedparser.parse((example_site / prefix(lang) / "feeds" / f"news.{fmt}").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith(f"/news/{INLINE_POST}/"))
    html = entry.content[0].value if entry.get("content") else entry.description
    imgs = re.findall(r"<img\b[^>]*>", html)
    assert len(imgs) == 1, html
    img = imgs[0]
    assert "news/images/" not in img and 'src="images/' not in img
    src = re.search(r'src="([^"]+)"', img).group(1)
    assert re.fullmatch(re.escape(SITE_URL) + r"images/lincoln-elementary-[0-9a-f]{10}-\d+\.(jpg|webp)", src), src
    width, height = (int(re.search(rf'\s{a}="(\d+)"', img).group(1)) for a in ("width", "height"))
    with Image.open(local_file(example_site, src)) as im:
        assert im.size == (width, height)
        assert len(im.getexif()) == 0
    alt = re.search(r'alt="([^"]+)"', img).group(1)
    assert ("Lincoln" in alt) and (("ladrillo" in alt) if lang == "es" else ("brick" in alt))


def test_rss_descriptions_are_text_not_html(project):
    """A feed reader that shows RSS descriptions as HTML must still see only words."""
    import html

    import html5lib
    from lxml import etree

    from generator.content.pipeline import build_site
    from generator.core.i18n import Messages
    from generator.outputs.feeds import feed_files
    from support import EXAMPLE_NOW

    summary = '<script>alert("summary")</script> Fall <b onmouseover="x()">fair</b> & more'
    settings = (project.root / "portal.yml").read_text(encoding="utf-8")
    settings = settings.replace("en: Valle Verde Unified School District",
                                "en: Valle Verde <script>alert(1)</script> District")
    (project.root / "portal.yml").write_text(settings, encoding="utf-8")
    project.write("content/en/news/fall-fair.md", f"""
        ---
        title: Fall fair
        date: 2026-11-05
        summary: '{summary}'
        ---
        The fair is on Saturday.
        """)
    site, _ = build_site(project.root, now=EXAMPLE_NOW)
    rss = [f for f in feed_files(site, lambda lang: Messages(lang, site.default))
           if f.rel.endswith(".rss") and f.lang == "en"]
    assert rss
    seen = []
    for f in rss:
        for description in etree.fromstring(f.data).iter("description"):
            text = description.text or ""
            tree = html5lib.parse(text, namespaceHTMLElements=False)
            assert tree.find(".//script") is None and tree.find(".//b") is None, (f.rel, text)
            seen.append(html.unescape(text))
    assert summary in seen, "the summary reads back as the same words"
    assert any("Valle Verde <script>alert(1)</script> District" in s for s in seen)
