"""Where the theme keeps its parts: base styles and components.

``themes/portal/components/<name>/`` holds one component: its macros (``<name>.html``)
and its styles (``<name>.css``). The stylesheet is assembled from these
(generator.outputs.stylesheet).
"""
from __future__ import annotations

from generator.core.i18n import THEME_DIR

STYLES_DIR = THEME_DIR / "styles"
COMPONENTS_DIR = THEME_DIR / "components"


def component_names() -> list[str]:
    """Every component of the theme: the folders of ``components/``, sorted by name."""
    return sorted(p.name for p in COMPONENTS_DIR.iterdir() if p.is_dir())

