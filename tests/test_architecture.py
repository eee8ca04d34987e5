"""The code's structure: the pipeline's stages are packages, imports run one way, modules stay small.

docs/architecture.md explains the stages; the import-linter contracts in pyproject.toml state the rule.
"""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from support import REPO

GENERATOR = REPO / "generator"
MAX_LINES = 500


def contracts() -> dict[str, dict]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {c["id"]: c for c in config["contracts"]}


def test_imports_run_one_way_and_never_in_a_loop():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_stage_is_a_layer_of_the_contract_and_nothing_sits_beside_them():
    stages = {p.name for p in GENERATOR.iterdir() if (p / "__init__.py").is_file()}
    layers = [name.removeprefix("generator.") for name in contracts()["stages"]["layers"]]
    assert sorted(layers) == sorted(stages), "every subpackage of generator/ is a layer, and only those"
    assert layers[-1] == "core" and layers[0] == "cli"
    loose = sorted(p.name for p in GENERATOR.glob("*.py") if p.name != "__init__.py")
    assert loose == [], f"modules belong in a stage's folder: {loose}"
    assert contracts()["acyclic"]["ancestors"] == ["generator"]


def test_no_module_is_too_long_to_read_in_one_sitting():
    long = {p.relative_to(REPO).as_posix(): n for p in GENERATOR.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split these modules (over {MAX_LINES} lines): {long}"


def test_the_tests_mirror_the_stages():
    stages = {p.name for p in GENERATOR.iterdir() if (p / "__init__.py").is_file()}
    folders = {p.name for p in (REPO / "tests").iterdir() if p.is_dir() and any(p.glob("test_*.py"))}
    assert stages <= folders, f"tests/ needs a folder per stage: missing {sorted(stages - folders)}"
    assert folders - stages == {"browser"}
