"""Drafts and embargoes: a post is on the site only from a build on or after its date, never while
it is a draft; `portal build --drafts` previews both with a visible banner."""
from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import pytest

from support import REPO

EMBARGOED = "summer-learning-grant-awarded"  # dated 2026-12-01 in the example content
DRAFT = "mission-creek-coordinator-named"  # draft: true
BEFORE = "2026-11-30 12:00"  # 04:00 on November 30 in Valle Verde
JUST_BEFORE = "2026-12-01 07:59"  # 23:59 on November 30 in Valle Verde (UTC-8)
AFTER = "2026-12-01 18:00"


def text_files(site: Path):
    for f in site.rglob("*"):
        if f.is_file() and f.suffix in (".html", ".xml", ".atom", ".rss", ".json", ".txt", ".js", ".ics"):
            yield f


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The example site built with `portal build --now ...` at several moments (and with --drafts)."""
    from click.testing import CliRunner

    from generator.cli.main import main

    root = tmp_path_factory.mktemp("publishing") / "repo"
    root.mkdir()
    shutil.copy(REPO / "portal.yml", root / "portal.yml")
    shutil.copytree(REPO / "content", root / "content")
    out = {}
    for name, now, drafts in (("before", BEFORE, False), ("just_before", JUST_BEFORE, False),
                              ("after", AFTER, False), ("drafts", BEFORE, True)):
        site = root.parent / f"site-{name}"
        args = ["build", "-p", str(root), "--now", now, "--site-dir", str(site)] + (["--drafts"] if drafts else [])
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        out[name] = site
    return out


def mentions(site: Path, needle: str) -> list[str]:
    return [f.relative_to(site).as_posix() for f in text_files(site) if needle in f.read_text(encoding="utf-8")]


def test_example_keeps_an_embargoed_and_a_draft_post():
    for lang in ("en", "es"):
        assert (REPO / "content" / lang / "news" / f"{EMBARGOED}.md").exists()
        assert (REPO / "content" / lang / "news" / f"{DRAFT}.md").exists()
    assert "date: 2026-12-01" in (REPO / "content/en/news" / f"{EMBARGOED}.md").read_text()
    assert "draft: true" in (REPO / "content/en/news" / f"{DRAFT}.md").read_text()


@pytest.mark.parametrize("build_name", ["before", "just_before"])
def test_future_post_is_nowhere_before_its_date(builds, build_name):
    site = builds[build_name]
    for lang in ("", "es/"):
        assert not (site / lang / "news" / EMBARGOED).exists()
        feed = feedparser.parse((site / lang / "feeds" / "news.atom").read_bytes())
        assert not any(EMBARGOED in e.link for e in feed.entries)
    # No page, listing, feed, sitemap, search entry or card names it anywhere.
    assert mentions(site, EMBARGOED) == []
    assert mentions(site, "1.2 million") == [] and mentions(site, "1,2 millones") == []
    assert not list(site.rglob(f"{EMBARGOED}*"))


def test_future_post_is_everywhere_from_its_date(builds):
    site = builds["after"]
    for lang, title in (("", "Valle Verde wins $1.2 million"), ("es/", "¡Valle Verde recibe 1,2 millones")):
        page = (site / lang / "news" / EMBARGOED / "index.html").read_text(encoding="utf-8")
        assert title in page
        assert "notice--draft" not in page, "a published post has no draft banner"
        listing = (site / lang / "news" / "index.html").read_text(encoding="utf-8")
        assert f"{EMBARGOED}/\"" in listing, "newest first: on the first page of the listing"
        home = (site / lang / "index.html").read_text(encoding="utf-8")
        assert f"news/{EMBARGOED}/\"" in home
        school = (site / lang / "schools" / "lincoln-elementary" / "index.html").read_text(encoding="utf-8")
        assert f"news/{EMBARGOED}/\"" in school
        feed = feedparser.parse((site / lang / "feeds" / "news.atom").read_bytes())
        assert EMBARGOED in feed.entries[0].link, "the newest entry comes first"
        school_feed = feedparser.parse((site / lang / "feeds" / "schools" / "lincoln-elementary.rss").read_bytes())
        assert EMBARGOED in school_feed.entries[0].link
    assert f"news/{EMBARGOED}/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert (site / "cards" / "es" / "news" / f"{EMBARGOED}.png").exists()


@pytest.mark.parametrize("build_name", ["before", "after"])
def test_draft_is_never_published(builds, build_name):
    site = builds[build_name]
    assert mentions(site, DRAFT) == []
    assert not list(site.rglob(f"{DRAFT}*"))


def test_drafts_preview_shows_both_with_a_banner(builds):
    site = builds["drafts"]
    for lang in ("", "es/"):
        draft = (site / lang / "news" / DRAFT / "index.html").read_text(encoding="utf-8")
        assert 'class="notice notice--draft"' in draft and 'data-unpublished="draft"' in draft
        assert '<meta name="robots" content="noindex, nofollow">' in draft
        embargoed = (site / lang / "news" / EMBARGOED / "index.html").read_text(encoding="utf-8")
        assert 'data-unpublished="embargoed"' in embargoed
        listing = (site / lang / "news" / "index.html").read_text(encoding="utf-8")
        assert "badge--draft" in listing
    assert "Draft" in (site / "news" / DRAFT / "index.html").read_text(encoding="utf-8")
    assert "Borrador" in (site / "es" / "news" / DRAFT / "index.html").read_text(encoding="utf-8")
    # a published post in the same preview has no banner
    assert "notice--draft" not in (site / "news" / "a-friday-that-feels-like-ours" / "index.html").read_text()


def test_a_drafts_preview_cannot_leak_if_deployed_by_mistake(builds):
    site = builds["drafts"]
    pages = list(site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex' in html, f"{page.relative_to(site)} can be indexed"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "news/a-friday-that-feels-like-ours/" in sitemap
    for slug in (DRAFT, EMBARGOED):
        assert slug not in sitemap, f"{slug} is in the preview's sitemap.xml"
        feeds = [f for f in site.rglob("*") if f.suffix in (".atom", ".rss")]
        assert all(slug not in f.read_text(encoding="utf-8") for f in feeds), f"{slug} is in a feed"
    # an ordinary build is indexable
    home = (builds["before"] / "index.html").read_text(encoding="utf-8")
    assert 'name="robots"' not in home


def test_build_drafts_warns_that_the_output_must_not_be_deployed(project, tmp_path):
    from click.testing import CliRunner

    from generator.cli.main import main

    args = ["build", "-p", str(project.root), "--now", BEFORE, "--site-dir", str(tmp_path / "out")]
    preview = CliRunner().invoke(main, args + ["--drafts"], catch_exceptions=False)
    assert preview.exit_code == 0, preview.output
    assert "preview" in preview.output.lower() and "do not deploy" in preview.output.lower()
    normal = CliRunner().invoke(main, args, catch_exceptions=False)
    assert normal.exit_code == 0 and "deploy" not in normal.output.lower()
