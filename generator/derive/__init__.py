"""Derive: from the model, the list of pages every language gets, and what the theme shows.

Every item gets a page in every language, every collection a listing, and the
stage's producers add the rest: the news listing's pages, the grants dashboard,
meeting lists, month calendars, flyers and a page per body, the schools directory,
and the theme's component library. Each
producer is a function ``producer(site, messages_for)`` returning
:class:`~generator.derive.page.PageSpec` objects; :data:`PAGE_PRODUCERS` lists
them all, so this file says which pages the site has.
"""
from __future__ import annotations

from generator.content.model import Item, Meeting, Site
from generator.content.schema import CONTENT_TYPES
from generator.derive.components import component_pages
from generator.derive.directory import directory_pages
from generator.derive.meeting_filter import body_pages
from generator.derive.meeting_text import Words
from generator.derive.meetings import meeting_pages
from generator.derive.news import news_pages
from generator.derive.page import PageSpec
from generator.derive.progress import dashboard_pages

# Extra pages besides one per item and one listing per collection, in this order.
PAGE_PRODUCERS = (news_pages, dashboard_pages, meeting_pages, body_pages, directory_pages,
                  component_pages)


def derive_pages(site: Site, messages_for) -> list[PageSpec]:
    """Every page in every language. ``messages_for(lang)`` gives a message lookup."""
    pages: list[PageSpec] = []
    for lang in site.languages:
        t = messages_for(lang)
        words = Words(site, lang, t)
        pages.append(_home_page(site, lang, t))
        for collection, ctype in CONTENT_TYPES.items():
            if ctype.single:
                continue  # the home file is the home page, made above
            if ctype.list_template:
                pages.append(PageSpec(lang, f"{collection}/index.md", ctype.list_template,
                                      t(f"{collection}.title"), "list", collection,
                                      shows=(collection,)))
            for item in site.items[collection].values():
                pages.append(_item_page(item, lang, words))
    for producer in PAGE_PRODUCERS:
        pages.extend(producer(site, messages_for))
    return pages


def _home_page(site: Site, lang: str, t) -> PageSpec:
    """The home page, with the home file's introduction as its body when there is one."""
    home = site.home
    body = (home.body.get(lang) or "") if home else ""
    return PageSpec(lang, "index.md", "home.html", t("home.title"), "home",
                    collection="home" if home else "", slug="home" if home else "", body=str(body))


def _item_page(item: Item, lang: str, words: Words) -> PageSpec:
    body = item.body.get(lang) or ""
    # A meeting's page is titled with its full name, so the browser's tab, bookmarks and search
    # results tell one meeting from another ("December meeting" alone would not).
    title = words.title(item) if isinstance(item, Meeting) else str(item.title(lang))
    return PageSpec(lang=lang, src=item.path.rstrip("/") + ".md", template=item.ctype.template,
                    title=title, kind="item", collection=item.collection,
                    slug=item.slug, body=str(body),
                    shows=(f"{item.collection}/{item.slug}",))
