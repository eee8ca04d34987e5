"""Shared fixtures: small projects made on the fly, and the built example site.

scripts/test.sh runs the suite on every core with pytest-xdist's ``--dist loadgroup``: each test
file is one unit of work (as with ``loadfile``, so a file's fixtures are made once), except the
tests that name an ``xdist_group`` of their own (the parts of tests/browser/test_every_page.py),
which go first, each to whichever worker is free. The examples are built once per run, by the
first worker that needs them, and the others read the same built site.
"""
from __future__ import annotations

import fcntl
import os
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


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items):
    """Every test without a group of its own is in its file's group. The tests with a group
    of their own, the long walk's parts, come first: started last, they would hold the run up
    at its end (scripts/test.sh keeps this order, with --no-loadscope-reorder)."""
    own_group = {item.nodeid for item in items if any(item.iter_markers("xdist_group"))}
    for item in items:
        if item.nodeid not in own_group:
            item.add_marker(pytest.mark.xdist_group(item.location[0]))
    items.sort(key=lambda item: item.nodeid not in own_group)


def _build_copy(root: Path, source: Path) -> Path:
    """Build a copy of a project (its portal.yml and content/) in ``root`` with the examples'
    fixed "now", so that the build's site_src/ and cache never land in the repository."""
    from generator.site.build import build

    root.mkdir(parents=True)
    for entry in ("portal.yml", "content"):
        src = source / entry
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / entry)
    return build(root, now=EXAMPLE_NOW).site_dir


def build_copy(tmp_path_factory, source: Path, name: str) -> Path:
    """The built copy of a project, made once per test run: pytest-xdist's workers share the
    folder above their own temporary folders, and the first to come builds there while the
    others wait on a lock (without pytest-xdist, each session builds its own). ``name`` names
    the project: one per source."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return _build_copy(tmp_path_factory.mktemp(name) / "repo", source)
    shared = tmp_path_factory.getbasetemp().parent / f"shared-{name}"
    shared.mkdir(exist_ok=True)
    done = shared / "built"
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not done.exists():
            shutil.rmtree(shared / "repo", ignore_errors=True)  # a build that failed half-way
            _build_copy(shared / "repo", source)
            done.touch()
    return shared / "repo" / "site"


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example district, built once per test session with a fixed "now"."""
    return build_copy(tmp_path_factory, REPO, "example")


@pytest.fixture(scope="session")
def second_example_site(tmp_path_factory) -> Path:
    """The second example project (examples/mesa-alta-high), built once per test session."""
    return build_copy(tmp_path_factory, SECOND_EXAMPLE, "second-example")
