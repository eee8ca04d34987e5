"""What a page's template gets: the context for a page in one language."""
from __future__ import annotations

from functools import cached_property
from zoneinfo import ZoneInfo

from generator.content.model import Site
from generator.core.i18n import Formatter, Messages, babel_locale
from generator.derive.meeting_text import Words
from generator.derive.views import SiteView, View, lang_prefix


class PageContext:
    """Per-language helpers, made once per language per build."""

    def __init__(self, site: Site, lang: str):
        self.site = site
        self.lang = lang
        self.t = Messages(lang, site.default)
        self.fmt = Formatter(lang, ZoneInfo(site.settings.timezone), self.t,
                             **site.settings.formatting(lang))
        self.view = SiteView(site, lang)
        locale = babel_locale(lang)
        self.dir = "rtl" if locale.character_order == "right-to-left" else "ltr"

    @cached_property
    def words(self) -> Words:
        """Meetings' texts in this language, with their Babel formatter, made once per build
        and language rather than once per meeting a page names."""
        return Words(self.site, self.lang, self.t)

    def for_page(self, meta: dict) -> dict:
        item = None
        path = ""
        kind = meta.get("kind")
        if kind == "item":
            obj = self.site.items[meta["collection"]][meta["slug"]]
            item = View(obj, self.lang)
            path = obj.path
        elif kind == "home" and self.site.home:
            item = View(self.site.home, self.lang)
        elif kind == "list":
            path = f"{meta['collection']}/"
        if meta.get("path") is not None:
            path = meta["path"]
        return {
            "lang": self.lang,
            "dir": self.dir,
            "portal": self,
            "site": self.view,
            "item": item,
            "page_kind": kind,
            "params": meta.get("params") or {},
            "collection": meta.get("collection"),
            "alternates": self.alternates(path),
            # a --drafts preview: every page says noindex, in case it is deployed by mistake
            "preview": self.site.drafts,
            "indexed": meta.get("indexed", True),  # False: noindex (the component library)
        }

    def sitemap(self, paths: list[str]) -> list[dict]:
        """One entry per page per language, each listing all its alternates (sitemap.xml).

        Drafts and embargoed posts (only in a --drafts preview) are left out."""
        unpublished = {n.path for n in self.site.items.get("news", {}).values() if not n.is_published}
        entries = []
        for path in paths:
            if path in unpublished:
                continue
            alternates = self.alternates(path)
            for alt in alternates:
                entries.append({"loc": alt["abs_url"], "alternates": alternates,
                                "default": alternates[0]["abs_url"]})
        return entries

    def alternates(self, path: str) -> list[dict]:
        """The same page in every language (every page exists in every language)."""
        out = []
        languages = sorted(self.site.settings.languages, key=lambda l: l.code != self.site.default)
        for language in languages:
            out.append({"lang": language.code, "name": language.name,
                        "url": lang_prefix(self.site, language.code) + path,
                        "abs_url": self.site.settings.site_url + lang_prefix(self.site, language.code) + path,
                        "current": language.code == self.lang})
        return out


def page_context(ctx) -> PageContext:
    """The PageContext of the page a template is rendering (``portal`` in its context)."""
    return ctx["portal"]
