"""Helpers shared by the tests (importable from any test folder)."""
from __future__ import annotations

import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_NOW = "2026-11-23 12:00"  # the example content is written around this day


class Project:
    """A throwaway portal project in a temporary folder."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()


def url(lang: str, path: str) -> str:
    """A page's path below the site root in a language (the default, English, has no prefix)."""
    return ("" if lang == "en" else f"{lang}/") + path


_AXE = None
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def assert_accessible(page) -> None:
    """axe-core finds no WCAG 2.1 A/AA (or best-practice) violation on the page as it is now."""
    global _AXE
    if _AXE is None:
        from axe_playwright_python.sync_playwright import Axe
        _AXE = Axe()
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()
