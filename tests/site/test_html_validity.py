"""The Nu Html Checker (the W3C's validator, `vnu-jar` from npm) over every page: zero errors.

html5lib in test_site.py checks that pages parse; vnu also checks the HTML standard's
content models and attributes (an `<li>` outside a list, an `aria-*` on the wrong role,
a bad `srcset`), which is what assistive technology relies on. One JVM checks the whole
site. `scripts/setup.sh --test` installs the pinned checker into `.venv/vnu/` and Java.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

VNU_JAR = Path(sys.prefix) / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CANARY = "<!doctype html><html lang=en><title>canary</title><ul><p>not a list item</p></ul>\n"


def run_vnu(files: list[Path]) -> list[dict]:
    """Every error the checker reports for the files (its JSON messages)."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail(f"The Nu Html Checker needs Java and {VNU_JAR}: run scripts/setup.sh --test.")
    done = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                           *map(str, files)], capture_output=True, text=True, timeout=600)
    return json.loads(done.stderr)["messages"]


def describe(message: dict, site: Path) -> str:
    where = message.get("url", "").removeprefix("file:")
    if where.startswith(str(site)):
        where = Path(where).relative_to(site).as_posix()
    return f"{where}, line {message.get('lastLine', '?')}: {message['message']}"


def test_every_page_has_no_html_error(example_site, tmp_path):
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) >= 200
    canary = tmp_path / "canary.html"  # proves the checker ran and its report was read
    canary.write_text(CANARY, encoding="utf-8")
    messages = run_vnu([canary, *pages])
    assert any(m.get("url", "").endswith("/canary.html") for m in messages), messages
    errors = [describe(m, example_site) for m in messages if not m.get("url", "").endswith("/canary.html")]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
