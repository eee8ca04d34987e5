"""One page of the site, as derived from the model.

Each page becomes a small Markdown file under ``site_src/docs/<lang>/``:
front-matter naming the theme template and the item, and the item's body.
The theme renders the rest from the model, so the files stay small and the
same path exists in every language.
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml

# libyaml's emitter where PyYAML has it: the same text, several times faster.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class PageSpec:
    lang: str
    src: str  # path below site_src/docs/<lang>/, e.g. "schools/lincoln.md"
    template: str
    title: str
    kind: str  # "home", "list" or "item"
    collection: str = ""
    slug: str = ""
    body: str = ""
    params: tuple = ()  # extra (name, value) pairs for the template, e.g. (("service", "food_pantry"),)
    indexed: bool = True  # False: left out of the sitemap, and the page asks search engines not to index it
    # What the page shows besides the site-wide parts: "collection/slug" (an item and the items
    # it names or that name it) or "collection" (every item of a kind, the same way); nothing
    # declared means every item (generator.derive.inputs).
    shows: tuple[str, ...] = ()
    inputs: str = ""  # the fingerprint of all the page shows (generator.derive.inputs.with_inputs)

    @property
    def path(self) -> str:
        """The page's URL path below the language root, e.g. 'schools/lincoln/'."""
        stem = self.src.removesuffix(".md")
        if stem == "index":
            return ""
        return stem.removesuffix("/index") + "/"

    def render(self) -> str:
        meta = {
            "template": self.template,
            "title": self.title,
            "portal": {"kind": self.kind, "lang": self.lang, "collection": self.collection,
                       "slug": self.slug, "params": dict(self.params), "path": self.path,
                       "indexed": self.indexed},
        }
        if self.inputs:
            meta["portal"]["inputs"] = self.inputs
        head = yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
        return f"---\n{head}---\n\n{self.body}\n" if self.body else f"---\n{head}---\n"
