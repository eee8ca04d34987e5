"""Reproducible builds: the same content at the same "now" gives the same site, byte for byte."""
from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from generator.site.build import build
from support import EXAMPLE_NOW, REPO


def copy_of_example(root: Path) -> Path:
    root.mkdir()
    shutil.copy(REPO / "portal.yml", root / "portal.yml")
    shutil.copytree(REPO / "content", root / "content")
    return root


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_two_builds_of_the_same_content_are_identical(example_site, tmp_path):
    """A second, separate build (its own folder, its own image cache) gives the same bytes."""
    again = build(copy_of_example(tmp_path / "again"), now=EXAMPLE_NOW).site_dir
    assert files(again) == files(example_site)
    differ = [rel for rel in sorted(files(again)) if not filecmp.cmp(again / rel, example_site / rel, shallow=False)]
    assert differ == [], f"these files differ between two builds: {differ[:10]}"
