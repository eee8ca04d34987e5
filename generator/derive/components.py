"""The component library's pages: /components/ and one page per component.

They are for the people who build and check the theme, not for families: they are in
every language, like every page, but left out of the sitemap and the navigation, and
they ask search engines not to index them. /components/ lists every component and its
examples; /components/<name>/ shows that component's examples, drawn by its own macros
(one page each keeps every page within the weight budget however many examples there
are). What they show comes from the theme's examples (generator.site.examples), which
the site stage reads.
"""
from __future__ import annotations

from generator.content.model import Site
from generator.core.theme_files import components_with_examples
from generator.derive.page import PageSpec

COMPONENTS_PATH = "components/"


def component_pages(site: Site, messages_for) -> list[PageSpec]:
    """/components/ and /components/<name>/ for every component with examples, in every language."""
    pages = []
    for lang in site.languages:
        title = messages_for(lang)("components.title")
        pages.append(PageSpec(lang, f"{COMPONENTS_PATH}index.md", "components.html", title,
                              "components", indexed=False))
        for name in components_with_examples():
            pages.append(PageSpec(lang, f"{COMPONENTS_PATH}{name}.md", "component.html", title,
                                  "components", params=(("component", name),), indexed=False))
    return pages
