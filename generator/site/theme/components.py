"""The component library page (/components/): every example, drawn by its component's macros.

Each example is rendered as a page renders the component: the component's template is
imported with a page's context, in the page's language, and its macros get the item as
the templates of real pages see it (a View of the examples' checked site, from
generator.site.examples). Two things are then adjusted in its HTML, because many
examples share one page and their items have no pages of their own: its ids get the
example's name in front (two timeline pictures would otherwise both be
``timeline-title``), and its links within the site lead to the example itself.
"""
from __future__ import annotations

import re

from jinja2 import pass_context
from markupsafe import Markup

from generator.core.values import Text
from generator.derive.views import View
from generator.site.examples import EXAMPLE_IMAGES, Component, Example, Gallery
from generator.site.theme.context import PageContext

# Links that leave the site, or stay on the page, are kept as they are.
KEPT_LINK = re.compile(r"^(#|[a-z][a-z0-9+.-]*:)", re.I)
ID = re.compile(r'\sid="([^"]+)"')
ID_REFERENCES = re.compile(r'(\s(?:aria-labelledby|aria-describedby|for)=")([^"]*)(")')
HREF = re.compile(r'(\shref=")([^"]*)(")')
PICTURE = re.compile(r'(\s(?:src|srcset)=")([^"]*)(")')
IMAGES = re.compile(r"(^|[\s/])images/")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")
# What MkDocs' url filter needs to make the examples' addresses relative to this page.
PAGE_VARIABLES = ("page", "base_url", "config")


def gallery_of(ctx) -> tuple[Gallery, PageContext]:
    """The examples, and a page context for their site in the page's language."""
    gallery: Gallery = ctx["gallery"]
    return gallery, PageContext(gallery.site, ctx["lang"])


@pass_context
def component_gallery(ctx) -> list[dict]:
    """Every component with the labels of its examples, in the page's language (the library's
    first page): [{name, title, examples: [{id, label}]}]."""
    gallery, examples_context = gallery_of(ctx)
    lang, default = examples_context.lang, gallery.site.default
    return [{"name": comp.name, "title": words(comp.title, lang, default),
             "examples": [{"id": anchor(comp, ex), "label": words(ex.label, lang, default)}
                          for ex in comp.examples]}
            for comp in gallery.components]


@pass_context
def component_examples(ctx, name: str) -> dict:
    """One component with every example rendered, in the page's language:
    {name, title, examples: [{id, label, html}]}."""
    gallery, examples_context = gallery_of(ctx)
    comp = next(c for c in gallery.components if c.name == name)
    page = {var: ctx[var] for var in PAGE_VARIABLES if var in ctx}
    return {"name": comp.name, "title": words(comp.title, examples_context.lang, gallery.site.default),
            "examples": [shown(ctx.environment, comp, ex, examples_context, page)
                         for ex in comp.examples]}


def anchor(comp: Component, example: Example) -> str:
    return f"{comp.name}-{example.id}"


def shown(env, comp: Component, example: Example, examples_context: PageContext, page: dict) -> dict:
    """One example: its label and its HTML, rendered by the component's own macros."""
    lang = examples_context.lang
    default = examples_context.site.default
    own = anchor(comp, example)
    source = (f'{{% import "components/{comp.name}/{comp.name}.html" as c with context %}}'
              + example.show)
    variables = {**page, **examples_context.for_page({"kind": "components"}),
                 "item": item_view(examples_context, example.item),
                 "args": localized(example.args, lang, default)}
    html = env.from_string(source).render(variables)
    return {"id": own, "label": words(example.label, lang, default),
            "html": Markup(contained(html, own))}


def item_view(examples_context: PageContext, key: str) -> View | None:
    """The example's item ("meetings/<name>") as page templates see it."""
    if not key:
        return None
    collection, _, slug = key.partition("/")
    return View(examples_context.site.items[collection][slug], examples_context.lang)


def words(by_lang: dict, lang: str, default: str) -> Text:
    """Text given per language, in the page's language; else in the site's default language or
    English, and then it knows its language, so the page marks it."""
    for code in (lang, default, "en"):
        if code in by_lang:
            return Text(str(by_lang[code]), code)
    return Text("", lang)


def is_per_language(value) -> bool:
    """{en: ..., es: ...}: texts by language code, English among them (examples files give
    every text in English at least)."""
    return (isinstance(value, dict) and "en" in value
            and all(isinstance(k, str) and LANGUAGE_CODE.match(k) and isinstance(v, str)
                    for k, v in value.items()))


def localized(value, lang: str, default: str):
    """An example's arguments with every text given per language in the page's language."""
    if is_per_language(value):
        return words(value, lang, default)
    if isinstance(value, dict):
        return {k: localized(v, lang, default) for k, v in value.items()}
    if isinstance(value, list):
        return [localized(v, lang, default) for v in value]
    return value


def contained(html: str, anchor: str) -> str:
    """The example's HTML with its ids prefixed by its anchor, its links within the site (its
    item's page, calendar, contact card) leading to the example itself, and its pictures
    where the examples' pictures are published."""
    ids = set(ID.findall(html))

    def own(value: str) -> str:
        return f"{anchor}-{value}" if value in ids else value

    html = ID.sub(lambda m: f' id="{own(m.group(1))}"', html)
    html = ID_REFERENCES.sub(lambda m: m.group(1) + " ".join(own(v) for v in m.group(2).split())
                             + m.group(3), html)

    def link(m: re.Match) -> str:
        target = m.group(2)
        if target.startswith("#"):
            return m.group(1) + "#" + own(target[1:]) + m.group(3)
        if KEPT_LINK.match(target):
            return m.group(0)
        return m.group(1) + "#" + anchor + m.group(3)

    html = HREF.sub(link, html)
    # the examples' pictures are published apart from the district's (generator.site.project)
    return PICTURE.sub(lambda m: m.group(1) + IMAGES.sub(rf"\1{EXAMPLE_IMAGES}images/", m.group(2))
                       + m.group(3), html)


GLOBALS = {"component_gallery": component_gallery, "component_examples": component_examples}
