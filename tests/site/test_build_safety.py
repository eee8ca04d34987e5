"""A build never replaces the project, and a killed build never leaves the site missing or litter."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import main
from generator.core.errors import PortalError
from generator.site.build import build

NOW = ["--now", "2026-11-23 12:00"]
BROKEN_PERSON = "---\nname: Broken\nrole: coordinator\nemail: nope\n---\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def snapshot(folder: Path) -> dict:
    """Every file and folder below ``folder``, with the bytes of each file."""
    return {p.relative_to(folder): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def exchange_works(folder: Path) -> bool:
    from generator.site.site_folder import exchange

    a, b = folder / "probe-a", folder / "probe-b"
    a.mkdir(), b.mkdir()
    works = exchange(a, b)
    a.rmdir(), b.rmdir()
    return works


@pytest.fixture
def staff_project(project):
    """The small project with a staff guide in docs/, a theme folder and a git folder."""
    project.write("docs/staff-guide.md", "# How to write content\n")
    project.write("themes/portal/base.html", "<!doctype html>\n")
    project.write(".git/HEAD", "ref: refs/heads/main\n")
    return project


REFUSED = {
    "the project folder": (lambda root: root, "is the project folder"),
    "a folder holding the project": (lambda root: root.parent, "holds the project folder"),
    "the top folder of the computer": (lambda root: Path("/"), "holds the project folder"),
    "content/": (lambda root: root / "content", "content/"),
    "a folder inside content/": (lambda root: root / "content" / "en" / "site", "content/"),
    "themes/": (lambda root: root / "themes", "themes/"),
    "inside .git/": (lambda root: root / ".git" / "site", ".git/"),
    "the staff guide's folder": (lambda root: root / "docs", "not a site built by portal"),
}


@pytest.mark.parametrize("case", list(REFUSED), ids=list(REFUSED))
def test_a_site_folder_that_would_replace_staff_files_is_refused_and_nothing_is_touched(
        staff_project, tmp_path, case):
    where, words = REFUSED[case]
    site_dir = where(staff_project.root)
    before = snapshot(tmp_path)

    result = run("build", "-p", staff_project.root, "--site-dir", site_dir, *NOW)

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"Error: the site folder {site_dir}" in result.output
    assert words in result.output
    assert snapshot(tmp_path) == before, "no file was changed, added or removed"


def test_the_home_folder_is_refused(project, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "letters").mkdir(parents=True)
    (home / "letters" / "board.txt").write_text("Dear board,\n")
    monkeypatch.setenv("HOME", str(home))
    before = snapshot(tmp_path)

    result = run("build", "-p", project.root, "--site-dir", home, *NOW)

    assert result.exit_code == 1
    assert "Traceback" not in result.output and "is your home folder" in result.output
    assert snapshot(tmp_path) == before


def test_library_callers_get_the_same_guard(staff_project):
    before = snapshot(staff_project.root)
    with pytest.raises(PortalError, match="content/"):
        build(staff_project.root, site_dir=staff_project.root / "content", now=NOW[1])
    assert snapshot(staff_project.root) == before


def test_the_default_site_folder_an_empty_folder_and_an_earlier_build_are_accepted(project, tmp_path):
    assert run("build", "-p", project.root, *NOW).exit_code == 0
    site = project.root / "site"
    assert (site / "sitemap.xml").is_file() and (site / "404.html").is_file()
    assert run("build", "-p", project.root, *NOW).exit_code == 0, "an earlier build may be replaced"
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("build", "-p", project.root, "--site-dir", empty, *NOW)
    assert result.exit_code == 0, result.output
    assert (empty / "index.html").is_file()


def test_a_build_removes_what_killed_builds_left_and_nothing_else(project, tmp_path):
    site = tmp_path / "out"
    assert run("build", "-p", project.root, "--site-dir", site, *NOW).exit_code == 0
    dead, running = dead_pid(), os.getppid()
    for name in (f".out.tmp-{dead}", f".out.old-{dead}", f".out.tmp-{running}", ".out.tmp-notes",
                 f".other.tmp-{dead}"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("<p>half</p>")

    assert run("build", "-p", project.root, "--site-dir", site, *NOW).exit_code == 0

    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert left == sorted([f".out.tmp-{running}", ".out.tmp-notes", f".other.tmp-{dead}"]), \
        "only the folders of builds that are no longer running are removed"


@pytest.mark.parametrize("atomic", [True, False], ids=["exchange", "two renames"])
def test_an_interrupted_swap_never_leaves_the_site_missing(project, tmp_path, monkeypatch, atomic):
    site = tmp_path / "out"
    assert run("build", "-p", project.root, "--site-dir", site, *NOW).exit_code == 0
    before = snapshot(site)
    project.write("content/en/news/new-post.md", "---\ntitle: New post\ndate: 2026-11-20\nsummary: x\n---\n")
    if atomic and not exchange_works(tmp_path):
        pytest.skip("this file system cannot exchange two folders in one step")
    if not atomic:
        monkeypatch.setattr("generator.site.site_folder.exchange", lambda a, b: False)
    rename = Path.rename

    def killed_before_the_new_site_is_in(self, target):
        if self.name.startswith(".out.tmp-") and Path(target) == site:
            raise KeyboardInterrupt
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", killed_before_the_new_site_is_in)
    if atomic:  # one step: the kill can only come before or after it
        assert run("build", "-p", project.root, "--site-dir", site, *NOW).exit_code == 0
        assert (site / "news/new-post/index.html").is_file()
    else:
        assert run("build", "-p", project.root, "--site-dir", site, *NOW).exit_code != 0  # "Aborted!"
        assert snapshot(site) == before, "the last good site is back in place"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")] == []


def test_the_next_build_puts_back_a_site_a_killed_build_had_set_aside(project, tmp_path):
    site = tmp_path / "out"
    assert run("build", "-p", project.root, "--site-dir", site, *NOW).exit_code == 0
    before = snapshot(site)
    dead = dead_pid()  # killed between its two renames: the old site set aside, the new one not in
    site.rename(tmp_path / f".out.old-{dead}")
    (tmp_path / f".out.tmp-{dead}").mkdir()

    project.write("content/en/people/broken.md", BROKEN_PERSON)
    result = run("build", "-p", project.root, "--site-dir", site, *NOW)

    assert result.exit_code == 1 and "Traceback" not in result.output
    assert snapshot(site) == before, "the last good site is back even though this build failed"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")] == []


def test_a_swap_the_system_refuses_is_a_clear_error_and_the_site_stays(project, tmp_path, monkeypatch):
    site = tmp_path / "out"
    assert run("build", "-p", project.root, "--site-dir", site, *NOW).exit_code == 0
    before = snapshot(site)

    def refused(a, b):
        raise PermissionError(13, "Permission denied", str(a))

    monkeypatch.setattr("generator.site.site_folder.exchange", refused)
    # something new, or the build would find the site current and not replace it
    project.write("content/en/news/new-post.md", "---\ntitle: New post\ndate: 2026-11-20\nsummary: x\n---\n")
    result = run("build", "-p", project.root, "--site-dir", site, *NOW)

    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "the last good site is unchanged" in result.output
    assert snapshot(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")] == []
