"""The visitor's language choice is remembered and offered on the next visit."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_choice_is_offered_on_the_next_visit_not_forced(page, model):
    school = model.items["schools"]["lincoln-elementary"]
    page.goto("")
    offer = page.locator("[data-lang-offer]")
    assert offer.is_hidden(), "no offer before any choice"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r"/es/$"))
    assert page.evaluate("localStorage.getItem('portal.language')") == "es"
    assert "nf_lang=es" in page.evaluate("document.cookie")

    # Later, the visitor follows a link to an English page: it stays English but offers Spanish.
    page.goto(school.path)
    assert page.locator("html").get_attribute("lang") == "en"
    link = page.locator('[data-offer-lang="es"] a')
    assert link.is_visible()
    assert link.get_attribute("lang") is None  # the paragraph carries lang="es"
    assert page.locator('[data-offer-lang="es"]').get_attribute("lang") == "es"
    link.click()
    page.wait_for_url(re.compile(r"/es/" + re.escape(school.path) + "$"))
    assert page.locator("[data-lang-offer]").is_hidden()


def test_staying_dismisses_the_offer_and_remembers(page):
    page.goto("es/")
    page.evaluate("localStorage.setItem('portal.language', 'en')")
    page.reload()
    assert page.get_by_role("link", name="Read this page in English").is_visible()
    stay = page.get_by_role("button", name="Stay in Spanish")
    assert stay.is_visible()
    stay.click()
    assert page.locator("[data-lang-offer]").is_hidden()
    assert page.evaluate("localStorage.getItem('portal.language')") == "es"
    page.reload()
    assert page.locator("[data-lang-offer]").is_hidden()


def test_without_javascript_the_root_offers_both_languages(page_without_js):
    page = page_without_js
    page.goto("")
    switcher = page.get_by_role("navigation", name="Language")
    assert switcher.get_by_role("link", name="English").is_visible()
    assert switcher.get_by_role("link", name="Español").is_visible()
    assert page.locator("[data-lang-offer]").is_hidden()


def _cookie(context) -> dict:
    (cookie,) = [c for c in context.cookies() if c["name"] == "nf_lang"]
    return cookie


def test_the_language_cookie_is_secure_on_https(browser, example_site):
    """On the public site (https) the cookie is Secure; Lax and for every path, as over http."""
    context = browser.new_context(base_url="https://portal.test/")

    def from_site(route):
        path = route.request.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        file = example_site / path
        route.fulfill(path=file / "index.html" if file.is_dir() else file)

    context.route("https://portal.test/**", from_site)
    page = context.new_page()
    try:
        page.goto("")
        page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
        page.wait_for_url(re.compile(r"/es/$"))
        cookie = _cookie(context)
        assert cookie["value"] == "es" and cookie["secure"] is True
        assert cookie["sameSite"] == "Lax" and cookie["path"] == "/"
    finally:
        context.close()


def test_the_language_cookie_is_set_over_http_too(page):
    page.goto("")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r"/es/$"))
    cookie = _cookie(page.context)
    assert cookie["value"] == "es" and cookie["secure"] is False
    assert cookie["sameSite"] == "Lax" and cookie["path"] == "/"
