"""The portal command as staff use it: clear messages, exit codes, and a site that never breaks."""
from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main

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
