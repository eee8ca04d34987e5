"""Derive: from the model, the list of pages every language gets.

Each page becomes a small Markdown file under ``site_src/docs/<lang>/``:
front-matter naming the theme template and the item, and the item's body.
The theme renders the rest from the model, so the files stay small and the
same path exists in every language.
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from .model import Item, Site
from .schema import CONTENT_TYPES


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
                       "slug": self.slug, "params": dict(self.params), "path": self.path},
        }
        head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        return f"---\n{head}---\n\n{self.body}\n" if self.body else f"---\n{head}---\n"


@dataclass(frozen=True)
class OutputFile:
    """A file published as it is (a calendar, a contact card, a feed, an image).

    ``lang`` set: written to site_src/docs/<lang>/<rel> and published at
    /<rel> (default language) or /<lang>/<rel>. ``lang`` None: written to
    site_src/static/<rel> and published once at /<rel>.
    """

    rel: str
    data: str | bytes
    lang: str | None = None
    owner: str = ""


# Producers of extra pages (a page per service, a calendar month, a flyer...) register
# here: each is called as producer(site, messages_for) and returns PageSpec objects.
PAGE_PRODUCERS: list = []

# Producers of extra files register here: each is called as producer(site, messages_for)
# and returns OutputFile objects. Keeping the list here keeps the pipeline readable.
FILE_PRODUCERS: list = []


def derive_files(site: Site, messages_for) -> list[OutputFile]:
    files: list[OutputFile] = []
    for producer in FILE_PRODUCERS:
        files.extend(producer(site, messages_for))
    return files


def derive_pages(site: Site, messages_for) -> list[PageSpec]:
    """Every page in every language. ``messages_for(lang)`` gives a message lookup."""
    pages: list[PageSpec] = []
    for lang in site.languages:
        t = messages_for(lang)
        pages.append(PageSpec(lang, "index.md", "home.html", t("home.title"), "home"))
        for collection, ctype in CONTENT_TYPES.items():
            if ctype.list_template:
                pages.append(PageSpec(lang, f"{collection}/index.md", ctype.list_template,
                                      t(f"{collection}.title"), "list", collection))
            for item in site.items[collection].values():
                pages.append(_item_page(item, lang))
    for producer in PAGE_PRODUCERS:
        pages.extend(producer(site, messages_for))
    return pages


def _item_page(item: Item, lang: str) -> PageSpec:
    body = item.body.get(lang) or ""
    return PageSpec(lang=lang, src=item.path.rstrip("/") + ".md", template=item.ctype.template,
                    title=str(item.title(lang)), kind="item", collection=item.collection,
                    slug=item.slug, body=str(body))
