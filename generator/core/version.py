"""The generator's own version: a hash of its code and of the libraries that shape what it makes.

Whatever the build keeps from one run to the next (the last site's pages, the calendars' events
in ``.cache/``) is kept only while this stays the same: a new portal, or a new version of one
of these libraries, makes everything again.
"""
from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

GENERATOR_DIR = Path(__file__).resolve().parents[1]
LIBRARIES = ("mkdocs", "mkdocs-static-i18n", "properdocs", "markdown", "jinja2", "babel", "pillow",
             "icalendar", "feedgen", "nh3", "pyyaml", "python-frontmatter")


@cache
def code_version() -> str:
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(GENERATOR_DIR.rglob("*.py")):
        h.update(path.relative_to(GENERATOR_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        try:
            h.update(f"{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name} absent".encode())
    return h.hexdigest()
