"""The security headers: tight in netlify.toml, and read from it by everything that serves the site."""
from __future__ import annotations

import re
import tomllib

import pytest

from generator.core.errors import PortalError
from generator.site.headers import headers_for, load_rules
from generator.site.preview import preview_csp
from support import REPO


@pytest.fixture(scope="module")
def every_page():
    return headers_for(load_rules(REPO), "/es/schools/lincoln-elementary/")


def csp_directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}


def test_the_content_security_policy_allows_only_what_pages_use(every_page):
    csp = csp_directives(every_page["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'"], "no data: images"
    assert csp["font-src"] == ["'none'"] and csp["connect-src"] == ["'self'"], "fetch from the site only"
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert not any("unsafe" in s or s in ("*", "data:", "http:", "https:") for v in csp.values() for s in v)


def test_https_only_no_devices_and_no_cross_origin_opener(every_page):
    hsts = every_page["Strict-Transport-Security"]
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 31536000
    policy = dict(p.strip().split("=", 1) for p in every_page["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"):
        assert policy.get(feature) == "()", f"{feature} is denied to every origin"
    assert every_page["Cross-Origin-Opener-Policy"] == "same-origin"
    assert every_page["X-Content-Type-Options"] == "nosniff"
    assert every_page["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_headers_follow_netlifys_matching_rules():
    rules = load_rules(REPO)
    config = tomllib.loads((REPO / "netlify.toml").read_text(encoding="utf-8"))
    everywhere = next(t["values"] for t in config["headers"] if t["for"] == "/*")
    for path in ("/", "/es/", "/assets/portal.css", "/images/a-1-480.webp", "/es/calendar/district.ics"):
        got = headers_for(rules, path)
        assert {k: got[k] for k in everywhere} == everywhere, path
    assert "Cache-Control" not in headers_for(rules, "/es/news/")
    assert headers_for(rules, "/assets/portal.js")["Cache-Control"] == "public, max-age=3600"
    assert "immutable" in headers_for(rules, "/images/a-1-480.webp")["Cache-Control"]
    assert "Cache-Control" not in headers_for(rules, "/es/images/"), "/images/* starts at the root"


def test_placeholders_later_rules_and_multi_line_values(tmp_path):
    (tmp_path / "netlify.toml").write_text('''
[[headers]]
  for = "/news/:slug/"
  [headers.values]
    X-Kind = "news"
    Content-Security-Policy = """
      default-src 'self';
      img-src 'self'"""
[[headers]]
  for = "/news/*"
  [headers.values]
    x-kind = "later"
''', encoding="utf-8")
    rules = load_rules(tmp_path)
    assert headers_for(rules, "/news/fair/") == {"Content-Security-Policy": "default-src 'self'; img-src 'self'",
                                                 "x-kind": "later"}
    assert headers_for(rules, "/news/fair/photo/") == {"x-kind": "later"}, ":slug is one segment"
    assert load_rules(tmp_path / "elsewhere") == (), "no netlify.toml: no headers"


def test_a_broken_netlify_toml_is_a_clear_error(tmp_path):
    (tmp_path / "netlify.toml").write_text("[[headers]\nfor = ", encoding="utf-8")
    with pytest.raises(PortalError, match="netlify.toml cannot be read"):
        load_rules(tmp_path)


def test_the_preview_allows_only_the_live_reload_script_and_its_polling(every_page):
    csp = csp_directives(preview_csp(every_page["Content-Security-Policy"], "abc123"))
    assert csp["script-src"] == ["'self'", "'nonce-abc123'"]
    assert csp["connect-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'"] and csp["default-src"] == ["'self'"]
    assert csp_directives(preview_csp(every_page["Content-Security-Policy"], None))["script-src"] == ["'self'"]


def test_no_page_needs_data_images_fonts_or_requests_from_script(example_site):
    """What the tightened policy forbids, nothing on the site uses."""
    for page in example_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|srcset|href)=["']?\s*data:""", html), page
    for css in example_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@font-face" not in text and not re.search(r"url\(\s*['\"]?data:", text), css
    for js in example_site.rglob("*.js"):
        text = js.read_text(encoding="utf-8")
        assert not re.search(r"\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource", text), js
