"""News that a build holds back: drafts, and posts dated after the build's "now".

Held-back posts are taken out of the model (``drop_unpublished``) so no page, list or feed
shows them; what was taken out is returned, so that ``portal check`` and ``portal build``
can say so. Without that list a post dated tomorrow in the district's time zone, though
already today by the computer's clock, would be missing from the site without a word.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from babel.dates import format_date

from generator.content.model import News, Site


@dataclass(frozen=True)
class HeldBack:
    """One post that is not on the site, and why."""

    files: tuple[str, ...]  # its files, default language first
    draft: bool
    appears: datetime | None  # for a post dated later: the first moment a build publishes it
    timezone: str

    def describe(self) -> str:
        """A line for the command's output, in plain words."""
        files = " and ".join(self.files)
        if self.draft:
            return f"{files}: a draft (draft: true); it is published once that line is taken out"
        day = format_date(self.appears, "EEEE, MMMM d, y", locale="en")
        return (f"{files}: appears on {day} at {self.appears:%H:%M} ({self.timezone}), "
                "with the first build from then on")


def held_back(site: Site) -> list[HeldBack]:
    """Every news post that a build (without --drafts) leaves out, in file order."""
    zone = site.settings.timezone
    out = []
    for post in sorted(site.items["news"].values(), key=lambda n: n.slug):
        if post.is_published:
            continue
        appears = None if post.is_draft else datetime.combine(post.date, time(0), ZoneInfo(zone))
        out.append(HeldBack(_files(site, post), post.is_draft, appears, zone))
    return out


def _files(site: Site, post: News) -> tuple[str, ...]:
    langs = sorted(post.sources, key=lambda lang: (lang != site.default, lang))
    return tuple(post.sources[lang].path for lang in langs)


def drop_unpublished(site: Site) -> list[HeldBack]:
    """Take drafts and later-dated news out of the model (unless previewing drafts), so no page,
    listing, feed, card, "more news", school page or search entry can show them; return them."""
    if site.drafts:
        return []
    dropped = held_back(site)
    site.items["news"] = {slug: n for slug, n in site.items["news"].items() if n.is_published}
    site.forget_lists()  # lists computed while checking rules included them
    return dropped
