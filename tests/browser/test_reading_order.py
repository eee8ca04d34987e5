"""Pages read in the order a family needs them: a grant's own text (which introduces "the
milestones below") before its milestones; a school's "About the school" right after its next
meeting, before the address, the contacts and the services."""
from __future__ import annotations

import pytest

from support import url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]


def top(locator) -> float:
    return locator.bounding_box()["y"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("grant", ["ccspp-implementation-2024", "friday-programmes-foundation-grant"])
def test_a_grants_text_comes_before_its_milestones(page, lang, grant):
    page.goto(url(lang, f"grants/{grant}/"))
    body = page.locator(".item--grant .prose")
    assert body.count() == 1 and body.inner_text().strip()
    assert top(page.locator(".item--grant dl.facts")) < top(body) < top(page.locator("#milestones"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("school", ["lincoln-elementary", "mission-creek-high"])
def test_about_the_school_comes_right_after_the_next_meeting(page, lang, school):
    page.goto(url(lang, f"schools/{school}/"))
    about = page.locator("#about")
    text = page.locator("section:has(> #about) .prose")
    assert text.inner_text().strip(), "the school's own text is under the heading"
    order = [top(page.locator(sel)) for sel in ("h1", "#next-meeting", "#about")]
    assert order == sorted(order), order
    after = [top(page.locator(sel).first) for sel in (".item--school dl.facts", "#coordinator, #school-contact",
                                                      "#services")]
    assert all(top(about) < y for y in after), (top(about), after)
