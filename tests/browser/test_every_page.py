"""axe on every page of the built example, on a phone and on a desktop, in every language.

The page-type tests check one page of each kind; this gate walks all of them, because a
violation often hides in one item's data (a long name, a person serving three schools).
It adds WCAG 2.2 A/AA to the rules of `support.AXE_TAGS`: target size matters most to
families tapping on small phones.

The walk is split into CHUNKS interleaved parts, each in an xdist group of its own, so that
`scripts/test.sh` shares it among its workers (the longest file of the suite otherwise holds
one worker for minutes). In each part one browser page does the walk, and axe is injected once
per page: navigate at phone width, run axe, widen, run it again. The report names every page
and width that fails, not just the first.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe, AxeResults

from support import AXE_TAGS

pytestmark = pytest.mark.browser

WIDTHS = [(390, 844), (1280, 900)]  # the phone and desktop sizes of tests/browser/conftest.py
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS + ["wcag22a", "wcag22aa"]},
               "resultTypes": ["violations"]}
PAGE_TIMEOUT_MS = 15_000  # one stuck page fails the walk instead of holding it up
CHUNKS = 4  # parts of the walk; together they visit every page once


def every_page(site: Path) -> list[str]:
    """Every published page as a path below the site root: each index.html and the 404 pages."""
    return sorted(f.relative_to(site).as_posix() for f in site.rglob("*.html"))


def axe_violations(page) -> AxeResults:
    """Run the already injected axe on the page as it is laid out now."""
    return AxeResults(page.evaluate(f"axe.run(document, {json.dumps(AXE_OPTIONS)})"))


def axe_failures(page, paths: list[str]) -> list[str]:
    """Each page view (every page at each of WIDTHS) with an axe violation, and its report
    (also run over the second example, tests/browser/test_second_example_pages.py)."""
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    axe_script = Axe().axe_script
    failures = []
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[0][0], "height": WIDTHS[0][1]})
        response = page.goto(path)
        assert response.ok, f"/{path}: HTTP {response.status}"
        page.evaluate(axe_script)
        for width, height in WIDTHS:
            page.set_viewport_size({"width": width, "height": height})
            results = axe_violations(page)
            if results.violations_count:
                failures.append(f"/{path} at {width} px: {results.generate_report()}")
    return failures


def test_the_walk_includes_the_home_and_404_pages_in_each_language(example_site):
    assert {"index.html", "es/index.html", "404.html", "es/404.html"} <= set(every_page(example_site))


# Each part walks every CHUNKS-th page (interleaved, so that each gets pages of every kind).
@pytest.mark.parametrize("chunk", [pytest.param(n, marks=pytest.mark.xdist_group(f"every-page-{n}"))
                                   for n in range(CHUNKS)])
def test_every_page_passes_axe_at_phone_and_desktop_width(page, example_site, chunk):
    paths = every_page(example_site)[chunk::CHUNKS]
    started = time.monotonic()
    failures = axe_failures(page, paths)
    print(f"\naxe, part {chunk + 1} of {CHUNKS}: {len(paths)} pages at {len(WIDTHS)} widths "
          f"in {time.monotonic() - started:.0f} s")
    assert not failures, f"{len(failures)} page views with violations:\n\n" + "\n\n".join(failures)
