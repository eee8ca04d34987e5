"""Who serves a school, on its page: the coordinator first, then everyone whose file lists the
school, and, for a school with no coordinator, the district's contact (and "to be hired" only
when the school's file says so)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import main
from support import EXAMPLE_NOW

NOW = ["--now", EXAMPLE_NOW]
LANGS = ("en", "es")
HIRING = {"en": "Coordinator: to be hired", "es": "Coordinación: por contratar"}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def read(site: Path, lang: str, path: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


def section(html: str, heading_id: str) -> str | None:
    """The HTML of the page section headed by the element with that id, or None."""
    match = re.search(rf'<section class="section" aria-labelledby="{heading_id}".*?</section>', html, re.S)
    return match.group(0) if match else None


def card_names(html: str | None) -> list[str]:
    """The names on the person cards of a piece of a page, in order."""
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a></h3>', html or "")


def build(project, tmp_path, name: str) -> Path:
    out = tmp_path / name
    result = run("build", "-p", str(project.root), "--site-dir", str(out), *NOW)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def model():
    from generator.content.pipeline import build_site
    from support import REPO

    site, _ = build_site(REPO, now=EXAMPLE_NOW)
    return site


# -- the example district -------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug, coordinator, others", [
    ("lincoln-elementary", "María Elena Vargas", ["Guadalupe Morales"]),
    ("las-palmas-elementary", "Thao Nguyen", ["Guadalupe Morales"]),
    ("sierra-vista-middle", "Marcus Bell", ["Ana Paula Souza"]),
    ("valle-verde-high", "Joseph Dela Cruz", ["Ana Paula Souza"]),
    ("cesar-chavez-k8", "Rosa Gutiérrez", []),
])
def test_everyone_who_serves_a_school_is_on_its_page_after_the_coordinator(example_site, lang, slug,
                                                                           coordinator, others):
    html = read(example_site, lang, f"schools/{slug}/")
    assert card_names(section(html, "coordinator")) == [coordinator]
    assert card_names(section(html, "people")) == others
    if others:
        assert html.index('id="coordinator"') < html.index('id="people"')
    assert section(html, "school-contact") is None and HIRING[lang] not in html


def test_people_serving_a_school_show_role_link_and_contact_in_the_pages_language(example_site, model):
    nurse = model.items["people"]["ana-paula-souza"]
    for lang in LANGS:
        people = section(read(example_site, lang, "schools/sierra-vista-middle/"), "people")
        assert re.search(r'<a href="[^"]*people/ana-paula-souza/">Ana Paula Souza</a>', people)
        assert str(nurse.get(lang, "job_title")) in people
        assert f'href="mailto:{nurse.get(lang, "email")}"' in people
        assert 'href="tel:+15550102430"' in people
    assert "Enfermera Escolar" in section(read(example_site, "es", "schools/sierra-vista-middle/"), "people")


@pytest.mark.parametrize("lang", LANGS)
def test_a_school_whose_post_is_open_says_to_be_hired_and_shows_the_district_manager(example_site, lang):
    html = read(example_site, lang, "schools/mission-creek-high/")
    assert section(html, "coordinator") is None, "no coordinator card"
    contact = section(html, "school-contact")
    assert HIRING[lang] in contact
    assert card_names(contact) == ["Leticia Ramírez"], "the district's manager"
    assert 'href="mailto:leticia.ramirez@valleverde.example.org"' in contact
    # The interim coordinator and the nurse serve it: they are listed, not as its coordinator.
    assert card_names(section(html, "people")) == ["Joseph Dela Cruz", "Ana Paula Souza"]


def test_person_pages_list_every_school_they_serve(example_site):
    html = read(example_site, "en", "people/joseph-dela-cruz/")
    served = html.split('<dt>Schools</dt>')[1].split("</dd>")[0]
    assert [name for name in re.findall(r">([^<>]+)</a>", served)] == [
        "Valle Verde High School", "Mission Creek High School"]


def test_the_people_directory_still_lists_everyone_once(example_site, model):
    html = read(example_site, "en", "people/")
    names = re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a></h2>', html)
    assert sorted(names) == sorted(str(p.title("en")) for p in model.people)


# -- a school without a coordinator ---------------------------------------------------------


def drop_coordinator(project, extra: str = "") -> None:
    school = project.root / "content/en/schools/alder-elementary.md"
    school.write_text(school.read_text().replace("coordinator: ana-ruiz\n", extra))


def test_a_school_without_a_coordinator_shows_the_district_office_and_never_says_hiring(project, tmp_path):
    """Nobody said the district is hiring: the page must not claim it. It gives the district
    office from portal.yml, since the project has no manager."""
    drop_coordinator(project)
    site = build(project, tmp_path, "no-coordinator")
    for lang in LANGS:
        html = read(site, lang, "schools/alder-elementary/")
        contact = section(html, "school-contact")
        assert section(html, "coordinator") is None
        assert HIRING[lang] not in html
        assert "data-district-office" in contact
        assert 'href="mailto:communityschools@valleverde.example.org"' in contact
        assert 'href="tel:+15550101000"' in contact
        assert "400 Mission Avenue" in contact
    assert "Para recibir ayuda en esta escuela" in read(site, "es", "schools/alder-elementary/")


def test_a_school_hiring_a_coordinator_says_so_and_shows_the_managers_first(project, tmp_path):
    drop_coordinator(project, "coordinator_hiring: true\n")
    project.write("content/en/people/luz-ortega.md", """
        ---
        name: Luz Ortega
        role: manager
        email: luz.ortega@example.org
        ---
        """)
    site = build(project, tmp_path, "hiring")
    for lang in LANGS:
        contact = section(read(site, lang, "schools/alder-elementary/"), "school-contact")
        assert HIRING[lang] in contact
        assert card_names(contact) == ["Luz Ortega"]
        assert "data-district-office" not in contact


def test_a_manager_who_serves_a_school_without_a_coordinator_is_shown_once(project, tmp_path):
    drop_coordinator(project)
    project.write("content/en/people/luz-ortega.md", """
        ---
        name: Luz Ortega
        role: manager
        schools: [alder-elementary]
        ---
        """)
    project.write("content/en/people/eva-soto.md", """
        ---
        name: Eva Soto
        role: nurse
        schools: [alder-elementary]
        ---
        """)
    site = build(project, tmp_path, "manager-serving")
    html = read(site, "en", "schools/alder-elementary/")
    assert card_names(section(html, "school-contact")) == ["Luz Ortega"]
    assert card_names(section(html, "people")) == ["Eva Soto"]
    assert html.count(">Luz Ortega</a></h3>") == 1


def test_a_school_cannot_have_a_coordinator_and_be_hiring_one(project):
    school = project.root / "content/en/schools/alder-elementary.md"
    school.write_text(school.read_text().replace("coordinator: ana-ruiz\n",
                                                 "coordinator: ana-ruiz\ncoordinator_hiring: true\n"))
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1
    assert "content/en/schools/alder-elementary.md, line 11, field 'coordinator_hiring'" in result.output
    assert "names a coordinator and also says it is hiring one" in result.output
    assert "Traceback" not in result.output
