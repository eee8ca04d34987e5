"""The theme's component library: every component has its template, its styles and its
examples, and /components/ shows every example in every language, apart from the site
families use (themes/portal/components/, generator/site/examples.py, docs/components.md)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.core.theme_files import COMPONENTS_DIR, EXAMPLES_FILE, component_names
from support import REPO
from test_html_validity import CANARY, describe, run_vnu

COMPONENTS = component_names()
LANGUAGES = ("en", "es")


def page(site: Path, lang: str, path: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


def main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def examples_of(name: str) -> list[dict]:
    data = yaml.safe_load((COMPONENTS_DIR / name / EXAMPLES_FILE).read_text(encoding="utf-8"))
    return data["examples"]


def test_the_theme_has_its_components():
    assert {"meeting-card", "school-card", "person-card", "status-banner", "supports-list",
            "chart", "timeline"} <= set(COMPONENTS)


@pytest.mark.parametrize("name", COMPONENTS)
def test_every_component_has_its_template_styles_and_examples(name):
    folder = COMPONENTS_DIR / name
    missing = [f for f in (f"{name}.html", f"{name}.css", EXAMPLES_FILE) if not (folder / f).is_file()]
    assert not missing, f"themes/portal/components/{name}/ lacks {', '.join(missing)} (docs/components.md)"
    assert "{% macro " in (folder / f"{name}.html").read_text(encoding="utf-8")
    assert len(examples_of(name)) >= 2, "several examples, covering the component's states"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", COMPONENTS)
def test_every_example_is_shown_on_its_components_page(example_site, name, lang):
    html = page(example_site, lang, f"components/{name}")
    shown = re.findall(r'<section class="component__example" id="([^"]+)"', html)
    assert shown == [f"{name}-{ex.get('id')}" for ex in examples_of(name)]
    for ex in examples_of(name):
        label = ex["label"][lang]
        assert f">{label}</h2>" in html.replace("&#39;", "'"), label
    index = page(example_site, lang, "components")
    assert f'data-component="{name}"' in index


def test_examples_speak_the_pages_language_and_mark_what_is_not_translated(example_site):
    spanish = page(example_site, "es", "components/meeting-card")
    assert "Cancelada" in spanish and "martes, 15 de diciembre de 2026" in spanish
    assert '<span lang="en">Reading at home: a workshop for families of young readers</span>' in spanish
    english = main(page(example_site, "en", "components/meeting-card"))
    assert "Tuesday, December 15, 2026" in english and 'lang="es"' not in english


def test_examples_of_components_go_through_the_content_checks(example_site):
    """The cards show what the content stage made of the items: a state derived from the
    examples' "now", a school taken from the council, a map link from the school's address."""
    html = page(example_site, "en", "components/meeting-card")
    assert 'data-meeting-state="ended"' in html and 'data-meeting-school="example-elementary"' in html
    assert "12%20Sample%20Street" in html


def test_the_library_is_apart_from_the_site_families_use(example_site):
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/components/" not in sitemap
    for lang in LANGUAGES:
        for path in ["components", *(f"components/{n}" for n in COMPONENTS)]:
            html = page(example_site, lang, path)
            assert '<meta name="robots" content="noindex">' in html, path
            assert 'aria-current="page"' not in html.split("<main", 1)[0], "no navigation item is current"
        home = page(example_site, lang, "")
        assert "components/" not in home, "nothing links to the library from the site"


def test_examples_name_no_real_district(example_site):
    for lang in LANGUAGES:
        for name in COMPONENTS:
            shown = main(page(example_site, lang, f"components/{name}"))
            assert "Valle Verde" not in shown and "valleverde" not in shown, name


def test_an_examples_ids_are_its_own_and_its_links_lead_to_it():
    from generator.site.theme.components import contained

    html = ('<figure><svg aria-labelledby="t d"><title id="t">T</title><desc id="d">D</desc></svg>'
            '<a href="../../meetings/x/">x</a> <a href="../../calendar/x.ics">ics</a> '
            '<a href="https://www.openstreetmap.org/">map</a> <a href="tel:+15550100">call</a> '
            '<a href="#t">title</a></figure>')
    out = contained(html, "timeline-picture")
    assert 'id="timeline-picture-t"' in out and 'aria-labelledby="timeline-picture-t timeline-picture-d"' in out
    assert 'id="t"' not in out
    assert out.count('href="#timeline-picture"') == 2 and "../../" not in out
    assert 'href="https://www.openstreetmap.org/"' in out and 'href="tel:+15550100"' in out
    assert 'href="#timeline-picture-t"' in out


def test_a_page_named_components_is_refused(project):
    from generator.content.pipeline import build_site
    from generator.core.errors import ContentErrors

    project.write("content/en/pages/components.md", "---\ntitle: Components\n---\nText.\n")
    with pytest.raises(ContentErrors) as caught:
        build_site(project.root)
    assert any("the page name 'components' is already used by the site" in p.message
               for p in caught.value.problems)


def test_a_wrong_field_in_an_example_fails_the_build_naming_the_examples_file(project, monkeypatch, tmp_path):
    from generator.core.errors import ContentErrors
    from generator.site import examples

    district = tmp_path / "district.yml"
    text = examples.DISTRICT_FILE.read_text(encoding="utf-8")
    district.write_text(text.replace("level: elementary", "level: primary"), encoding="utf-8")
    monkeypatch.setattr(examples, "DISTRICT_FILE", district)
    from generator.content.pipeline import build_site
    site, _ = build_site(project.root)
    with pytest.raises(ContentErrors) as caught:
        examples.load_gallery(site, project.root)
    problem = next(p for p in caught.value.problems if p.field == "level")
    assert "item schools/example-elementary" in problem.file and "district.yml" in problem.file
    assert problem.found and "primary" in problem.found


def test_the_examples_are_checked_again_only_when_the_theme_changes(project, monkeypatch, tmp_path):
    """Every regeneration of a district (each edit in ``portal serve``) ran the component
    examples through the whole content stage again, though only the theme's files change them."""
    import shutil

    from generator.site import examples
    from generator.site.project import generate

    theme_examples = tmp_path / "examples"
    shutil.copytree(examples.EXAMPLES_DIR, theme_examples)
    monkeypatch.setattr(examples, "EXAMPLES_DIR", theme_examples)
    monkeypatch.setattr(examples, "DISTRICT_FILE", theme_examples / "district.yml")
    checked = []
    load = examples.load_gallery
    monkeypatch.setattr(examples, "load_gallery", lambda site, root: checked.append(1) or load(site, root))
    first = generate(project.root).gallery
    project.write("content/en/schools/alder-elementary.md", (project.root / "content/en/schools/alder-elementary.md")
                  .read_text(encoding="utf-8") + "\nMore words.\n")
    second = generate(project.root)
    assert second.changed and second.gallery is first and len(checked) == 1
    with (theme_examples / "district.yml").open("a", encoding="utf-8") as district:
        district.write("# a change to the theme's examples\n")
    assert generate(project.root, now="2026-12-01 12:00").gallery is not first and len(checked) == 2


def test_every_example_is_valid_html_in_both_languages(example_site, tmp_path):
    canary = tmp_path / "canary.html"  # proves the checker ran and its report was read
    canary.write_text(CANARY, encoding="utf-8")
    files = [example_site / prefix / "components" / name / "index.html"
             for name in ["", *COMPONENTS] for prefix in ("", "es")]
    messages = run_vnu([canary, *files])
    assert any(m.get("url", "").endswith("/canary.html") for m in messages), messages
    errors = [describe(m, example_site) for m in messages if not m.get("url", "").endswith("/canary.html")]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def test_docs_describe_the_component_library():
    docs = (REPO / "docs" / "components.md").read_text(encoding="utf-8")
    assert "examples.yml" in docs and "/components/" in docs
    assert "components.md" in (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
