"""Commands that write content files never write through a link or outside content/."""
from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from generator.cli.main import main
from generator.core.safe_files import UnsafePath, check_inside, create_new, rewrite

NEW_MEETING = ["--school", "alder-elementary", "--start", "2027-01-12 17:30"]
ES_MEETING = "content/es/meetings/2027-01-12-alder-elementary-sac.md"
EN_MEETING = "content/en/meetings/2027-01-12-alder-elementary-sac.md"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def refused(result, shown: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert shown in result.output and "link" in result.output


def test_new_refuses_a_dangling_link_where_it_would_write(project, tmp_path):
    outside = tmp_path / "elsewhere" / "notes.md"
    outside.parent.mkdir()
    (project.root / ES_MEETING).parent.mkdir(parents=True)
    os.symlink(outside, project.root / ES_MEETING)

    result = run("new", "meeting", "-p", project.root, *NEW_MEETING)

    refused(result, ES_MEETING)
    assert not outside.exists(), "nothing was written outside the project"
    assert not (project.root / EN_MEETING).exists(), "no file is written when any would be refused"


def test_new_refuses_a_linked_folder(project, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (project.root / "content/es").mkdir(parents=True, exist_ok=True)
    os.symlink(outside, project.root / "content/es/meetings")

    result = run("new", "meeting", "-p", project.root, *NEW_MEETING)

    refused(result, "content/es/meetings")
    assert list(outside.iterdir()) == []
    assert not (project.root / EN_MEETING).exists()


def test_mark_refuses_a_translation_that_is_a_link_to_a_file_outside_the_project(project, tmp_path):
    es_school = project.root / "content/es/schools/alder-elementary.md"
    outside = tmp_path / "shared" / "alder-es.md"
    outside.parent.mkdir()
    outside.write_bytes(es_school.read_bytes())
    es_school.unlink()
    os.symlink(outside, es_school)
    before = outside.read_bytes()

    result = run("translations", "-p", project.root, "mark", "content/es/schools/alder-elementary.md")

    refused(result, "content/es/schools/alder-elementary.md")
    assert outside.read_bytes() == before, "the file outside the project is unchanged"
    assert es_school.is_symlink()


@pytest.mark.parametrize("rel", ["../portal.yml", "../../outside.md", "."])
def test_only_paths_inside_content_can_be_written(project, rel):
    content = project.root / "content"
    with pytest.raises(UnsafePath, match="outside the content/ folder"):
        check_inside(content / rel, content)


def test_a_new_file_never_replaces_one_that_exists(project):
    content = project.root / "content"
    existing = content / "en/people/ana-ruiz.md"
    before = existing.read_bytes()
    with pytest.raises(UnsafePath, match="already exists"):
        create_new(existing, b"---\n---\n", content)
    assert existing.read_bytes() == before


def test_a_rewritten_file_keeps_its_permissions_and_leaves_no_temporary_file(project):
    content = project.root / "content"
    path = content / "en/people/ana-ruiz.md"
    path.chmod(0o640)

    rewrite(path, b"---\nname: Ana Ruiz\nrole: coordinator\n---\n", content)

    assert path.read_bytes() == b"---\nname: Ana Ruiz\nrole: coordinator\n---\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in path.parent.iterdir()) == ["ana-ruiz.md"]
