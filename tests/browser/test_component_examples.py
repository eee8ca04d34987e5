"""Every example of every theme component passes axe at phone and desktop width, in both
languages (the Nu Html Checker: tests/site/test_components.py). Components are found by their
folders (themes/portal/components/<name>/examples.yml), so a component added later is checked too.

The examples are checked on their pages of the built example site (/components/<name>/ and
/es/components/<name>/), where each is drawn by the component's own macros from checked
content (generator.site.examples), with the gate's own helper (test_every_page.axe_failures).
"""
from __future__ import annotations

import pytest

from generator.core.theme_files import components_with_examples
from test_every_page import axe_failures

LANGUAGES = ("en", "es")
COMPONENTS = components_with_examples()


def component_pages(name: str) -> list[str]:
    """A component's page in each language, below the site root."""
    return [("" if lang == "en" else f"{lang}/") + f"components/{name}/index.html" for lang in LANGUAGES]


@pytest.mark.browser
@pytest.mark.parametrize("name", COMPONENTS)
def test_every_example_passes_axe_at_phone_and_desktop_width(page, example_site, name):
    paths = component_pages(name)
    assert all((example_site / p).is_file() for p in paths), paths
    failures = axe_failures(page, paths)
    assert not failures, f"{name}: {len(failures)} page views with violations:\n\n" + "\n\n".join(failures)
