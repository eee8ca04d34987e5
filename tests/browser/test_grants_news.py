"""Grant, dashboard and news pages in a real browser: what people see, keyboard use, axe, print."""
from __future__ import annotations

import re

import pytest

from support import assert_accessible, url

pytestmark = pytest.mark.browser

LANGS = ["en", "es"]




@pytest.mark.parametrize("lang", LANGS)
def test_grant_dashboard_and_news_pages_pass_axe(page, lang):
    for path in ("grants/", "grants/ccspp-implementation-2024/", "grants/friday-programmes-foundation-grant/",
                 "grants/dashboard/", "news/", "news/page/2/", "news/friday-programmes-and-bronco-market/",
                 "news/a-friday-that-feels-like-ours/", "schools/mission-creek-high/"):
        response = page.goto(url(lang, path))
        assert response.ok, path
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)


def test_grant_timeline_has_an_accessible_name_and_a_list_to_follow(page):
    page.goto(url("en", "grants/ccspp-implementation-2024/"))
    picture = page.get_by_role("img", name=re.compile("Timeline of the milestones of Community Schools"))
    assert picture.is_visible()
    late = page.locator('[data-milestone="step-1-mission-creek-coordinator"]')
    assert "Late" in late.inner_text() and "was due August 15, 2026" in late.inner_text()
    assert page.get_by_role("heading", name="Step 1: Building structures").is_visible()
    assert page.locator(".progress__label", has_text="8 of 14 milestones done").is_visible()


def test_dashboard_charts_and_tables_show_the_same_numbers(page):
    page.goto(url("es", "grants/dashboard/"))
    assert page.get_by_role("img", name="Metas cumplidas en cada escuela").is_visible()
    table = page.get_by_role("table", name="Metas cumplidas del total, por escuela y por paso")
    row = table.get_by_role("row", name=re.compile("Lincoln"))
    assert "8 de 12" in row.inner_text()
    chart = page.locator("#chart-schools-title").locator("xpath=..")
    assert "8 de 12" in chart.text_content()
    funding = page.get_by_role("table", name="Fondos por programa o entidad financiadora")
    assert "$8,790,000" in funding.get_by_role("row", name=re.compile("Total")).inner_text()


def test_dashboard_prints_with_its_charts(page):
    page.goto(url("en", "grants/dashboard/"))
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    for chart in ("chart-schools", "chart-steps", "chart-funding"):
        box = page.locator(f"#{chart}-title").locator("xpath=..").bounding_box()
        assert box and box["width"] > 200 and box["height"] > 50
    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF")


def test_news_pagination_is_a_labelled_navigation(page):
    page.goto(url("en", "news/"))
    nav = page.get_by_role("navigation", name="News pages")
    current = nav.locator("[aria-current=page]")
    assert current.inner_text().strip().endswith("1")
    nav.get_by_role("link", name="Older posts").click()
    page.wait_for_url(re.compile(r"/news/page/2/$"))
    nav = page.get_by_role("navigation", name="News pages")
    assert nav.locator("[aria-current=page]").inner_text().strip().endswith("2")
    assert page.locator(".news-card").count() >= 1
    nav.get_by_role("link", name="Newer posts").click()
    page.wait_for_url(re.compile(r"/news/$"))


def test_post_shows_byline_featured_image_related_and_more_news(page):
    page.goto(url("es", "news/friday-programmes-and-bronco-market/"))
    assert "20 de octubre de 2026" in page.locator(".byline").inner_text()
    image = page.get_by_role("img", name=re.compile("plantel de la Preparatoria Valle Verde"))
    assert image.is_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    related = page.get_by_role("complementary", name="Relacionado")
    assert related.get_by_role("link", name=re.compile("Subvención para los Programas de los Viernes")).is_visible()
    assert page.get_by_role("heading", name="Más noticias").is_visible()
    page.goto(url("en", "news/a-friday-that-feels-like-ours/"))
    assert "by Dolores Ybarra, Guest columnist" in page.locator(".byline").inner_text()


@pytest.mark.parametrize("lang, words", [
    ("en", {"total": "$8,790,000", "in": "awarded in 2 grants", "asked": "$2,500,000",
            "apart": "requested in 1 grant application, not awarded yet", "status": "Applied for",
            "amount": "Amount requested", "awarded": "Awarded", "period": "January 2027 to December 2031"}),
    ("es", {"total": "$8,790,000", "in": "concedidos en 2 subvenciones", "asked": "$2,500,000",
            "apart": "solicitados en 1 solicitud de subvención, aún no otorgados", "status": "Solicitada",
            "amount": "Monto solicitado", "awarded": "Fecha de otorgamiento",
            "period": "de enero de 2027 a diciembre de 2031"}),
])
def test_an_application_is_shown_apart_and_never_as_awarded(page, lang, words):
    page.goto(url(lang, "grants/dashboard/"))
    funding = page.locator('[data-stat="funding"]').inner_text()
    assert words["total"] in funding and words["in"] in funding
    assert words["asked"] not in funding, "the amount applied for is not in the awarded total"
    applied = page.locator('[data-stat="applied"]').inner_text()
    assert words["asked"] in applied and words["apart"] in applied
    listed = page.locator('[data-grant="full-service-community-schools-application"]')
    assert words["status"] in listed.inner_text()

    page.goto(url(lang, "grants/full-service-community-schools-application/"))
    facts = page.locator("dl.facts")
    assert facts.locator(".badge").inner_text() == words["status"]
    text = facts.inner_text()
    assert words["amount"] in text and words["asked"] in text
    assert words["awarded"] not in text, "no award date or label on an application"
    assert words["period"] in text, "months are shown as months, without an invented day"
    assert_accessible(page)
