"""Views: the model as the theme sees it, one language at a time.

A :class:`View` shows one item in one language. Reading a field gives that
language's value; following a reference (a school's coordinator, a
meeting's school) gives a view in the same language. Templates never read
files or settings: everything they show comes through these objects.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from generator.content.model import Item, Site
from generator.content.schema import HOME_SECTIONS
from generator.core.values import Ref, Text
from generator.derive.translations import item_state


def lang_prefix(site: Site, lang: str) -> str:
    return "" if lang == site.default else f"{lang}/"


class Record(dict):
    """A group of fields (an address, a milestone) readable as attributes."""

    def __getattr__(self, name: str) -> Any:
        return self.get(name)


class View:
    def __init__(self, item: Item, lang: str):
        self._item = item
        self._lang = lang

    def __repr__(self) -> str:
        return f"<View {self._item.collection}/{self._item.slug} {self._lang}>"

    def __eq__(self, other) -> bool:
        return isinstance(other, View) and other._item is self._item and other._lang == self._lang

    def __hash__(self) -> int:
        return hash((id(self._item), self._lang))

    def __getattr__(self, name: str) -> Any:
        item = self._item
        if name.startswith("_"):
            raise AttributeError(name)
        # Computed properties (a meeting's time-zone-aware start) win over raw fields.
        if name in item.ctype.by_name and not hasattr(type(item), name):
            return wrap(item.data[self._lang].get(name), self._lang, item.site)
        return wrap(getattr(item, name), self._lang, item.site)

    # -- what every page needs ---------------------------------------------------

    @property
    def item(self) -> Item:
        return self._item

    @property
    def slug(self) -> str:
        return self._item.slug

    @property
    def type_name(self) -> str:
        return self._item.ctype.name

    @property
    def title(self) -> Text:
        return self._item.title(self._lang)

    @property
    def url(self) -> str:
        return lang_prefix(self._item.site, self._lang) + self._item.path

    @property
    def body_lang(self) -> str | None:
        body = self._item.body.get(self._lang)
        return body.lang if body else None

    @property
    def has_translation(self) -> bool:
        """True when this language has its own file for the item."""
        return self._item.has_file(self._lang)

    @property
    def source_lang(self) -> str:
        return self._item.source_lang()

    @property
    def translation(self):
        """This language's translation state: .state is translated, partial, outdated, missing or source."""
        return item_state(self._item, self._lang)

    @property
    def source_url(self) -> str:
        """This item's page in the language it was written in."""
        return lang_prefix(self._item.site, self.source_lang) + self._item.path

    @property
    def untranslated(self) -> bool:
        """True when some words on the page are shown in another language."""
        return self._item.untranslated_words(self._lang)


def wrap(value: Any, lang: str, site: Site) -> Any:
    if isinstance(value, Item):
        return View(value, lang)
    if isinstance(value, Ref):
        return View(site.resolve(value), lang)
    if isinstance(value, list):
        return [wrap(v, lang, site) for v in value]
    if isinstance(value, dict):
        return Record({k: wrap(v, lang, site) for k, v in value.items()})
    return value


class SiteView:
    """The whole site in one language: lists and lookups for templates."""

    def __init__(self, site: Site, lang: str):
        self._site = site
        self.lang = lang

    def _views(self, items) -> list[View]:
        return [View(i, self.lang) for i in items]

    @property
    def now(self):
        return self._site.now

    @property
    def today(self) -> date:
        return self._site.now.astimezone(self._site.meetings[0].tz if self._site.meetings else None).date()

    @property
    def district_name(self) -> str:
        s = self._site.settings
        return s.localized(s.district_name, self.lang)

    @property
    def home(self) -> View | None:
        """The home file in this language (content/<lang>/home.md), if the district wrote one."""
        return View(self._site.home, self.lang) if self._site.home else None

    @property
    def home_sections(self) -> list[str]:
        """What the home page shows under its introduction, in order: the home file's choice,
        or every section when there is no home file."""
        home = self._site.home
        return list(home.get(self.lang, "sections")) if home else list(HOME_SECTIONS)

    @property
    def description(self) -> Text | None:
        """The district's own words about the site for search engines and sharing, in this
        language only (a meta description cannot mark a passage in another language)."""
        home = self._site.home
        text = home.get(self.lang, "description") if home else None
        return text if text is not None and text.lang == self.lang else None

    @property
    def contact(self) -> dict:
        return self._site.settings.contact

    @property
    def schools(self) -> list[View]:
        return self._views(self._site.schools)

    @property
    def people(self) -> list[View]:
        return self._views(self._site.people)

    @property
    def managers(self) -> list[View]:
        return self._views(self._site.managers)

    @property
    def councils(self) -> list[View]:
        return self._views(self._site.councils)

    @property
    def meetings(self) -> list[View]:
        return self._views(self._site.meetings)

    @property
    def upcoming_meetings(self) -> list[View]:
        return self._views(self._site.upcoming_meetings)

    @property
    def past_meetings(self) -> list[View]:
        return self._views(self._site.past_meetings)

    def next_meeting(self, school: View | None = None) -> View | None:
        m = self._site.next_meeting(school.item if school is not None else None)
        return View(m, self.lang) if m else None

    @property
    def grants(self) -> list[View]:
        return self._views(self._site.grants)

    @property
    def news(self) -> list[View]:
        return self._views(self._site.news)

    @property
    def pages(self) -> list[View]:
        return self._views(self._site.pages)

    def service_label(self, service_id: str) -> str:
        s = self._site.settings
        return s.localized(s.services[service_id].label, self.lang)

    def service_icon(self, service_id: str) -> str:
        return self._site.settings.services[service_id].icon

    @property
    def services(self) -> list[tuple[str, str]]:
        return [(sid, self.service_label(sid)) for sid in self._site.settings.services]

    def url(self, path: str) -> str:
        """A path below this language's root, e.g. url('schools/')."""
        return lang_prefix(self._site, self.lang) + path
