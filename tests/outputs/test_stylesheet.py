"""The published stylesheet, assets/portal.css, is assembled from the theme's base styles and
every component's CSS (generator/outputs/stylesheet.py)."""
from __future__ import annotations

import re

from generator.core.theme_files import COMPONENTS_DIR, STYLES_DIR
from generator.outputs.stylesheet import minified
from generator.site.project import fingerprint


def parts_named_in(css: str) -> list[str]:
    return re.findall(r"^/\* ==== (\S+) ==== \*/$", css, re.M)


def test_the_stylesheet_is_the_base_styles_then_every_component_by_name(example_site):
    css = (example_site / "assets" / "portal.css").read_text(encoding="utf-8")
    components = sorted(p.name for p in COMPONENTS_DIR.iterdir() if (p / f"{p.name}.css").is_file())
    assert len(components) >= 7
    assert parts_named_in(css) == ["styles/base.css"] + [f"components/{n}/{n}.css" for n in components]
    for part in [STYLES_DIR / "base.css"] + [COMPONENTS_DIR / n / f"{n}.css" for n in components]:
        assert minified(part.read_text(encoding="utf-8")) in css, \
            f"{part.name}'s rules are in the stylesheet, minified"
    assert "mobile first" in (STYLES_DIR / "base.css").read_text(encoding="utf-8")
    assert "mobile first" not in css, "the theme's comments are not published"


def test_the_parts_of_the_stylesheet_are_not_published_apart(example_site):
    assert (example_site / "assets" / "portal.css").is_file()
    published = [p.relative_to(example_site).as_posix() for p in (example_site / "components").rglob("*")
                 if p.is_file() and p.name != "index.html" and p.parent.name != "images"]
    assert published == [], "only the component library's pages and pictures are under /components/"
    assert not (example_site / "styles").exists()
    assert not list(example_site.rglob("*.yml")), "examples and catalogues stay in the theme"


def test_a_change_to_a_style_file_makes_the_preview_assemble_the_stylesheet_again(project):
    inputs = {entry[0] for entry in fingerprint(project.root)}
    assert str(STYLES_DIR / "base.css") in inputs
    assert str(COMPONENTS_DIR / "chart" / "chart.css") in inputs
