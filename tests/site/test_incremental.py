"""Incremental builds: a rebuild after an edit gives the site a clean build gives, byte for byte;
a page whose inputs did not change keeps its source and is not rendered again, and a build with
nothing new does nothing."""
from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from generator.site import last_build
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


def _delete_meeting(root: Path) -> str:
    (root / "content/en/meetings/2026-11-10-birch-sac.md").unlink()  # its pages must go too
    return EXAMPLE_NOW


EDITS = [_move_meeting, _cancel_meeting, _rename_school, _add_translation, _change_setting,
         _move_now_past_a_meeting, _delete_meeting]


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


def _times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


@pytest.mark.parametrize("jobs", [1, 2], ids=["one process", "a process per language"])
def test_a_rebuild_renders_only_the_pages_whose_sources_changed(tmp_path, jobs):
    root = _project(tmp_path / "proj").root
    assert not build(root, now=EXAMPLE_NOW, jobs=jobs).rendered_on, "the first build renders all"
    sources_before, made = _tree(root / SITE_SRC / "docs"), _times(root / "site")
    _rename_school(root)
    result = build(root, now=EXAMPLE_NOW, jobs=jobs)
    assert result.rendered_on and not result.mkdocs_skipped
    sources_after, remade = _tree(root / SITE_SRC / "docs"), _times(root / "site")
    pages = {_html_of(src): src for src in sources_after if src.endswith(".md")}
    rendered = {html for html, src in pages.items() if remade[html] != made.get(html)}
    changed = {html for html, src in pages.items() if sources_before.get(src) != sources_after[src]}
    assert rendered == changed, "exactly the pages whose sources changed are rendered again"
    assert "schools/birch-elementary/index.html" in rendered
    assert "es/schools/birch-elementary/index.html" in rendered
    assert "meetings/2026-12-08-alder-sac/index.html" not in rendered


def test_a_new_generator_renders_every_page_again(tmp_path, monkeypatch):
    root = _project(tmp_path / "proj").root
    build(root, now=EXAMPLE_NOW)
    made = _times(root / "site")
    _rename_school(root)
    monkeypatch.setattr(last_build, "code_version", lambda: "a newer portal")
    result = build(root, now=EXAMPLE_NOW)
    assert not result.rendered_on
    remade = _times(root / "site")
    assert all(remade[page] != made[page] for page in made)


def test_a_build_with_nothing_new_does_not_even_read_the_content_again(tmp_path):
    root = _project(tmp_path / "proj").root
    first = build(root, now=EXAMPLE_NOW)
    sources = _tree(root / SITE_SRC)
    again = build(root, now=EXAMPLE_NOW)
    assert again.mkdocs_skipped and "load" not in again.stages and "check" in again.stages
    assert again.pages == first.pages and again.held_back == first.held_back
    later = build(root, now="2026-11-23 13:00")  # an hour on, and no meeting began or ended
    assert later.mkdocs_skipped and "load" not in later.stages
    assert _tree(root / SITE_SRC) == sources
    _edit(root, "content/en/schools/birch-elementary.md", "Another school.", "Another school!")
    assert "load" in build(root, now=EXAMPLE_NOW).stages, "an edited file is read again"


def test_the_last_build_is_current_only_until_now_changes_what_the_site_shows(tmp_path):
    root = _project(tmp_path / "proj").root
    generated = generate(root, now=EXAMPLE_NOW)
    until = last_build.next_change(generated.site, generated.held_back)
    now = generated.site.now
    assert now < until <= datetime(2026, 11, 24, 0, 0, tzinfo=timezone.utc), "a new day at most"
    meetings = [t for m in generated.site.meetings for t in (m.start_utc, m.end_utc) if t > now]
    assert until <= min(meetings)
    build(root, now=EXAMPLE_NOW)
    stamp = json.loads((root / SITE_SRC / last_build.STAMP).read_text(encoding="utf-8"))
    assert datetime.fromisoformat(stamp["until"]) == until
    after = until.isoformat(timespec="minutes").replace("T", " ").removesuffix("+00:00")
    assert "load" in build(root, now=after).stages, "at that moment the site is made again"


def test_a_rebuild_makes_again_only_the_calendar_events_of_the_meetings_that_changed(tmp_path,
                                                                                     monkeypatch):
    from generator.outputs import calendars

    root = _project(tmp_path / "proj").root
    build(root, now=EXAMPLE_NOW)
    kept = root / ".cache" / "calendars"
    entries = {p.name for p in kept.iterdir()}
    meetings = generate(root, now=EXAMPLE_NOW).site.meetings
    assert len(entries) == 2 * len(meetings), "one event per meeting and language"

    made = []
    real = calendars.event
    monkeypatch.setattr(calendars, "_MADE", {})  # as in a new process: only the files are kept
    monkeypatch.setattr(calendars, "event", lambda site, m, words: made.append(m.slug) or real(site, m, words))
    _move_meeting(root)
    build(root, now=EXAMPLE_NOW)
    assert made == ["2026-12-08-alder-sac"] * 2, "the moved meeting's event, in each language"
    after = {p.name for p in kept.iterdir()}
    assert len(after) == len(entries) and len(after - entries) == 2, "its old events are pruned"
    ics = (root / "site" / "calendar" / "district.ics").read_text(encoding="utf-8")
    assert "DTSTART;TZID=America/Los_Angeles:20261209T180000" in ics


@pytest.mark.parametrize("jobs", [1, 2], ids=["one process", "a process per language"])
def test_a_rebuild_writes_new_files_and_never_into_the_last_sites(tmp_path, jobs):
    """The rebuild starts from links to the last site's files: what it writes must be a new
    file, or the last site, which stays in place until the swap, would change under it."""
    root = _project(tmp_path / "proj").root
    build(root, now=EXAMPLE_NOW, jobs=jobs)
    site = root / "site"
    before = {p.relative_to(site).as_posix(): (p.stat().st_ino, p.read_bytes())
              for p in site.rglob("*") if p.is_file()}
    _rename_school(root)
    assert build(root, now=EXAMPLE_NOW, jobs=jobs).rendered_on
    shared = changed = 0
    for path in (p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel in before and path.stat().st_ino == before[rel][0]:
            shared += 1
            assert path.read_bytes() == before[rel][1], f"{rel} was written through a link"
        elif rel in before and path.read_bytes() != before[rel][1]:
            changed += 1
    assert shared > 0 and changed > 0, "the files kept are the same files, the changed ones new"


@pytest.mark.parametrize("jobs", [1, 2], ids=["one process", "a process per language"])
def test_a_deleted_meetings_pages_and_calendar_are_gone_in_every_language(tmp_path, jobs):
    root = _project(tmp_path / "proj").root
    build(root, now=EXAMPLE_NOW, jobs=jobs)
    site = root / "site"
    gone = [f"{prefix}{rel}" for prefix in ("", "es/")
            for rel in ("meetings/2026-11-10-birch-sac/index.html",
                        "calendar/meetings/2026-11-10-birch-sac.ics")]
    assert all((site / rel).is_file() for rel in gone)
    _delete_meeting(root)
    assert build(root, now=EXAMPLE_NOW, jobs=jobs).rendered_on
    assert [rel for rel in gone if (site / rel).exists()] == []
    council = (site / "es/councils/birch-elementary-site-advisory-council/index.html").read_text()
    assert "2026-11-10-birch-sac" not in council, "no list links to it"
