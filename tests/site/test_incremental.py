"""Incremental builds: a rebuild after an edit gives the site a clean build gives, byte for byte;
a page whose inputs did not change keeps its source (so the preview does not render it again),
and a build with nothing new skips MkDocs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.site.build import build
from generator.site.project import SITE_SRC, generate
from support import EXAMPLE_NOW, MINIMAL, REPO, Project

# A second school with its own council, meeting and news post, so that an edit has pages it
# must change and pages it must leave alone.
MORE = {
    "content/en/schools/birch-elementary.md": """
        ---
        name: Birch Elementary School
        level: elementary
        grades: K-5
        address:
          street: 20 Birch Street
          city: Valle Verde
          state: CA
          postal_code: "95301"
        coordinator: ana-ruiz
        services: [tutoring]
        ---
        Another school.
        """,
    "content/en/councils/birch-elementary-site-advisory-council.md": """
        ---
        name: Site advisory council
        school: birch-elementary
        kind: site_advisory_council
        ---
        """,
    "content/en/meetings/2026-11-10-birch-sac.md": """
        ---
        body: birch-elementary-site-advisory-council
        start: 2026-11-10 17:30
        end: "19:00"
        location:
          place: Gym
        notice_posted: 2026-11-01 09:00
        ---
        """,
    "content/en/news/birch-garden.md": """
        ---
        title: Birch starts a garden
        date: 2026-11-05
        summary: Families plant a garden.
        schools:
          - birch-elementary
        ---
        The garden is open on Saturdays.
        """,
}
MEETING = "content/en/meetings/2026-12-08-alder-sac.md"


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _move_meeting(root: Path) -> str:
    _edit(root, MEETING, "start: 2026-12-08 17:30", "start: 2026-12-09 18:00")
    return EXAMPLE_NOW


def _cancel_meeting(root: Path) -> str:
    _edit(root, MEETING, "notice_posted:", "status: cancelled\nstatus_note: The room is closed.\nnotice_posted:")
    return EXAMPLE_NOW


def _rename_school(root: Path) -> str:
    _edit(root, "content/en/schools/birch-elementary.md", "Birch Elementary School", "Birch Grove Elementary")
    return EXAMPLE_NOW


def _add_translation(root: Path) -> str:
    Project(root).write("content/es/news/birch-garden.md", """
        ---
        title: Birch empieza un huerto
        summary: Las familias plantan un huerto.
        ---
        El huerto abre los sábados.
        """)
    return EXAMPLE_NOW


def _change_setting(root: Path) -> str:
    _edit(root, "portal.yml", "en: Valle Verde Unified School District", "en: Valle Verde Unified")
    return EXAMPLE_NOW


def _move_now_past_a_meeting(root: Path) -> str:
    return "2026-12-08 20:00"  # the Alder meeting (17:30 to 19:00) is over


EDITS = [_move_meeting, _cancel_meeting, _rename_school, _add_translation, _change_setting,
         _move_now_past_a_meeting]


def _project(root: Path) -> Project:
    root.mkdir(parents=True)
    project = Project(root)
    shutil.copy(REPO / "portal.yml", root / "portal.yml")
    for rel, text in {**MINIMAL, **MORE}.items():
        project.write(rel, text)
    return project


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _html_of(src: str) -> str:
    """The built page of a source under site_src/docs/: 'es/schools/x.md' -> 'es/schools/x/index.html'."""
    lang, rest = src.split("/", 1)
    stem = rest.removesuffix(".md").removesuffix("index").rstrip("/")
    return "/".join(part for part in ("" if lang == "en" else lang, stem, "index.html") if part)


@pytest.mark.parametrize("edit", EDITS, ids=lambda f: f.__name__.strip("_"))
def test_a_rebuild_after_an_edit_equals_a_clean_build(tmp_path, edit):
    root = _project(tmp_path / "incremental").root
    build(root, now=EXAMPLE_NOW)
    sources_before, site_before = _tree(root / SITE_SRC / "docs"), _tree(root / "site")

    now = edit(root)
    build(root, now=now)
    sources_after, site_after = _tree(root / SITE_SRC / "docs"), _tree(root / "site")

    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copy(root / "portal.yml", clean / "portal.yml")
    shutil.copytree(root / "content", clean / "content")
    build(clean, now=now)
    assert site_after == _tree(clean / "site"), "the rebuilt site differs from a clean build"

    # A page whose source did not change must look the same: otherwise a preview, which renders
    # only the sources that changed, would show it out of date.
    pages = [src for src in sources_after if src.endswith(".md")]
    kept = [src for src in pages if sources_before.get(src) == sources_after[src]]
    stale = [src for src in kept if site_before.get(_html_of(src)) != site_after[_html_of(src)]]
    assert stale == [], f"these pages changed but their sources (and fingerprints) did not: {stale}"
    assert len(kept) < len(pages), "the edit changed some pages"


def test_an_edit_rewrites_only_the_sources_of_the_pages_that_show_it(tmp_path):
    root = _project(tmp_path / "proj").root
    generate(root, now=EXAMPLE_NOW)
    before = _tree(root / SITE_SRC / "docs")
    _rename_school(root)
    generate(root, now=EXAMPLE_NOW)
    after = _tree(root / SITE_SRC / "docs")
    changed = {src for src in after if before.get(src) != after[src]}
    assert {"en/schools/birch-elementary.md", "es/schools/birch-elementary.md",
            "en/schools/index.md", "en/news/birch-garden.md"} <= changed
    assert "en/meetings/2026-12-08-alder-sac.md" not in changed, "the other school's meeting shows nothing of Birch"
    assert "en/schools/alder-elementary.md" not in changed


def test_a_build_with_nothing_new_skips_mkdocs_and_keeps_the_site(tmp_path):
    root = _project(tmp_path / "proj").root
    assert not build(root, now=EXAMPLE_NOW).mkdocs_skipped
    home = root / "site" / "index.html"
    made = home.stat().st_mtime_ns
    again = build(root, now=EXAMPLE_NOW)
    assert again.mkdocs_skipped and home.stat().st_mtime_ns == made
    assert not build(root, now="2026-12-08 20:00").mkdocs_skipped, "a meeting moved to the past"


def test_a_build_that_never_swapped_its_site_in_is_not_taken_for_the_last_one(tmp_path):
    root = _project(tmp_path / "proj").root
    build(root, now=EXAMPLE_NOW)
    _rename_school(root)
    generate(root, now=EXAMPLE_NOW)  # site_src/ written, then the build was stopped before MkDocs
    result = build(root, now=EXAMPLE_NOW)
    assert not result.mkdocs_skipped
    assert "Birch Grove Elementary" in (root / "site" / "schools" / "birch-elementary" / "index.html").read_text()


def test_a_build_into_another_folder_is_not_skipped(tmp_path):
    root = _project(tmp_path / "proj").root
    build(root, now=EXAMPLE_NOW)
    other = build(root, site_dir=tmp_path / "elsewhere", now=EXAMPLE_NOW)
    assert not other.mkdocs_skipped and (tmp_path / "elsewhere" / "sitemap.xml").is_file()
