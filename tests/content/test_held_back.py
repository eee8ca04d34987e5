"""The news a build holds back is returned by the content stage, so the commands can list it:
a draft as a draft, a post dated later with the moment it appears in the district's time zone."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from generator.content.pipeline import check_content

LA = ZoneInfo("America/Los_Angeles")
TOMORROW_IN_LA = "2026-12-02 03:00"  # December 2 by a UTC clock, still 19:00 on December 1 in LA


def post(project, slug: str, day: str, extra: str = "", spanish: bool = False) -> None:
    project.write(f"content/en/news/{slug}.md", f"""
        ---
        title: News {slug}
        date: {day}
        summary: A short summary.
        author: Ana Ruiz
        {extra}
        ---
        Text.
        """)
    if spanish:
        project.write(f"content/es/news/{slug}.md", f"""
            ---
            title: Noticia {slug}
            ---
            Texto.
            """)


def test_a_post_dated_later_is_listed_with_when_it_appears(project):
    post(project, "later", "2026-12-10", spanish=True)
    post(project, "today", "2026-11-23")
    checked = check_content(project.root, now="2026-11-23 12:00")
    [held] = checked.held_back
    assert held.files == ("content/en/news/later.md", "content/es/news/later.md")
    assert not held.draft
    assert held.appears == datetime(2026, 12, 10, 0, 0, tzinfo=LA)
    assert held.describe() == ("content/en/news/later.md and content/es/news/later.md: appears on "
                               "Thursday, December 10, 2026 at 00:00 (America/Los_Angeles), "
                               "with the first build from then on")
    assert "later" not in checked.site.items["news"] and "today" in checked.site.items["news"]


def test_a_draft_is_listed_as_a_draft(project):
    post(project, "not-ready", "2026-11-01", "draft: true")
    [held] = check_content(project.root, now="2026-11-23 12:00").held_back
    assert held.draft and held.appears is None
    assert held.describe().startswith("content/en/news/not-ready.md: a draft (draft: true)")
    assert "appears on" not in held.describe()


def test_a_post_dated_today_by_utc_but_tomorrow_in_the_district_is_held_back_until_midnight_there(project):
    post(project, "wednesday", "2026-12-02")
    [held] = check_content(project.root, now=TOMORROW_IN_LA).held_back
    assert "appears on Wednesday, December 2, 2026 at 00:00 (America/Los_Angeles)" in held.describe()
    at_midnight_in_la = check_content(project.root, now="2026-12-02 08:00")
    assert at_midnight_in_la.held_back == []
    assert "wednesday" in at_midnight_in_la.site.items["news"]


def test_a_preview_with_drafts_holds_nothing_back(project):
    post(project, "not-ready", "2026-11-01", "draft: true")
    post(project, "later", "2026-12-10")
    assert check_content(project.root, now="2026-11-23 12:00", drafts=True).held_back == []
