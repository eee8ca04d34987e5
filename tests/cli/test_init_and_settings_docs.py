"""portal init (a new project that builds) and portal.yml documented from its one schema:
portal schema settings, its JSON Schema, and the staff guide's generated table."""
from __future__ import annotations

import json
import re

import yaml
from click.testing import CliRunner

from generator.cli.main import main
from generator.cli.settings_docs import guide_section, settings_markdown
from generator.content.settings_schema import SETTINGS
from generator.content.settings_types import Entries, Group, Items
from support import REPO

NOW = ["--now", "2026-11-23 12:00"]


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def every_name(settings=SETTINGS, prefix=""):
    """Every setting's dotted name, members included."""
    for s in settings:
        yield prefix + s.name
        inner = s.type.entry if isinstance(s.type, Entries) else s.type.item if isinstance(
            s.type, Items) else s.type
        if isinstance(inner, Group):
            yield from every_name(list(inner.members.values()), prefix + s.name + ".")


def test_init_writes_a_project_that_checks_strictly_and_builds(tmp_path):
    folder = tmp_path / "new-district"
    result = run("init", str(folder))
    assert result.exit_code == 0, result.output
    assert "portal.yml" in result.output and "REPLACE" in result.output and "portal check" in result.output
    for kind in ("schools", "people", "meetings", "grants", "news", "pages"):
        for lang in ("en", "es"):
            assert list((folder / "content" / lang / kind).glob("*.md")), (lang, kind)
    checked = run("check", "--strict", "-p", str(folder), *NOW)
    assert checked.exit_code == 0, checked.output
    built = run("build", "-p", str(folder), *NOW)
    assert built.exit_code == 0, built.output
    assert (folder / "site" / "index.html").exists() and (folder / "site" / "es" / "index.html").exists()


def test_init_writes_every_setting_with_its_help_and_obvious_placeholders(tmp_path):
    run("init", str(tmp_path / "d"))
    text = (tmp_path / "d" / "portal.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert set(data) == {s.name for s in SETTINGS}
    for s in SETTINGS:
        first_words = " ".join(s.help.split()[:4])
        assert first_words in " ".join(l.lstrip("# ") for l in text.splitlines() if l.lstrip().startswith("#")), s.name
    assert "REPLACE" in data["district_name"]["en"] and "REEMPLACE" in data["district_name"]["es"]
    assert "replace" in data["site_url"] and "REPLACE" in data["contact"]["address"]


def test_init_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("my notes", encoding="utf-8")
    result = run("init", str(folder))
    assert result.exit_code == 1 and "not an empty folder" in result.output
    assert "Traceback" not in result.output
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "my notes"


def test_schema_settings_lists_every_setting_with_its_help():
    result = run("schema", "settings")
    assert result.exit_code == 0
    for name in every_name():
        assert re.search(rf"^\s+{re.escape(name.split('.')[-1])}: ", result.output, re.M), name
    assert "The district's time zone" in result.output
    assert "meeting_times" in result.output and "longest_hours" in result.output


def test_schema_settings_json_describes_portal_yml_for_editors():
    result = run("schema", "settings", "--json")
    schema = json.loads(result.output)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["properties"]) == {s.name for s in SETTINGS}
    assert set(schema["required"]) == {s.name for s in SETTINGS if s.required}
    assert schema["additionalProperties"] is False
    example = yaml.safe_load((REPO / "portal.yml").read_text(encoding="utf-8"))
    assert set(example) <= set(schema["properties"])
    contact = schema["properties"]["contact"]
    assert set(contact["required"]) == {"email", "phone", "address"}
    assert schema["properties"]["news_per_page"]["default"] == 10


def test_the_staff_guides_settings_table_is_current():
    guide = REPO / "docs" / "staff-guide.md"
    assert guide_section(guide) == settings_markdown(), (
        "the staff guide's settings table is stale: run python scripts/update_staff_guide.py")
    for name in every_name():
        shown = name.replace("services.", "services.<id>.").replace("languages.", "languages[].")
        assert f"| `{shown}` |" in guide_section(guide), name
