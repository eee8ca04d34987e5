"""The site's one stylesheet, ``assets/portal.css``, assembled from the theme's parts.

The theme keeps its styles beside what they style: the base styles (variables,
typography, layout, header, footer, print basics and the page-level parts) in
``themes/portal/styles/base.css``, and each component's rules in
``themes/portal/components/<name>/<name>.css`` next to its template. A page
loads a single file, so the parts are joined here, always in the same order:
the base styles first, then every component's CSS sorted by the component's
name. Each part is preceded by a comment naming its source file, and nothing
else (no date, no path of the machine) goes in, so the same theme gives the
same bytes. The parts' own comments are for the people who read the theme and
stay there: families on pre-paid data do not download them (every page is
weighed with its stylesheet, tests/site/test_page_weight.py).
"""
from __future__ import annotations

import re
from pathlib import Path

from generator.content.model import Site
from generator.core.i18n import THEME_DIR
from generator.core.theme_files import COMPONENTS_DIR, STYLES_DIR, component_names
from generator.outputs.file import OutputFile

STYLESHEET = "assets/portal.css"
COMMENT = re.compile(r"/\*.*?\*/", re.S)  # the theme's CSS has no "/*" inside a string


def stylesheet_parts() -> list[Path]:
    """The files the stylesheet is made of, in the order they are joined."""
    parts = [STYLES_DIR / "base.css"]
    for name in component_names():
        css = COMPONENTS_DIR / name / f"{name}.css"
        if css.is_file():
            parts.append(css)
    return parts


def stylesheet(site: Site) -> str:
    """The text of ``assets/portal.css`` for this site: every part, each under its file's name.

    The site is an argument so that what depends on the district's settings can be
    added here, to the same file."""
    chunks = []
    for part in stylesheet_parts():
        name = part.relative_to(THEME_DIR).as_posix()
        chunks.append(f"/* ==== {name} ==== */\n{without_comments(part.read_text(encoding='utf-8'))}")
    return "".join(chunks)


def without_comments(css: str) -> str:
    """The rules of a CSS file as written, without its comments and blank lines."""
    lines = COMMENT.sub("", css).splitlines()
    return "".join(line.rstrip() + "\n" for line in lines if line.strip())


def stylesheet_files(site: Site, messages_for) -> list[OutputFile]:
    """The stylesheet as a file published once, at /assets/portal.css."""
    return [OutputFile(STYLESHEET, stylesheet(site), owner="theme stylesheet")]
