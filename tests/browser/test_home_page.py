"""The home page says what the district's home file says (content/<lang>/home.md), in each
language, with the sections it chooses in its order; without a home file it says nothing about
the district beyond its name."""
from __future__ import annotations

import pytest

from generator.site.build import build
from support import EXAMPLE_NOW, assert_accessible, url

pytestmark = pytest.mark.browser

# The claim every district's home page used to make, whatever its schools were.
OLD_CLAIM = {"en": "is a community school", "es": "son escuelas comunitarias"}
DISTRICT = {"en": "Valle Verde Unified School District", "es": "Distrito Escolar Unificado de Valle Verde"}
HOME = {
    "en": """
        ---
        heading: Alder's community school
        description: What Alder Elementary offers families, and when its council meets.
        sections: [schools, next_meeting]
        ---
        Only **Alder Elementary** has the state grant this year: read [about the council](pages/council.md).
        """,
    "es": """
        ---
        heading: La escuela comunitaria de Alder
        description: Lo que la Primaria Alder ofrece a las familias y cuándo se reúne su consejo.
        ---
        Solo la **Primaria Alder** tiene la subvención del estado este año: lea [sobre el consejo](pages/council.md).
        """,
}
INTRO = {"en": "Only Alder Elementary has the state grant this year: read about the council.",
         "es": "Solo la Primaria Alder tiene la subvención del estado este año: lea sobre el consejo."}
PAGE = {"en": "---\ntitle: The council\n---\nIt meets monthly.\n",
        "es": "---\ntitle: El consejo\n---\nSe reúne cada mes.\n"}


def home_text(page, lang: str) -> str:
    page.goto(url(lang, ""))
    return page.locator("main").inner_text()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_without_a_home_file_the_home_page_names_the_district_and_claims_nothing(
        project, serve, browser, lang):
    site = build(project.root, now=EXAMPLE_NOW).site_dir
    context = browser.new_context(base_url=serve(site), viewport={"width": 390, "height": 844})
    page = context.new_page()
    text = home_text(page, lang)
    assert page.locator("h1").inner_text() == DISTRICT[lang]
    assert OLD_CLAIM[lang] not in text
    assert page.locator(".hero .prose").count() == 0, "no introduction nobody wrote"
    sections = page.locator("main section[aria-labelledby]")
    assert [sections.nth(i).get_attribute("aria-labelledby") for i in range(sections.count())] == [
        "next-meeting", "find-school"], "every section, in the usual order (no news or pages to list)"
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_home_page_shows_the_intro_and_sections_its_home_file_gives(
        project, serve, browser, lang, width):
    for code in ("en", "es"):
        project.write(f"content/{code}/home.md", HOME[code])
        project.write(f"content/{code}/pages/council.md", PAGE[code])
    site = build(project.root, now=EXAMPLE_NOW).site_dir
    context = browser.new_context(base_url=serve(site), viewport={"width": width, "height": 900})
    page = context.new_page()
    text = home_text(page, lang)
    heading = HOME[lang].split("heading: ")[1].split("\n")[0]
    assert page.locator("h1").inner_text() == heading
    assert page.locator(".hero .prose").inner_text().strip() == INTRO[lang]
    assert page.locator(".hero .prose a").get_attribute("href") == "council/"
    assert OLD_CLAIM[lang] not in text and DISTRICT[lang] not in page.locator("h1").inner_text()
    description = HOME[lang].split("description: ")[1].split("\n")[0]
    assert page.locator('meta[name="description"]').get_attribute("content") == description
    sections = page.locator("main section[aria-labelledby]")
    assert [sections.nth(i).get_attribute("aria-labelledby") for i in range(sections.count())] == [
        "find-school", "next-meeting"], "the home file's sections, in its order, and no others"
    assert page.locator('[role="note"]').count() == 0, "the Spanish home file is a translation"
    assert_accessible(page)
    context.close()


def test_an_untranslated_home_file_is_shown_marked_in_spanish(project, serve, browser):
    project.write("content/en/home.md", HOME["en"])
    project.write("content/en/pages/council.md", PAGE["en"])
    site = build(project.root, now=EXAMPLE_NOW).site_dir
    context = browser.new_context(base_url=serve(site), viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(url("es", ""))
    assert page.locator('[role="note"]').inner_text().startswith("Esta página todavía no está traducida")
    assert page.locator(".hero .prose").get_attribute("lang") == "en"
    assert page.locator("h1").get_attribute("lang") == "en"
    assert page.locator(".hero .prose").inner_text().strip() == INTRO["en"]
    context.close()
