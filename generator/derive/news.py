"""The news listing in pages: /news/, /news/page/2/, ... newest first.

``news_per_page`` in portal.yml sets the page size. Page 1 is the news
listing every collection gets; this module adds the pages after it and gives
the template the posts of the page it renders.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.content.model import Site
from generator.derive.page import PageSpec
from generator.derive.views import View, lang_prefix


def page_path(number: int) -> str:
    """A listing page's path below the language root."""
    return "news/" if number <= 1 else f"news/page/{number}/"


def page_count(site: Site) -> int:
    per = site.settings.news_per_page
    return max(1, -(-len(site.news) // per))


@dataclass
class NewsPage:
    number: int
    count: int
    posts: list[View]
    pages: list[dict]  # every page: number, url, current

    @property
    def previous(self) -> dict | None:
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> dict | None:
        return self.pages[self.number] if self.number < self.count else None


def news_page(site: Site, lang: str, number: int = 1) -> NewsPage:
    per = site.settings.news_per_page
    count = page_count(site)
    number = min(max(1, int(number or 1)), count)
    posts = site.news[(number - 1) * per: number * per]
    pages = [{"number": n, "url": lang_prefix(site, lang) + page_path(n), "current": n == number}
             for n in range(1, count + 1)]
    return NewsPage(number, count, [View(p, lang) for p in posts], pages)


def news_pages(site: Site, messages_for) -> list[PageSpec]:
    """Listing pages 2, 3... in every language (page 1 is the collection's list page)."""
    specs = []
    for lang in site.languages:
        t = messages_for(lang)
        for n in range(2, page_count(site) + 1):
            specs.append(PageSpec(lang, page_path(n) + "index.md", "news.html",
                                  t("news_pages.title", page=n), "paged", "news",
                                  params=(("page", n),), shows=("news",)))
    return specs
