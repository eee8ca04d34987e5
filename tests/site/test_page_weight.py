"""A weight budget for every page: its HTML and the CSS and JavaScript it loads, at most 75 KB.

Families read the site on cheap phones with pre-paid data. Images are left out: they come
in sizes for the screen (srcset) and load lazily; what is counted is what a phone must
download and parse before it can show the page. Sizes are uncompressed bytes, so the
budget holds on a host that does not compress.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

BUDGET = 75_000  # bytes
SHOWN = 10       # heaviest pages named when over


class Subresources(HTMLParser):
    """The stylesheets and scripts a page loads, as written in it."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def loaded_files(site: Path, page: Path) -> set[Path]:
    """The site files of the stylesheets and scripts a page loads (each counted once)."""
    scan = Subresources()
    scan.feed(page.read_text(encoding="utf-8"))
    served_at = "/" + page.relative_to(site).as_posix()
    files = set()
    for url in scan.urls:
        parts = urlsplit(urljoin(served_at, url))
        assert not parts.netloc, f"{served_at} loads {url} from another host"
        files.add(site / unquote(parts.path).lstrip("/"))
    return files


def weight(site: Path, page: Path) -> tuple[int, int]:
    """(total bytes, number of files) of a page and what it loads."""
    files = loaded_files(site, page)
    missing = [f for f in files if not f.is_file()]
    assert not missing, f"{page.relative_to(site)} loads missing files: {missing}"
    return page.stat().st_size + sum(f.stat().st_size for f in files), len(files) + 1


def test_every_page_with_its_css_and_js_is_at_most_75_kb(example_site):
    pages = sorted(example_site.rglob("*.html"))
    weights = {page.relative_to(example_site).as_posix(): weight(example_site, page) for page in pages}
    assert len(weights) >= 200 and all(files >= 3 for _, files in weights.values()), \
        "every page loads the stylesheet and the script"
    over = sorted(((size, rel) for rel, (size, _) in weights.items() if size > BUDGET), reverse=True)
    heaviest = "\n".join(f"{size / 1000:.1f} KB  {rel}" for size, rel in over[:SHOWN])
    assert not over, f"{len(over)} pages over {BUDGET / 1000:.0f} KB; the heaviest:\n{heaviest}"
