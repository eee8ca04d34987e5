"""A text inside { } with a comma or a colon: the message names the file and line and shows
the quoted text to write, in portal.yml and in front-matter alike."""
from __future__ import annotations

from click.testing import CliRunner

from generator.cli.main import main

NOW = ["--now", "2026-11-23 12:00"]


def check(project):
    return CliRunner().invoke(main, ["check", "-p", str(project.root), *NOW], catch_exceptions=False)


def test_a_colon_in_a_label_in_portal_yml_names_the_line_and_the_quotes_to_add(project):
    path = project.root / "portal.yml"
    text = path.read_text(encoding="utf-8")
    assert "    label: {en: Tutoring, es: Tutorías}\n" in text
    path.write_text(text.replace("    label: {en: Tutoring, es: Tutorías}\n",
                                 "    label: {en: Tutoring: math, es: Tutorías}\n"), encoding="utf-8")
    line = text.splitlines().index("    label: {en: Tutoring, es: Tutorías}") + 1
    result = check(project)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"portal.yml, line {line}" in result.output
    assert "contains ':'" in result.output
    assert 'put the text in double quotes: en: "Tutoring: math"' in result.output
    assert "opened here but not closed" not in result.output  # the brackets are closed


def test_a_colon_in_a_group_in_front_matter_names_the_file_and_line(project):
    path = project.root / "content/en/meetings/2026-12-08-alder-sac.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("location:\n  place: Library\n",
                                 "location: {place: Library: room 4}\n"), encoding="utf-8")
    result = check(project)
    assert result.exit_code == 1
    assert "content/en/meetings/2026-12-08-alder-sac.md, line 5" in result.output
    assert 'put the text in double quotes: place: "Library: room 4"' in result.output


def test_a_comma_in_a_group_in_front_matter_is_named_as_a_cut_text(project):
    path = project.root / "content/en/meetings/2026-12-08-alder-sac.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("location:\n  place: Library\n",
                                 "location: {place: Library, room 4}\n"), encoding="utf-8")
    result = check(project)
    assert result.exit_code == 1
    assert "content/en/meetings/2026-12-08-alder-sac.md, line 5" in result.output
    assert "'room 4' looks like the rest of the text of 'place', cut off by a comma" in result.output
    assert 'place: "Library, room 4"' in result.output
    assert "'room 4' is not a field" not in result.output


def test_a_group_left_open_is_still_named_as_such(project):
    path = project.root / "content/en/meetings/2026-12-08-alder-sac.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("location:\n  place: Library\n", "location: {place: Library\n"),
                    encoding="utf-8")
    result = check(project)
    assert result.exit_code == 1 and "a group in { } is opened here but not closed" in result.output
