"""Where the theme keeps its parts: base styles, components and their examples.

``themes/portal/components/<name>/`` holds one component: its macros (``<name>.html``),
its styles (``<name>.css``) and its examples (``examples.yml``). The stylesheet is
assembled from these (generator.outputs.stylesheet), the component library's pages list
them (generator.derive.components) and show their examples (generator.site.examples).
"""
from __future__ import annotations

from generator.core.i18n import THEME_DIR

STYLES_DIR = THEME_DIR / "styles"
COMPONENTS_DIR = THEME_DIR / "components"
EXAMPLES_DIR = THEME_DIR / "examples"
EXAMPLES_FILE = "examples.yml"


def component_names() -> list[str]:
    """Every component of the theme: the folders of ``components/``, sorted by name."""
    return sorted(p.name for p in COMPONENTS_DIR.iterdir() if p.is_dir())


def components_with_examples() -> list[str]:
    """The components that have an examples file, sorted by name."""
    return [name for name in component_names() if (COMPONENTS_DIR / name / EXAMPLES_FILE).is_file()]
