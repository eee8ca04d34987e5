"""The portal command as staff use it: clear messages, exit codes, and a site that never breaks."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli.main import main

NOW = ["--now", "2026-11-23 12:00"]


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_check_passes_on_valid_content(project):
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 0, result.output
    assert "Content is valid" in result.output


def test_check_reports_file_line_field_and_suggestion(project):
    project.write("content/en/schools/alder-elementary.md", """
        ---
        name: Alder Elementary School
        level: elementary
        grades: TK-5
        address: {street: 10 Alder Street, city: Valle Verde, state: CA, postal_code: "95301"}
        coordinator: ana-ruz
        ---
        """)
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1
    out = result.output
    assert "content/en/schools/alder-elementary.md, line 6, field 'coordinator'" in out
    assert 'did you mean "ana-ruiz"' in out
    assert "Traceback" not in out


def test_build_writes_every_item_in_every_language(project, tmp_path):
    site = tmp_path / "out"
    result = run("build", "-p", str(project.root), "--site-dir", str(site), *NOW)
    assert result.exit_code == 0, result.output
    for path in ("schools/alder-elementary", "people/ana-ruiz", "meetings/2026-12-08-alder-sac"):
        assert (site / path / "index.html").exists()
        assert (site / "es" / path / "index.html").exists()


def test_failed_build_keeps_the_last_good_site(project, tmp_path):
    site = tmp_path / "out"
    assert run("build", "-p", str(project.root), "--site-dir", str(site), *NOW).exit_code == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}

    project.write("content/en/people/broken.md", "---\nname: Broken\nrole: coordinator\nemail: nope\n---\n")
    result = run("build", "-p", str(project.root), "--site-dir", str(site), *NOW)
    assert result.exit_code == 1
    assert "content/en/people/broken.md" in result.output and "email" in result.output
    assert "nothing was built" in result.output
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not list(site.parent.glob(".out.*")), "no temporary folders are left behind"


def test_broken_settings_are_reported_not_raised(project):
    (project.root / "portal.yml").write_text("district_name: [unclosed\n", encoding="utf-8")
    result = run("check", "-p", str(project.root))
    assert result.exit_code == 1
    assert "portal.yml, line " in result.output
    assert "Traceback" not in result.output


def test_bad_now_is_a_usage_error(project):
    result = run("build", "-p", str(project.root), "--now", "tomorrow")
    assert result.exit_code == 2
    assert "--now" in result.output


def test_schema_documents_every_kind():
    result = run("schema")
    assert result.exit_code == 0
    for kind in ("school", "person", "meeting", "grant", "news", "page"):
        assert f"{kind}: content/<language>/" in result.output
    assert run("schema", "meetng").exit_code == 2


def test_schema_names_the_home_file_where_it_is_and_the_sections_it_can_list():
    text = run("schema", "home").output
    assert text.startswith("home: content/<language>/home.md\n"), "one file, not a folder"
    assert "sections: list of one of: next_meeting, schools, news, pages (" in text
    assert "heading: words (per language)\n" in text, "said once"
    assert "(per language) (per language)" not in run("schema").output


BAD_INPUT = {
    "malformed YAML": ("content/en/people/ana-ruiz.md", "---\nname: Ana Ruiz\nrole: [coordinator\n---\n",
                       "cannot be read"),
    "missing required field": ("content/en/people/ana-ruiz.md", "---\nname: Ana Ruiz\n---\n",
                               "the required field 'role' is missing"),
    "wrong type": ("content/en/people/ana-ruiz.md", "---\nname: Ana Ruiz\nrole: coordinator\nlanguages: es\n---\n",
                   "this is not a list"),
    "unknown reference": ("content/en/meetings/2026-12-08-alder-sac.md",
                          "---\ngroup: family_workshop\nschool: alder\nstart: 2026-12-08 17:30\n"
                          "end: \"19:00\"\nlocation: {place: Library}\n---\n",
                          "there is no school called 'alder'"),
    "duplicate slug": ("content/en/people/2026/ana-ruiz.md", "---\nname: Ana Two\nrole: staff\n---\n",
                       "already has the name 'ana-ruiz'"),
    "impossible date": ("content/en/news/leap.md", "---\ntitle: Leap\ndate: 2026-02-30\nsummary: x\n---\n",
                        "2026-02-30 is not a real calendar date"),
}


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    """A project and the site its last good build wrote."""
    import shutil as _shutil

    from support import MINIMAL, REPO, Project

    root = tmp_path_factory.mktemp("good") / "proj"
    root.mkdir()
    _shutil.copy(REPO / "portal.yml", root / "portal.yml")
    p = Project(root)
    for rel, text in MINIMAL.items():
        p.write(rel, text)
    site = root.parent / "site"
    assert run("build", "-p", str(root), "--site-dir", str(site), *NOW).exit_code == 0
    return root, site


@pytest.mark.parametrize("case", list(BAD_INPUT), ids=list(BAD_INPUT))
def test_bad_input_fails_clearly_and_keeps_the_last_good_site(good_build, tmp_path, case):
    import shutil as _shutil

    root, good_site = good_build
    proj, site = tmp_path / "proj", tmp_path / "site"
    _shutil.copytree(root, proj, ignore=_shutil.ignore_patterns("site_src", ".cache"))
    _shutil.copytree(good_site, site)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    rel, text, message = BAD_INPUT[case]
    (proj / rel).parent.mkdir(parents=True, exist_ok=True)
    (proj / rel).write_text(text, encoding="utf-8")

    result = run("build", "-p", str(proj), "--site-dir", str(site), *NOW)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert message in result.output, result.output
    assert "content/en/" in result.output and "Error: content/" in result.output
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before, "the last good site is untouched"
