"""Every kind of page works under the real headers of netlify.toml: no CSP violation anywhere.

The site is served by tests/browser/conftest.py with the headers netlify.toml
gives each path, so a page that needed an inline script, a style attribute, a
data: image, a font or a request would be refused here as on Netlify.
"""
from __future__ import annotations

import pytest

from support import url

pytestmark = pytest.mark.browser

# Collect violations from the page itself (an init script is not subject to the page's policy).
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def page_types(model) -> dict[str, str]:
    meeting = model.items["meetings"]["2026-12-08-lincoln-sac"]
    first = lambda kind: next(iter(model.items[kind].values()))  # noqa: E731
    return {
        "home": "", "schools": "schools/", "people": "people/", "meetings": "meetings/",
        "grants": "grants/", "news": "news/",
        "a school": first("schools").path, "a person": first("people").path,
        "a meeting": meeting.path, "its flyer": meeting.path + "flyer/",
        "the month calendar": "meetings/calendar/2026-12/", "a grant": first("grants").path,
        "the dashboard": "grants/dashboard/", "a news post": first("news").path,
        "a page": first("pages").path, "not found": "404.html",
    }


def test_the_server_sends_netlifys_headers(page, base_url):
    response = page.goto(base_url)
    headers = response.headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert "max-age" in headers["strict-transport-security"]
    assert "camera=()" in headers["permissions-policy"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_page_type_breaks_the_content_security_policy(browser, base_url, model, lang):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    context.add_init_script(LISTEN)
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda msg: refused.append(msg.text) if "Refused to" in msg.text else None)
    try:
        for name, path in page_types(model).items():
            response = page.goto(url(lang, path))
            assert response.ok, f"{name}: {response.status}"
            page.wait_for_load_state("load")
            violations = page.evaluate("window.__cspViolations")
            assert violations == [] and refused == [], f"{lang} {name} ({path}): {violations} {refused}"
    finally:
        context.close()


def test_a_violation_would_be_seen(browser, base_url):
    """The check above can fail: a data: image added to a page is refused and reported."""
    context = browser.new_context(base_url=base_url)
    context.add_init_script(LISTEN)
    page = context.new_page()
    try:
        page.goto("")
        page.evaluate("""() => new Promise(done => {
            document.addEventListener("securitypolicyviolation", () => done(), {once: true});
            const img = document.createElement("img");
            img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
            document.body.append(img);
        })""")
        assert any(v.startswith("img-src") for v in page.evaluate("window.__cspViolations"))
    finally:
        context.close()
