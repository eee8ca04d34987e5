"""The site's one stylesheet, ``assets/portal.css``, assembled from the theme's parts.

The theme keeps its styles beside what they style: the base styles (variables,
typography, layout, header, footer, print basics and the page-level parts) in
``themes/portal/styles/base.css``, and each component's rules in
``themes/portal/components/<name>/<name>.css`` next to its template. A page
loads a single file, so the parts are joined here, always in the same order:
the base styles first, then every component's CSS sorted by the component's
name. The district's colours come first, as CSS variables made from its settings
(generator.outputs.theme_colours). Each part is preceded by a comment naming its source file, and nothing
else (no date, no path of the machine) goes in, so the same theme gives the
same bytes. The parts' own comments and layout are for the people who read the
theme and stay there: each part is published minified (rcssmin), because
families on pre-paid data download it with every first page (every page is
weighed with its stylesheet, tests/site/test_page_weight.py).
"""
from __future__ import annotations

from pathlib import Path

import rcssmin

from generator.content.model import Site
from generator.core.i18n import THEME_DIR
from generator.core.theme_files import COMPONENTS_DIR, STYLES_DIR, component_names
from generator.outputs.file import OutputFile
from generator.outputs.theme_colours import colour_variables

STYLESHEET = "assets/portal.css"


def stylesheet_parts() -> list[Path]:
    """The files the stylesheet is made of, in the order they are joined."""
    parts = [STYLES_DIR / "base.css"]
    for name in component_names():
        css = COMPONENTS_DIR / name / f"{name}.css"
        if css.is_file():
            parts.append(css)
    return parts


def stylesheet(site: Site) -> str:
    """The text of ``assets/portal.css`` for this site: the district's colours, then every
    part, each under its file's name."""
    chunks = [colour_variables(site.settings.colour)]
    for part in stylesheet_parts():
        name = part.relative_to(THEME_DIR).as_posix()
        chunks.append(f"/* ==== {name} ==== */\n{minified(part.read_text(encoding='utf-8'))}\n")
    return "".join(chunks)


def minified(css: str) -> str:
    """The rules of a CSS file without its comments and the spaces and line breaks that only
    help people read it."""
    return rcssmin.cssmin(css)


def stylesheet_files(site: Site, messages_for) -> list[OutputFile]:
    """The stylesheet as a file published once, at /assets/portal.css."""
    return [OutputFile(STYLESHEET, stylesheet(site), owner="theme stylesheet")]
