"""portal check and portal build list every news post they hold back, after the problems, as
information: it never fails the command, not even with --strict."""
from __future__ import annotations

from click.testing import CliRunner

from generator.cli.main import main

TOMORROW_IN_LA = "2026-12-02 03:00"  # December 2 by a UTC clock, still December 1 in Valle Verde
LATER = ("content/en/news/wednesday.md: appears on Wednesday, December 2, 2026 at 00:00 "
         "(America/Los_Angeles)")
DRAFT = "content/en/news/not-ready.md: a draft (draft: true)"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def held_back_posts(project) -> None:
    project.write("content/en/news/wednesday.md", """
        ---
        title: Winter break schedule
        date: 2026-12-02
        summary: When the schools close.
        author: Ana Ruiz
        ---
        Text.
        """)
    project.write("content/en/news/not-ready.md", """
        ---
        title: Not ready
        date: 2026-11-20
        summary: Soon.
        author: Ana Ruiz
        draft: true
        ---
        Text.
        """)


def test_check_lists_each_held_back_post_after_the_problems_even_with_strict(project):
    held_back_posts(project)
    result = run("check", "-p", str(project.root), "--now", TOMORROW_IN_LA)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Held back, not on the site (2 news posts):" in out
    assert LATER in out and DRAFT in out
    # the small project's translations are not marked yet: warnings, listed first
    assert out.index("Warning:") < out.index("Held back") < out.index("Content is valid")

    assert run("translations", "-p", str(project.root), "mark", "--all").exit_code == 0
    strict = run("check", "-p", str(project.root), "--now", TOMORROW_IN_LA, "--strict")
    assert strict.exit_code == 0, strict.output  # what is held back never fails the check
    assert LATER in strict.output and "Warning" not in strict.output


def test_build_lists_each_held_back_post_and_a_preview_lists_none(project, tmp_path):
    held_back_posts(project)
    site = ["-p", str(project.root), "--now", TOMORROW_IN_LA, "--site-dir", str(tmp_path / "site")]
    result = run("build", *site)
    assert result.exit_code == 0, result.output
    assert LATER in result.output and DRAFT in result.output
    assert not (tmp_path / "site/news/wednesday").exists()

    preview = run("build", *site, "--drafts")  # a preview shows them all: nothing is held back
    assert preview.exit_code == 0, preview.output
    assert (tmp_path / "site/news/wednesday/index.html").exists()
    assert "Held back" not in preview.output and "wednesday" not in preview.output
