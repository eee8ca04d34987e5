"""``portal serve`` sends the headers of netlify.toml, and live reload still works under them."""
from __future__ import annotations

import re
import urllib.request

import pytest

from generator.site.headers import headers_for, load_rules
from support import REPO


def fetch(address: str) -> tuple[dict[str, str], str]:
    with urllib.request.urlopen(address, timeout=30) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read().decode("utf-8")


def test_serve_sends_the_headers_of_netlify_toml(preview):
    rules = load_rules(REPO)
    for path in ("", "es/schools/alder-elementary/", "assets/portal.css"):
        headers, body = fetch(preview + path)
        expected = headers_for(rules, "/" + path)
        for name, value in expected.items():
            if name != "Content-Security-Policy":
                assert headers[name.lower()] == value, (path, name)
        csp = headers["content-security-policy"]
        assert "img-src 'self';" in csp and "object-src 'none'" in csp and "connect-src 'self'" in csp
        nonces = re.findall(r"'nonce-([^']+)'", csp)
        if path.endswith(".css"):
            assert nonces == [] and "cache-control" in headers, "no script, so no nonce"
            continue
        (nonce,) = nonces
        inline = re.findall(r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json))([^>]*)>", body)
        assert inline == [f' nonce="{nonce}"'], "only live reload's script is inline, with the nonce"
    first, second = (fetch(preview)[0]["content-security-policy"] for _ in range(2))
    assert first != second, "a new nonce for every response"


@pytest.mark.browser
def test_live_reload_runs_under_the_preview_policy(browser, preview):
    context = browser.new_context()
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(msg.text))
    try:
        page.goto(preview)
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)
        assert "Enabled live reload" in messages, messages
        assert not [m for m in messages if "Refused to" in m], messages
    finally:
        context.close()
