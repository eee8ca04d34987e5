"""What a page tells social sites and feed readers: Open Graph, Twitter and feed links.

Used by themes/portal/partials/social_meta.html through the ``share`` and
``feed_links`` template helpers (generator.site.theme).
"""
from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from generator.content.model import Site
from generator.derive.views import lang_prefix
from generator.outputs.cards import HEIGHT, WIDTH, card_path
from generator.outputs.feeds import feed_rel, school_feed_name

FEED_FORMATS = (("atom", "application/atom+xml"), ("rss", "application/rss+xml"))


@lru_cache(maxsize=None)
def og_locale(lang: str, timezone: str) -> str:
    """The Open Graph locale (language_TERRITORY) for a site language: the district's country
    (from its time zone) when the language is used there (es -> es_US), else the language's
    most likely territory (es -> es_ES); a language Babel does not know (mix) as it is."""
    try:
        base = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return lang.replace("-", "_")
    territory = get_global("zone_territories").get(timezone)
    if base.territory:
        return f"{base.language}_{base.territory}"
    if territory:
        try:
            Locale.parse(f"{base.language}_{territory}")
            return f"{base.language}_{territory}"
        except (UnknownLocaleError, ValueError):
            pass
    likely = Locale.parse(get_global("likely_subtags").get(base.language, base.language))
    return f"{base.language}_{likely.territory}" if likely.territory else base.language


def absolute(site: Site, lang: str | None, rel: str) -> str:
    """The absolute URL of a file: lang None for files published once at the root."""
    prefix = lang_prefix(site, lang) if lang else ""
    return site.settings.site_url + prefix + rel


def feed_links(site: Site, lang: str, item=None) -> list[dict]:
    """Feeds to advertise on a page: the news feeds, and a school's own feeds on its page."""
    names = [("news", None)]
    if item is not None and item.collection == "schools":
        names.append((school_feed_name(item), item))
    out = []
    for name, school in names:
        for fmt, mime in FEED_FORMATS:
            out.append({"href": absolute(site, lang, feed_rel(name, fmt)), "type": mime,
                        "format": fmt, "school": school})
    return out


def share(site: Site, lang: str, item, title: str, url: str) -> dict:
    """Open Graph data for one page. ``item`` is the page's item (or None)."""
    tz = site.settings.timezone
    image_item = item if item is not None else None
    data = {
        "title": title,
        "url": url,
        "site_name": site.settings.localized(site.settings.district_name, lang),
        "type": "website",
        "image": absolute(site, None, card_path(lang, image_item)),
        "image_width": WIDTH,
        "image_height": HEIGHT,
        "locale": og_locale(lang, tz),
        "locale_alternates": [og_locale(other, tz) for other in site.languages if other != lang],
        "published": None,
    }
    if item is not None and item.collection == "news":
        data["type"] = "article"
        data["published"] = item.date.isoformat()
    return data
