"""Schools and people: contact cards, schema.org data, the directory's pages, the services vocabulary."""
from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

import pytest
import vobject
from click.testing import CliRunner

from generator.cli.main import main
from generator.derive.directory import service_slug
from support import EXAMPLE_NOW, REPO

NOW = ["--now", EXAMPLE_NOW]


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def read(site: Path, lang: str, path: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def model():
    from generator.content.pipeline import build_site

    site, _ = build_site(REPO, now=EXAMPLE_NOW)
    return site


# -- contact cards ------------------------------------------------------------------------------------


def test_vcard_parses_and_carries_name_role_email_phone(example_site, model):
    person = model.items["people"]["maria-elena-vargas"]
    card = vobject.readOne((example_site / "people" / "maria-elena-vargas.vcf").read_text(encoding="utf-8"))
    assert card.fn.value == "María Elena Vargas"
    assert card.n.value.family == "Vargas" and card.n.value.given == "María Elena"
    assert card.title.value == "Community School Coordinator, Lincoln Elementary"
    assert card.role.value == "Community school coordinator"
    assert card.email.value == person.get("en", "email")
    assert card.tel.value == "+15550102114"
    assert "Office hours: Monday to Friday, 7:45 am" in card.note.value
    assert card.org.value == ["Valle Verde Unified School District"]


def test_spanish_vcard_is_in_spanish(example_site):
    card = vobject.readOne((example_site / "es" / "people" / "maria-elena-vargas.vcf").read_text(encoding="utf-8"))
    assert card.title.value == "Coordinadora de Escuela Comunitaria, Primaria Lincoln"
    assert card.role.value == "Coordinador(a) de escuela comunitaria"
    assert "Horario de atención: De lunes a viernes" in card.note.value
    assert card.url.value.endswith("/es/people/maria-elena-vargas/")


def test_every_person_page_links_to_a_card_that_exists(example_site, model):
    for person in model.people:
        for lang in ("en", "es"):
            html = read(example_site, lang, person.path)
            href = re.search(r'<a href="([^"]+\.vcf)" type="text/vcard">', html).group(1)
            target = (example_site / ("" if lang == "en" else "es") / person.path / href).resolve()
            assert target.is_file(), f"{lang} {person.slug}: {href}"
            card = vobject.readOne(target.read_text(encoding="utf-8"))
            assert card.fn.value == str(person.title(lang))


def test_a_language_whose_card_would_say_the_same_links_to_the_default_card(model, monkeypatch):
    from generator.outputs import vcard

    monkeypatch.setattr(vcard, "render", lambda site, person, lang, with_url=True:
                        f"card {lang}" if with_url else "the same words")
    vcard._CARDS.pop(model, None)
    try:
        person = model.items["people"]["marcus-bell"]
        assert vcard.card_path(model, person, "es") == "people/marcus-bell.vcf"
        files = {(f.rel, f.lang) for f in vcard.vcard_files(model, None) if "marcus" in f.rel}
        assert files == {("people/marcus-bell.vcf", "en")}
    finally:
        vcard._CARDS.pop(model, None)


def test_vcard_escapes_and_folds_long_lines():
    from generator.outputs.vcard import escape, fold

    assert escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne"
    folded = fold("NOTE:" + "ñ" * 100)
    assert all(len(line.encode("utf-8")) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "NOTE:" + "ñ" * 100


# -- schema.org ------------------------------------------------------------------------------------------


def jsonld(html: str) -> list[dict]:
    return [json.loads(block) for block in
            re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def school_data(html: str) -> dict:
    return next(d for d in jsonld(html) if "School" in json.dumps(d.get("@type")))


@pytest.mark.parametrize("slug, kind", [
    ("lincoln-elementary", "ElementarySchool"), ("sierra-vista-middle", "MiddleSchool"),
    ("valle-verde-high", "HighSchool"), ("cesar-chavez-k8", ["ElementarySchool", "MiddleSchool"]),
])
def test_school_pages_carry_schema_org_data(example_site, model, slug, kind):
    school = model.items["schools"][slug]
    for lang in ("en", "es"):
        data = school_data(read(example_site, lang, school.path))
        assert data["@context"] == "https://schema.org" and data["@type"] == kind
        assert data["name"] == str(school.title(lang))
        address = school.get(lang, "address")
        assert data["address"]["@type"] == "PostalAddress"
        assert data["address"]["streetAddress"] == address["street"]
        assert data["address"]["postalCode"] == address["postal_code"]
        assert data["telephone"] == school.get(lang, "phone")
        coordinator = school.coordinator
        point = data["contactPoint"]
        assert point["@type"] == "ContactPoint" and point["name"] == str(coordinator.title(lang))
        assert point["email"] == coordinator.get(lang, "email")
        assert point["telephone"] == coordinator.get(lang, "phone")


def test_school_photo_is_in_schema_org_data(example_site):
    data = school_data(read(example_site, "en", "schools/lincoln-elementary/"))
    assert re.fullmatch(r"https://[^/]+/images/lincoln-elementary-[0-9a-f]{10}-\d+\.jpg", data["image"])


def test_schema_org_data_cannot_break_out_of_its_script(project, tmp_path):
    school = project.root / "content/en/schools/alder-elementary.md"
    school.write_text(school.read_text().replace("name: Alder Elementary School",
                                                 'name: "Alder </script><script>alert(1)</script> & Co"'))
    out = tmp_path / "out"
    result = run("build", "-p", str(project.root), "--site-dir", str(out), *NOW)
    assert result.exit_code == 0, result.output
    html = read(out, "en", "schools/alder-elementary/")
    assert "<script>alert(1)" not in html
    assert school_data(html)["name"] == "Alder </script><script>alert(1)</script> & Co"


# -- the directory's pages --------------------------------------------------------------------------------


def card_names(html: str) -> set[str]:
    return {htmllib.unescape(re.sub(r"<[^>]+>", "", m)) for m in
            re.findall(r'<article class="card school-card".*?<h2 class="card__title"><a [^>]*>(.*?)</a>', html, re.S)}


def test_every_service_has_a_page_listing_exactly_the_schools_offering_it(example_site, model):
    for sid in model.settings.services:
        expected = {s for s in model.schools if sid in s.service_ids()}
        for lang in ("en", "es"):
            html = read(example_site, lang, f"schools/services/{service_slug(sid)}/")
            assert card_names(html) == {str(s.title(lang)) for s in expected}, (sid, lang)
            label = model.settings.services[sid].label[lang]
            assert htmllib.escape(label, quote=False) in html.split("<h1>")[1].split("</h1>")[0]


def test_grade_pages_list_the_schools_teaching_those_grades(example_site, model):
    html = read(example_site, "en", "schools/levels/middle/")
    assert card_names(html) == {"Sierra Vista Middle School", "César Chávez K-8 Academy"}
    html = read(example_site, "es", "schools/levels/elementary/")
    assert "César Chávez" in " ".join(card_names(html))
    assert not (example_site / "schools" / "levels" / "adult").exists(), "no page for a band no school teaches"


def test_directory_links_to_every_service_page_that_has_schools(example_site, model):
    html = read(example_site, "en", "schools/")
    for sid in model.settings.services:
        if any(sid in s.service_ids() for s in model.schools):
            assert f'href="services/{service_slug(sid)}/" data-filter="service" data-value="{sid}"' in html


def test_services_finder_lists_every_service_and_where_it_is(example_site, model):
    html = read(example_site, "es", "schools/services/")
    for sid, service in model.settings.services.items():
        block = re.search(rf'<li class="service-finder__item" data-service="{sid}">(.*?)</li>', html, re.S).group(1)
        assert htmllib.escape(service.label["es"], quote=False) in block
        for school in model.schools:
            short = str(school.get("es", "short_name") or school.title("es"))
            assert (htmllib.escape(short, quote=False) in block) == (sid in school.service_ids()), (sid, short)


def test_spanish_school_page_shows_spanish_service_labels_with_icons(example_site, model):
    html = read(example_site, "es", "schools/lincoln-elementary/")
    section = html.split('id="services"')[1].split("</section>")[0]
    assert "Despensa de alimentos" in section and "Food pantry" not in section
    assert section.count('<svg class="icon" aria-hidden="true" focusable="false"') == len(
        model.items["schools"]["lincoln-elementary"].service_ids())


def test_a_school_cannot_take_a_directory_name(project):
    project.write("content/en/schools/services.md", """
        ---
        name: Services High
        level: high
        grades: 9-12
        address: {street: 1 Main Street, city: Valle Verde, state: CA, postal_code: "95301"}
        ---
        """)
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1
    assert "content/en/schools/services.md" in result.output and "already used by the schools directory" in result.output


# -- the services vocabulary -------------------------------------------------------------------------------


def test_unknown_service_in_a_school_file_is_an_error_with_a_suggestion(project):
    school = project.root / "content/en/schools/alder-elementary.md"
    school.write_text(school.read_text().replace("services: [food_pantry, tutoring]", "services: [food_pantri, tutoring]"))
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1
    assert "content/en/schools/alder-elementary.md" in result.output
    assert '"food_pantri" is not a known choice' in result.output
    assert 'did you mean "food_pantry"?' in result.output


def settings_with(project, old: str, new: str) -> None:
    path = project.root / "portal.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old, new, words", [
    ("icon: food\n", "icon: fod\n", ['"fod" is not an icon of the theme', 'did you mean "food"?']),
    ("  food_pantry:\n", "  Food Pantry:\n", ["'Food Pantry' cannot be used as a service id", '"food_pantry"']),
    ("    icon: food\n", "", ["the service 'food_pantry' has no icon"]),
])
def test_services_vocabulary_is_checked(project, old, new, words):
    settings_with(project, old, new)
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1, result.output
    assert "portal.yml" in result.output
    for w in words:
        assert w in result.output, result.output


def test_a_service_label_missing_in_one_language_is_a_warning_and_falls_back_marked(project, tmp_path):
    settings_with(project, "label: {en: Food pantry, es: Despensa de alimentos}", "label: {en: Food pantry}")
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 0, result.output
    assert "the service 'food_pantry' has no label in 'es'" in result.output
    assert run("check", "-p", str(project.root), *NOW, "--strict").exit_code == 1
    site = tmp_path / "out"
    assert run("build", "-p", str(project.root), "--site-dir", str(site), *NOW).exit_code == 0
    html = (site / "es/schools/alder-elementary/index.html").read_text(encoding="utf-8")
    assert '<span lang="en">Food pantry</span>' in html


@pytest.mark.parametrize("block, words", [
    ("images:\n  widths: [480, big]\n", "field 'images.widths"),
    ("images:\n  max_bytes: 12\n", "a whole number from 10000"),
    ("images:\n  qualty: 80\n", 'did you mean "quality"?'),
])
def test_image_settings_are_checked(project, block, words):
    path = project.root / "portal.yml"
    settings = re.sub(r"^images:\n(?:[ #].*\n)*", "", path.read_text(encoding="utf-8"), flags=re.M)  # one block only
    path.write_text(settings + block, encoding="utf-8")
    result = run("check", "-p", str(project.root), *NOW)
    assert result.exit_code == 1 and words in result.output, result.output


def test_every_icon_the_settings_name_is_shipped(model):
    from generator.core.icons import icon_names

    assert {s.icon for s in model.settings.services.values()} <= set(icon_names())


def next_meeting_calls(project, tmp_path, name: str) -> dict[str, list[str]]:
    """The call links (text, tel: address) of the next-meeting card on the school page."""
    out = tmp_path / name
    result = run("build", "-p", str(project.root), "--site-dir", str(out), *NOW)
    assert result.exit_code == 0, result.output
    calls = {}
    for lang in ("en", "es"):
        card = read(out, lang, "schools/alder-elementary/").split('class="next-meeting__box"')[1].split("</article>")[0]
        calls[lang] = [(re.sub(r"<[^>]+>", "", text).strip(), href) for href, text in
                       re.findall(r'<a class="target" href="(tel:[^"]+)">(.*?)</a>', card, re.S)]
    return calls


def test_the_next_meeting_card_calls_the_coordinator_then_the_school_office(project, tmp_path):
    """Without a phone for the meeting's accessibility contact, the card offers the coordinator's
    number; without that, the school's; with no number at all, no call link."""
    assert next_meeting_calls(project, tmp_path, "coordinator") == {
        "en": [("Call Ana Ruiz: (555) 010-2000", "tel:+15550102000")],
        "es": [("Llamar a Ana Ruiz: (555) 010-2000", "tel:+15550102000")]}
    person = project.root / "content/en/people/ana-ruiz.md"
    person.write_text(person.read_text().replace("phone: (555) 010-2000\n", ""))
    school = project.root / "content/en/schools/alder-elementary.md"
    school.write_text(school.read_text().replace("coordinator: ana-ruiz\n",
                                                 "coordinator: ana-ruiz\nphone: (555) 010-3000\n"))
    assert next_meeting_calls(project, tmp_path, "school")["en"] == [
        ("Call Alder Elementary School: (555) 010-3000", "tel:+15550103000")]
    school.write_text(school.read_text().replace("phone: (555) 010-3000\n", ""))
    assert next_meeting_calls(project, tmp_path, "nobody") == {"en": [], "es": []}
