"""Build the example site from a commit and from the working tree, and compare them byte for byte.

    .venv/bin/python scripts/compare_builds.py REV [--epoch SECONDS]

For changes that must not change the site (a restructuring, a speed-up): both
builds use the same SOURCE_DATE_EPOCH, so "now" is the same, and each uses its
own code, theme and content. The commit is checked out into a temporary git
worktree. Each build runs in its own Python process with that tree first on
sys.path and the MkDocs plugin entry point read from that tree's
pyproject.toml, so the two need not agree on where modules live. Exit 0 when
the trees are identical, 1 with the differing files otherwise.
"""
from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Runs in a child process: build TREE's example into OUT with TREE's own code.
CHILD = r"""
import sys, tomllib
from importlib.metadata import EntryPoint
tree, project = sys.argv[1], sys.argv[2]
sys.path.insert(0, tree)
meta = tomllib.load(open(f"{tree}/pyproject.toml", "rb"))["project"]
import mkdocs.plugins
installed = mkdocs.plugins.get_plugins()
own = meta["entry-points"]["mkdocs.plugins"]["portal"]
installed["portal"] = EntryPoint("portal", own, "mkdocs.plugins")
mkdocs.plugins.get_plugins = lambda: installed
module, _, name = meta["scripts"]["portal"].partition(":")
main = getattr(__import__(module, fromlist=[name]), name)
import generator
assert generator.__file__.startswith(tree), generator.__file__
main(["build", "--project", project], standalone_mode=True)
"""


def build(tree: Path, work: Path, epoch: str) -> Path:
    project = work / "project"
    project.mkdir(parents=True)
    shutil.copy(tree / "portal.yml", project / "portal.yml")
    shutil.copytree(tree / "content", project / "content")
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "PYTHONWARNINGS": "ignore::UserWarning"}
    subprocess.run([sys.executable, "-c", CHILD, str(tree), str(project)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return project / "site"


def differences(a: Path, b: Path) -> list[str]:
    out = []
    names_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    out += [f"only in {a.parent.parent.name}: {n}" for n in sorted(names_a - names_b)]
    out += [f"only in {b.parent.parent.name}: {n}" for n in sorted(names_b - names_a)]
    out += [f"differs: {n}" for n in sorted(names_a & names_b)
            if not filecmp.cmp(a / n, b / n, shallow=False)]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the commit to compare with, e.g. HEAD or main~3")
    parser.add_argument("--epoch", default="1795435200", help="SOURCE_DATE_EPOCH for both builds "
                        "(default: 2026-11-23 12:00 UTC, the day the example is written around)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="portal-compare-") as tmp:
        tmp = Path(tmp)
        old_tree = tmp / "rev"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(old_tree), args.rev],
                       check=True)
        try:
            old = build(old_tree, tmp / "old", args.epoch)
            new = build(REPO, tmp / "new", args.epoch)
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(old_tree)], check=True)
        found = differences(old, new)
        count = sum(1 for p in new.rglob("*") if p.is_file())
        if found:
            print("\n".join(found))
            print(f"{len(found)} difference(s) between {args.rev} and the working tree.")
            return 1
        print(f"Identical: {count} files, {args.rev} and the working tree (SOURCE_DATE_EPOCH={args.epoch}).")
        return 0


if __name__ == "__main__":
    sys.exit(main())
