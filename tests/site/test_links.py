"""A crawl of the built example: no broken internal link, anchor, image or asset.

Every `href`, `src`, `srcset` and `<form action>` of every page, every address in a
`<meta content>` (Open Graph), and every `url(...)` of its stylesheets, that points inside
the site (relative, or absolute at `site_url`, `webcal://` included) must name a file of
the built site, and every `#fragment` must be an `id` on the page it points to. A family following a link from a
notice on a phone should never land on "page not found".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from support import REPO

SITE_URL = yaml.safe_load((REPO / "portal.yml").read_text(encoding="utf-8"))["site_url"]
SITE_HOST = urlsplit(SITE_URL).netloc
SITE_SCHEMES = {"http", "https", "webcal"}
URL_ATTRIBUTES = {"href", "xlink:href", "src", "action", "poster", "data"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""")


@dataclass(frozen=True)
class Reference:
    """One address written in the site: where it is (file and line) and what it says."""
    page: str
    line: int
    url: str

    def __str__(self) -> str:
        return f"{self.page}, line {self.line}: {self.url}"


class PageScan(HTMLParser):
    """The addresses a page refers to, and the ids a link can jump to on it."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.references: list[Reference] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in URL_ATTRIBUTES or (tag == "meta" and name == "content" and urlsplit(value).netloc):
                self.references.append(Reference(self.page, line, value))
            elif name in ("srcset", "imagesrcset"):
                self.references.extend(Reference(self.page, line, candidate.split()[0])
                                       for candidate in value.split(",") if candidate.strip())

    handle_startendtag = handle_starttag


@dataclass
class Crawl:
    """Every page's references and anchors, and the site's files, read once per session."""
    site: Path
    references: list[Reference]
    ids: dict[str, set[str]]  # site path of an HTML file -> the ids on it


def page_address(rel: str) -> str:
    """The address a file is served at: a folder's index.html at the folder."""
    return SITE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def target_file(site: Path, address: str) -> str | None:
    """The site path of the file an absolute address inside the site names, if there is one."""
    path = unquote(urlsplit(address).path).lstrip("/")
    candidate = site / path
    if path == "" or path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate.relative_to(site).as_posix() if candidate.is_file() else None


def inside_site(address: str) -> bool:
    parts = urlsplit(address)
    return parts.scheme in SITE_SCHEMES and parts.netloc == SITE_HOST


def references(site: Path) -> tuple[list[Reference], dict[str, set[str]]]:
    """Every address written in a built site's pages and stylesheets, and each page's ids
    (also crawled over the second example, test_second_example_gates.py)."""
    found, ids = [], {}
    for f in sorted(site.rglob("*")):
        rel = f.relative_to(site).as_posix()
        if f.suffix == ".html":
            scan = PageScan(rel)
            scan.feed(f.read_text(encoding="utf-8"))
            scan.close()
            found += scan.references
            ids[rel] = scan.ids
        elif f.suffix == ".css":
            text = f.read_text(encoding="utf-8")
            found += [Reference(rel, text.count("\n", 0, m.start()) + 1, m.group(2))
                      for m in CSS_URL.finditer(text)]
    return found, ids


@pytest.fixture(scope="module")
def crawl(example_site: Path) -> Crawl:
    return Crawl(example_site, *references(example_site))


def resolved(crawl: Crawl, ref: Reference) -> str | None:
    """The absolute address of a reference inside the site; None for other sites, mail, phone, data."""
    address = urljoin(page_address(ref.page), ref.url)
    return address if inside_site(address) else None


def test_the_crawl_sees_every_kind_of_reference(crawl):
    """Guard against a crawl that passes because it found nothing to follow."""
    assert len(crawl.ids) >= 200
    urls = [r.url for r in crawl.references]
    assert any(u.startswith("#") for u in urls), "in-page anchors"
    assert any(u.endswith(".webp") for u in urls), "srcset candidates"
    assert any(u.endswith(".css") for u in urls) and any(u.endswith(".js") for u in urls), "assets"
    assert any(u.startswith(SITE_URL) for u in urls), "absolute addresses at site_url"
    assert any(u.startswith("webcal://") for u in urls), "calendar subscriptions"
    assert any(u.startswith(SITE_URL + "cards/") for u in urls), "sharing cards in <meta>"


def test_every_internal_reference_names_a_file_of_the_site(crawl):
    broken = [f"{ref}  (no such file)" for ref in crawl.references
              if (address := resolved(crawl, ref)) and target_file(crawl.site, address) is None]
    assert not broken, f"{len(broken)} broken references:\n" + "\n".join(broken)


def test_every_fragment_exists_on_its_target_page(crawl):
    broken = []
    for ref in crawl.references:
        address = resolved(crawl, ref)
        fragment = unquote(urlsplit(address).fragment) if address else ""
        target = target_file(crawl.site, address) if fragment else None
        if target in crawl.ids and fragment not in crawl.ids[target]:
            broken.append(f"{ref}  (no id {fragment!r} on {target})")
    assert not broken, f"{len(broken)} broken anchors:\n" + "\n".join(broken)
