"""Shared fixtures: small projects made on the fly, and the built example site."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import EXAMPLE_NOW, MINIMAL, REPO, Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A valid two-language project with a school, a person and a meeting."""
    p = Project(tmp_path / "proj")
    p.root.mkdir()
    shutil.copy(REPO / "portal.yml", p.root / "portal.yml")
    for rel, text in MINIMAL.items():
        p.write(rel, text)
    return p


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example district, built once per test session with a fixed "now"."""
    from generator.site.build import build

    work = tmp_path_factory.mktemp("example")
    root = work / "repo"
    root.mkdir()
    for name in ("portal.yml", "content"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    result = build(root, now=EXAMPLE_NOW)
    return result.site_dir
