"""The quality gates of the main example, over the second example's site
(examples/mesa-alta-high): the Nu Html Checker, the link crawl and the page-weight budget.

The gates' own modules hold the checks (test_html_validity.py, test_links.py,
test_page_weight.py); here they run on the second site, at its own address.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

from support import SECOND_EXAMPLE
from test_html_validity import CANARY, describe, run_vnu
from test_links import SITE_SCHEMES, Reference, references, target_file
from test_page_weight import BUDGET, weight

SITE_URL = yaml.safe_load((SECOND_EXAMPLE / "portal.yml").read_text(encoding="utf-8"))["site_url"]


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert len(found) >= 60, "every kind of page, in both languages"
    return found


def test_every_page_of_the_second_site_has_no_html_error(second_example_site, tmp_path):
    canary = tmp_path / "canary.html"  # proves the checker ran and its report was read
    canary.write_text(CANARY, encoding="utf-8")
    messages = run_vnu([canary, *pages(second_example_site)])
    assert any(m.get("url", "").endswith("/canary.html") for m in messages), messages
    errors = [describe(m, second_example_site) for m in messages
              if not m.get("url", "").endswith("/canary.html")]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def test_every_page_of_the_second_site_is_within_the_weight_budget(second_example_site):
    over = sorted((size, page.relative_to(second_example_site).as_posix())
                  for page in pages(second_example_site)
                  for size, _ in [weight(second_example_site, page)] if size > BUDGET)
    assert not over, f"{len(over)} pages over {BUDGET / 1000:.0f} KB: {over[-10:]}"


def resolved(ref: Reference) -> str | None:
    """The absolute address of a reference inside the second site (None for other sites)."""
    page = ref.page[: -len("index.html")] if ref.page.endswith("index.html") else ref.page
    address = urljoin(SITE_URL + page, ref.url)
    parts = urlsplit(address)
    inside = parts.scheme in SITE_SCHEMES and parts.netloc == urlsplit(SITE_URL).netloc
    return address if inside else None


def test_no_link_or_anchor_of_the_second_site_is_broken(second_example_site):
    refs, ids = references(second_example_site)
    assert any(r.url.startswith(SITE_URL) for r in refs), "absolute addresses at its site_url"
    broken = []
    for ref in refs:
        address = resolved(ref)
        if address is None:
            continue
        target = target_file(second_example_site, address)
        fragment = unquote(urlsplit(address).fragment)
        if target is None:
            broken.append(f"{ref}  (no such file)")
        elif fragment and target in ids and fragment not in ids[target]:
            broken.append(f"{ref}  (no id {fragment!r} on {target})")
    assert not broken, f"{len(broken)} broken references:\n" + "\n".join(broken)
