"""Shared fixtures: small projects made on the fly, and the built example site."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import EXAMPLE_NOW, MINIMAL, REPO, SECOND_EXAMPLE, Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A valid two-language project with a school, a person and a meeting."""
    p = Project(tmp_path / "proj")
    p.root.mkdir()
    shutil.copy(REPO / "portal.yml", p.root / "portal.yml")
    for rel, text in MINIMAL.items():
        p.write(rel, text)
    return p


def build_copy(tmp_path_factory, source: Path, name: str) -> Path:
    """Build a copy of a project (its portal.yml and content/) with the examples' fixed "now",
    so that the build's site_src/ and cache never land in the repository."""
    from generator.site.build import build

    root = tmp_path_factory.mktemp(name) / "repo"
    root.mkdir()
    for entry in ("portal.yml", "content"):
        src = source / entry
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / entry)
    return build(root, now=EXAMPLE_NOW).site_dir


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example district, built once per test session with a fixed "now"."""
    return build_copy(tmp_path_factory, REPO, "example")


@pytest.fixture(scope="session")
def second_example_site(tmp_path_factory) -> Path:
    """The second example project (examples/mesa-alta-high), built once per test session."""
    return build_copy(tmp_path_factory, SECOND_EXAMPLE, "second-example")
