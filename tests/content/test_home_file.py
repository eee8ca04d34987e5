"""The home file, content/<lang>/home.md: one per language, read like any item (facts once,
words per language, translation tracking), with the sections checked against one list."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli.main import main
from generator.content.pipeline import build_site
from generator.content.schema import CONTENT_TYPES, HOME_SECTIONS
from generator.core.errors import ContentErrors
from generator.derive.translations import report
from generator.derive.views import SiteView

NOW = "2026-11-23 12:00"
EN = "---\nheading: Welcome\ndescription: Our schools and meetings.\nsections: [news, schools]\n---\nHello, families.\n"
ES = "---\nheading: Bienvenidos\n---\nHola, familias.\n"


def problems_of(project) -> list:
    with pytest.raises(ContentErrors) as info:
        build_site(project.root, now=NOW)
    return info.value.problems


def test_the_home_file_is_read_in_each_language_with_its_sections_written_once(project):
    project.write("content/en/home.md", EN)
    project.write("content/es/home.md", ES)
    site, _ = build_site(project.root, now=NOW)
    home = site.home
    assert home.path == "" and home.sources["es"].path == "content/es/home.md"
    assert home.title("en") == "Welcome" and home.title("es") == "Bienvenidos"
    assert str(home.body["es"]) == "Hola, familias." and home.body["es"].lang == "es"
    assert SiteView(site, "en").home_sections == SiteView(site, "es").home_sections == ["news", "schools"]


def test_without_a_home_file_every_section_is_shown_and_there_is_no_description(project):
    site, _ = build_site(project.root, now=NOW)
    view = SiteView(site, "es")
    assert site.home is None and view.home is None
    assert view.home_sections == HOME_SECTIONS == ["next_meeting", "schools", "news", "pages"]
    assert view.description is None


def test_a_home_file_without_a_heading_is_titled_with_the_districts_name(project):
    project.write("content/en/home.md", "---\nsections: [schools]\n---\nHello.\n")
    site, _ = build_site(project.root, now=NOW)
    assert site.home.title("es") == "Distrito Escolar Unificado de Valle Verde"
    assert site.home.title("es").lang == "es"


def test_the_description_is_used_only_in_its_own_language(project):
    """A meta description cannot mark a passage in another language, so a Spanish page whose
    home file has no Spanish description falls back to the neutral catalogue sentence."""
    project.write("content/en/home.md", EN)
    project.write("content/es/home.md", ES)
    site, _ = build_site(project.root, now=NOW)
    assert SiteView(site, "en").description == "Our schools and meetings."
    assert SiteView(site, "es").description is None


def test_a_missing_spanish_home_file_is_reported_like_any_missing_translation(project):
    project.write("content/en/home.md", EN)
    site, _ = build_site(project.root, drafts=True)
    [entry] = [e for e in report(site) if e.collection == "home" and e.lang == "es"]
    assert entry.state == "missing"
    result = CliRunner().invoke(main, ["translations", "-p", str(project.root), "--lang", "es"])
    assert "es  missing    home (no content/es/home.md)" in result.output


def test_sections_are_a_fact_so_the_spanish_file_cannot_choose_others(project):
    project.write("content/en/home.md", EN)
    project.write("content/es/home.md", "---\nsections: [pages]\n---\n")
    problem = next(p for p in problems_of(project) if p.field == "sections")
    assert "content/es/home.md" in problem.format() and "content/en/home.md" in problem.format()


def test_an_unknown_section_is_refused_with_the_list_and_the_closest_name(project):
    project.write("content/en/home.md", "---\nsections: [next_meetings]\n---\n")
    [problem] = problems_of(project)
    assert problem.file == "content/en/home.md" and problem.field == "sections[1]" and problem.line == 2
    assert problem.expected == "one of: " + ", ".join(HOME_SECTIONS)
    assert "next_meeting" in problem.suggestion


def test_a_home_folder_or_another_file_in_a_language_folder_is_not_a_kind(project):
    project.write("content/en/home/home.md", EN)
    project.write("content/es/homepage.md", ES)
    found = {p.file: p for p in problems_of(project)}
    folder, file = found["content/en/home"], found["content/es/homepage.md"]
    assert "'home' is not a kind of content" in folder.message and "home.md" in folder.expected
    assert "home" in file.suggestion


def test_a_free_page_named_index_points_to_the_home_file(project):
    project.write("content/en/pages/index.md", "---\ntitle: Welcome\n---\n")
    [problem] = problems_of(project)
    assert problem.file == "content/en/pages/index.md"
    assert "home page" in problem.message and "content/en/home.md" in problem.suggestion
    assert "two things want to write" not in problem.format()


def test_the_schema_documents_the_home_file():
    home = CONTENT_TYPES["home"]
    assert home.single and home.file_path("es", "home") == "content/es/home.md"
    result = CliRunner().invoke(main, ["schema", "home"])
    assert result.exit_code == 0 and "sections" in result.output and "heading" in result.output
    schema = json.loads(CliRunner().invoke(main, ["schema", "--json"]).output)
    assert "home" in json.dumps(schema)
