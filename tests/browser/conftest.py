"""Browser fixtures: the built example site over HTTP on localhost, and Chromium via Playwright."""
from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.site.headers import headers_for, load_rules
from support import EXAMPLE_NOW, MINIMAL, REPO, Project, own_vocabulary_project

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


class NetlifyHandler(SimpleHTTPRequestHandler):
    """Serves the built site with the headers netlify.toml gives each path, as Netlify does."""

    rules = load_rules(REPO)

    def end_headers(self):
        for name, value in headers_for(self.rules, urlsplit(self.path).path).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):  # keep test output readable
        pass


def _serve(site: Path):
    """Serve a built site on a free port, with netlify.toml's headers, until the session ends."""
    handler = functools.partial(NetlifyHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(example_site: Path):
    yield from _serve(example_site)


@pytest.fixture(scope="session")
def own_vocabulary_url(tmp_path_factory):
    """A small project with its own meeting groups, grant kinds and milestone steps
    (support.OWN_VOCABULARIES), built and served."""
    from generator.site.build import build

    project = own_vocabulary_project(tmp_path_factory.mktemp("own-vocabularies") / "proj")
    yield from _serve(build(project.root, now=EXAMPLE_NOW).site_dir)


@pytest.fixture(scope="session")
def chromium():
    """The Chromium the browser tests use and its flags, for tools that start their own
    (Lighthouse): (path or None, flags)."""
    return chromium_path(), list(CHROMIUM_FLAGS)


@pytest.fixture(scope="session")
def second_base_url(second_example_site: Path):
    """The second example project (examples/mesa-alta-high), served like the first."""
    yield from _serve(second_example_site)


@pytest.fixture
def serve():
    """Serve a site a test has built, as the examples are, until the test ends: ``serve(site)``
    gives its address."""
    servers = []

    def start(site: Path) -> str:
        servers.append(_serve(site))
        return next(servers[-1])

    yield start
    for server in servers:
        next(server, None)


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
def second_page(browser, second_base_url):
    """A phone-sized page on the second example's site."""
    yield from _page(browser, second_base_url, viewport={"width": 390, "height": 844})


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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def preview(tmp_path_factory):
    """``portal serve`` of a small project (with the repository's netlify.toml) on a free port.

    Yields its address; stopped at the end. It must answer within 120 seconds."""
    with _serving(_preview_project(tmp_path_factory)) as url:
        yield url


@pytest.fixture
def editable_preview(tmp_path_factory):
    """Like ``preview``, a server of its own for a test that edits the project: (address, project)."""
    root = _preview_project(tmp_path_factory)
    with _serving(root) as url:
        yield url, Project(root)


def _preview_project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("preview") / "proj"
    root.mkdir()
    project = Project(root)
    for rel, text in MINIMAL.items():
        project.write(rel, text)
    for name in ("portal.yml", "netlify.toml"):
        shutil.copy(REPO / name, root / name)
    return root


@contextmanager
def _serving(root: Path):
    """``portal serve`` of ``root`` on a free port, with the examples' fixed "now"."""
    port = _free_port()
    portal = Path(sys.executable).with_name("portal")
    log = root.parent / "serve.log"  # a file, not a pipe: a full pipe would stop the server
    with log.open("wb") as out:
        proc = subprocess.Popen([str(portal), "serve", "-p", str(root), "--now", EXAMPLE_NOW,
                                 "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while not _answers(url):
            if proc.poll() is not None:
                pytest.fail("portal serve stopped: " + log.read_text(errors="replace"))
            if time.monotonic() > deadline:
                pytest.fail("portal serve did not answer in 120 s: " + log.read_text(errors="replace"))
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except (urllib.error.URLError, ConnectionError):
        return False
