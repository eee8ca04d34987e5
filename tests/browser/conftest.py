"""Browser fixtures: the built example site over HTTP on localhost, and Chromium via Playwright."""
from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """Debian's Chromium (or PORTAL_CHROMIUM); None to use Playwright's own browser."""
    explicit = os.environ.get("PORTAL_CHROMIUM")
    if explicit:
        return explicit
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def base_url(example_site: Path):
    handler = functools.partial(QuietHandler, directory=str(example_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as pw:
        path = chromium_path()
        try:
            browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS, headless=True)
        except Error as exc:
            pytest.fail("No browser for the browser tests: install Debian's chromium "
                        f"(scripts/setup.sh --test does) or set PORTAL_CHROMIUM. ({exc})")
        yield browser
        browser.close()


def _page(browser, base_url, **options):
    """A page in a fresh browser context (no storage shared between tests)."""
    context = browser.new_context(base_url=base_url, **options)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(browser, base_url):
    """A phone-sized page."""
    yield from _page(browser, base_url, viewport={"width": 390, "height": 844})


@pytest.fixture
def wide(browser, base_url):
    """A desktop-sized page."""
    yield from _page(browser, base_url, viewport={"width": 1280, "height": 900})


@pytest.fixture
def page_without_js(browser, base_url):
    yield from _page(browser, base_url, java_script_enabled=False)


@pytest.fixture(scope="session")
def model():
    """The example content's model, to know what each page should show."""
    from generator.content.pipeline import build_site
    from support import EXAMPLE_NOW, REPO

    site, _ = build_site(REPO, now=EXAMPLE_NOW)
    return site
