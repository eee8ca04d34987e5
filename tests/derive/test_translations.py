"""Translation states, the outdated notice, and `portal translations`."""
from __future__ import annotations

import json
import re

from click.testing import CliRunner

from generator.cli.main import main
from generator.content.pipeline import build_site
from generator.derive.translations import item_state
from generator.site.build import build
from support import REPO

NOW = "2026-11-23 12:00"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def translate_everything(project):
    """Give the fixture's one English-only item a Spanish file, and mark all translations."""
    project.write("content/es/meetings/2026-12-08-alder-sac.md", """
        ---
        location:
          place: Biblioteca
        agenda:
          - Bienvenida
        ---
        """)
    result = run("translations", "-p", project.root, "mark", "--all")
    assert result.exit_code == 0, result.output


def state(project, collection, slug, lang="es"):
    site, _ = build_site(project.root, now=NOW)
    return item_state(site.items[collection][slug], lang)


def test_states_missing_partial_translated(project):
    assert state(project, "meetings", "2026-12-08-alder-sac").state == "missing"
    # The Spanish person file has office hours but no biography of its own... it has one: translated.
    assert state(project, "people", "ana-ruiz").state == "translated"
    project.write("content/es/people/ana-ruiz.md", "---\noffice_hours: Lunes\n---\n")
    partial = state(project, "people", "ana-ruiz")
    assert partial.state == "partial" and "(body)" in partial.untranslated_fields
    assert state(project, "people", "ana-ruiz", "en").state == "source"


def test_editing_the_source_makes_the_translation_outdated_on_the_next_build(project, tmp_path):
    translate_everything(project)
    assert state(project, "schools", "alder-elementary").state == "translated"
    site_dir = tmp_path / "out"
    build(project.root, site_dir=site_dir, now=NOW)
    es_page = site_dir / "es/schools/alder-elementary/index.html"
    assert "desactualizada" not in es_page.read_text()

    en = project.root / "content/en/schools/alder-elementary.md"
    en.write_text(en.read_text().replace("A small school.", "A small school with a big garden."))
    assert state(project, "schools", "alder-elementary").state == "outdated"
    build(project.root, site_dir=site_dir, now=NOW)
    html = es_page.read_text()
    assert "esta traducción puede estar desactualizada" in html
    assert 'href="../../../schools/alder-elementary/" hreflang="en"' in html
    # The English page says nothing about translations.
    assert "notice--translation" not in (site_dir / "schools/alder-elementary/index.html").read_text()

    report = run("translations", "-p", project.root)
    assert "es  outdated   schools/alder-elementary" in report.output
    data = json.loads(run("translations", "-p", project.root, "--json").output)
    outdated = [i for i in data["items"] if i["state"] == "outdated"]
    assert [(i["collection"], i["slug"]) for i in outdated] == [("schools", "alder-elementary")]
    assert data["totals"]["es"]["outdated"] == 1

    # The translator updates the Spanish text and marks it: the notice goes away.
    run("translations", "-p", project.root, "mark", "content/es/schools/alder-elementary.md")
    assert state(project, "schools", "alder-elementary").state == "translated"


def test_words_only_changes_count_facts_do_not(project):
    translate_everything(project)
    en = project.root / "content/en/schools/alder-elementary.md"
    en.write_text(en.read_text().replace("grades: TK-5", "grades: TK-6"))
    assert state(project, "schools", "alder-elementary").state == "translated"


def test_strict_fails_on_the_example_and_passes_when_fully_translated(project):
    example = run("translations", "-p", REPO, "--strict")
    assert example.exit_code == 1
    assert "missing" in example.output
    assert run("translations", "-p", project.root, "--strict").exit_code == 1
    translate_everything(project)
    result = run("translations", "-p", project.root, "--strict")
    assert result.exit_code == 0, result.output
    assert "es: 4 translated, 0 partial, 0 outdated, 0 missing" in result.output  # MINIMAL: person, school, council, meeting


def test_mark_refuses_files_outside_the_content(project):
    result = run("translations", "-p", project.root, "mark", "nope.md")
    assert result.exit_code == 2
    assert "not a content file" in result.output


def test_flyer_of_an_untranslated_meeting_says_so_in_each_half(project, tmp_path):
    site_dir = tmp_path / "out"
    build(project.root, site_dir=site_dir, now=NOW)
    html = (site_dir / "es/meetings/2026-12-08-alder-sac/flyer/index.html").read_text()
    halves = re.findall(r'<section class="flyer__half" lang="(\w+)".*?</section>', html, re.S)
    assert sorted(halves) == ["en", "es"]
    spanish = re.search(r'<section class="flyer__half" lang="es".*?</section>', html, re.S).group(0)
    assert "todavía no está traducida al español" in spanish
    assert '<span lang="en">Welcome</span>' in spanish or '<ol class="agenda" lang="en">' in spanish
    labels = re.findall(r'<section class="flyer__half"[^>]*aria-labelledby="([^"]+)"', html)
    assert len(set(labels)) == 2, "each half is a landmark with its own name"
