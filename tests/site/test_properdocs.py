"""ProperDocs, the maintained fork of MkDocs 1.x, builds the same site as MkDocs.

MkDocs 1.6.1 is the last 1.x release; if it ever stops working, a district switches to
ProperDocs (README, "Switching to ProperDocs"). scripts/setup.sh --test makes
.venv-properdocs/, an environment with ProperDocs and without MkDocs, and this test builds the
example there, in a process of its own, and compares it with the example built with MkDocs.
"""
from __future__ import annotations

import filecmp
import shutil
import subprocess

import pytest

from support import EXAMPLE_NOW, REPO

PROPERDOCS_ENV = REPO / ".venv-properdocs" / "bin"

pytestmark = pytest.mark.skipif(
    not (PROPERDOCS_ENV / "portal").exists(),
    reason="no ProperDocs environment: scripts/setup.sh --test makes .venv-properdocs/")


def files(site) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_the_properdocs_environment_has_properdocs_and_no_mkdocs():
    """Otherwise the build below would not show anything about ProperDocs."""
    probe = ("import importlib.util; print(importlib.util.find_spec('mkdocs') is None); "
             "import generator.site.languages as b; print(b.engine.NAME, b.mkdocs_build.__module__)")
    out = subprocess.run([str(PROPERDOCS_ENV / "python"), "-c", probe], capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == ["True", "properdocs", "properdocs.commands.build"]


def test_properdocs_builds_the_example_byte_for_byte_as_mkdocs_does(example_site, tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(REPO / "portal.yml", root / "portal.yml")
    shutil.copytree(REPO / "content", root / "content")
    run = subprocess.run([str(PROPERDOCS_ENV / "portal"), "build", "-p", str(root), "--now", EXAMPLE_NOW],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    site = root / "site"
    assert files(site) == files(example_site)
    differ = [rel for rel in sorted(files(site))
              if not filecmp.cmp(site / rel, example_site / rel, shallow=False)]
    assert differ == [], f"these files differ between ProperDocs and MkDocs: {differ[:10]}"
