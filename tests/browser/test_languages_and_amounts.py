"""Languages and amounts as families read them: interpretation in Mixteco on a meeting page in
both languages (a language Babel does not name), and Spanish amounts written as in the US."""
from __future__ import annotations

import re

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

MEETING = "meetings/2027-03-04-las-palmas-sac/"  # interpretation: [es, vi, mix, trs]


@pytest.mark.parametrize("lang, mixtec, spanish, label", [
    ("en", "Mixtec", "Spanish", "Interpretation:"),
    ("es", "Mixteco", "español", "Interpretación:"),
])
def test_a_meeting_offers_interpretation_in_mixteco_in_each_language(page, lang, mixtec, spanish, label):
    page.goto(url(lang, MEETING))
    support = page.locator(".support--interpretation").first
    text = support.inner_text()
    assert text.startswith(label) and mixtec in text and spanish in text, text
    assert "mix" not in re.split(r"[:,]\s*", text), "the code is never shown for a name"
    assert_accessible(page)


def test_a_language_only_the_iso_table_names_is_marked_as_english_on_a_spanish_page(page):
    page.goto(url("es", MEETING))
    triqui = page.locator(".support--interpretation").first.locator('span[lang="en"]')
    assert triqui.inner_text() == "Chicahuaxtla Triqui"
    assert page.locator(".support--interpretation").first.locator('span[lang="en"]', has_text="Mixteco").count() == 0
    page.goto(url("en", MEETING))
    assert page.locator(".support--interpretation").first.locator("span[lang]").count() == 0


@pytest.mark.parametrize("path", ["grants/ccspp-implementation-2024/", "grants/dashboard/"])
def test_spanish_amounts_read_as_in_california(page, path):
    page.goto(url("es", path))
    body = page.locator("main").inner_text()
    assert "$8,550,000" in body
    assert "8.550.000" not in body and "US$" not in body, "not as written in Spain"
    assert "de 2024" in body or "de 2026" in body, "dates stay in Spanish"
