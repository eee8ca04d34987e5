"""Links in body text and documents per language, in a real browser, in both languages: each
page links to the item in its own language, the linked PDF is served, and a document in
another language is listed after the page's own, marked and named."""
from __future__ import annotations

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]
POST = "news/district-awarded-community-schools-grant/"
MEETING = "meetings/2026-11-19-district-advisory-council/"
OTHER = {"en": "es", "es": "en"}
REPORT = {"en": ("Milestone report", "files/2026-11-19-dac-milestone-report-en.pdf"),
          "es": ("Informe de las metas", "files/2026-11-19-dac-milestone-report-es.pdf")}
NAMED = {"en": "(English)", "es": "(Español)"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_to_an_item_opens_it_in_the_page_language(page, base_url, lang):
    page.goto(url(lang, POST))
    link = page.locator(".prose a[href*='grants/ccspp-implementation-2024']")
    assert link.count() == 1
    link.click()
    page.wait_for_load_state()
    assert page.url == base_url + url(lang, "grants/ccspp-implementation-2024/")
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", LANGS)
def test_a_linked_pdf_is_served(page, base_url, lang):
    page.goto(url(lang, POST))
    href = page.locator(".prose a[href$='ccspp-implementation-plan-summary.pdf']").get_attribute("href")
    response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href)
    assert response.status == 200
    assert response.body().startswith(b"%PDF-")
    assert page.locator(".prose a[href$='.md']").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_documents_list_the_page_language_first_and_mark_the_other(page, base_url, lang):
    page.goto(url(lang, MEETING))
    items = page.locator("ul.documents li")
    titles = [items.nth(i).locator("a").inner_text() for i in range(items.count())]
    own, other = REPORT[lang], REPORT[OTHER[lang]]
    assert titles.index(own[0]) == titles.index(other[0]) - 1
    own_link = page.locator(f"ul.documents a[href$='{own[1].split('/')[-1]}']")
    assert own_link.get_attribute("hreflang") is None
    other_item = items.nth(titles.index(other[0]))
    other_link = other_item.locator("a")
    assert other_link.get_attribute("hreflang") == OTHER[lang]
    assert other_link.locator(f"[lang='{OTHER[lang]}']").inner_text() == other[0]
    named = other_item.locator(f"span[lang='{OTHER[lang]}']", has_text=NAMED[OTHER[lang]])
    assert named.count() == 1
    assert NAMED[lang] not in items.nth(titles.index(own[0])).inner_text()
    for _, rel in REPORT.values():
        assert page.request.get(base_url + rel).status == 200
    assert_accessible(page)
